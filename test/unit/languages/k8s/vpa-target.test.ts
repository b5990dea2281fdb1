import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { deployment, vpa } from './vpaManifests';

const RULE = 'k8s/vpa-target';

test('a targetRef naming no workload in view, and a containerName the target lacks', async () => {
  const typo = await findingsOf(RULE, `${deployment('api', '- name: app\n  image: x')}---\n${vpa('updatePolicy: {updateMode: Recreate}', 'apii')}`);
  assert.match(typo[0].message, /no Deployment named "apii".*did you mean "api"/);
  assert.equal(typo[0].fixes?.[0].edits[0].newText, 'api');
  const container = await findingsOf(RULE, `${deployment('api', '- name: app\n  image: x')}---\n${vpa('resourcePolicy:\n  containerPolicies: [{containerName: ap}]')}`);
  assert.match(container[0].message, /has no container "ap"/);
});

test('quiet when the target and its containers exist, or when no workload is in view', async () => {
  assert.deepEqual(await findingsOf(RULE, `${deployment('api', '- name: app\n  image: x')}---\n${vpa("resourcePolicy:\n  containerPolicies: [{containerName: app}, {containerName: '*'}]")}`), []);
  assert.deepEqual(await findingsOf(RULE, vpa('updatePolicy: {updateMode: Recreate}', 'elsewhere')), []);
});
