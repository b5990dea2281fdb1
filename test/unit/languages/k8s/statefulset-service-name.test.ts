import assert from 'node:assert/strict';
import test from 'node:test';
import { lintText } from '../../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { LANGUAGES } from '../../../../server/src/languages';
import { findingsOf } from './manifests';
import { service, statefulSet } from './services';

const RULE = 'k8s/statefulset-service-name';

test('a governing Service that is not headless, in the same file', async () => {
  const [f] = await findingsOf(RULE, `${service('kafka', 'selector: {app: kafka}\nports: [{port: 9092}]')}---\n${statefulSet('kafka', 'kafka')}`);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /not headless \(in this file\)/);
  assert.equal(f.related?.length, 1);
});

test('a serviceName that names no Service, with a fix to the headless one in view', async () => {
  const [f] = await findingsOf(RULE, `${service('kafka-headless', 'clusterIP: None\nselector: {app: kafka}')}---\n${statefulSet('kafka', 'kafka-headles')}`);
  assert.equal(f.severity, 'information');
  assert.equal(f.fixes?.[0].edits[0].newText, 'kafka-headless');
});

test('across workspace files: the Service in another document is found', async () => {
  const lint = (serviceText: string) =>
    lintText(LANGUAGES.k8s, statefulSet('kafka', 'kafka'), {
      uri: 'file:///w/sts.yaml',
      settings: DEFAULT_SETTINGS,
      workspaceDocuments: () => [{ uri: 'file:///w/svc.yaml', text: serviceText }],
    });
  const bad = (await lint(service('kafka', 'selector: {app: kafka}\nports: [{port: 9092}]'))).findings.filter((f) => f.ruleId === RULE);
  assert.match(bad[0].message, /not headless \(in another file\)/);
  assert.equal(bad[0].related?.[0].uri, 'file:///w/svc.yaml');
  const good = (await lint(service('kafka', 'clusterIP: None\nselector: {app: kafka}'))).findings;
  assert.deepEqual(good, []);
});

test('quiet with a headless Service, or with no Service in view at all', async () => {
  assert.deepEqual(await findingsOf(RULE, `${service('kafka', 'clusterIP: None\nselector: {app: kafka}')}---\n${statefulSet('kafka', 'kafka')}`), []);
  assert.deepEqual(await findingsOf(RULE, statefulSet('kafka', 'kafka')), []);
});
