import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/resize-qos';
const resized = (resources: string) => pod(`containers:\n  - name: c\n    resources: ${resources}\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n`);

test('a Guaranteed pod with resizePolicy gets the QoS hint', async () => {
  const f = await findingsOf(RULE, resized('{limits: {cpu: 500m, memory: 1Gi}}'));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Pod QOS Class may not change as a result of resizing/);
});

test('a Burstable pod does not', async () => {
  assert.deepEqual(await findingsOf(RULE, resized('{requests: {cpu: 250m, memory: 1Gi}, limits: {cpu: 500m, memory: 1Gi}}')), []);
});
