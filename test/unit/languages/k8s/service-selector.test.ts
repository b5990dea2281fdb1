import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { service, statefulSet } from './services';

const RULE = 'k8s/service-selector';

test('a selector that matches none of the pod templates in view', async () => {
  const [f] = await findingsOf(RULE, `${service('db', 'clusterIP: None\nselector: {app: dbb}')}---\n${statefulSet('db', 'db')}`);
  assert.match(f.message, /selector app=dbb matches none of the pod templates in view/);
});

test('quiet when a template matches or no workload is in view', async () => {
  assert.deepEqual(await findingsOf(RULE, `${service('db', 'clusterIP: None\nselector: {app: db}')}---\n${statefulSet('db', 'db')}`), []);
  assert.deepEqual(await findingsOf(RULE, service('db', 'clusterIP: None\nselector: {app: db}')), []);
});
