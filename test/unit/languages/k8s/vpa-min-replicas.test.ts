import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { vpa } from './vpaManifests';

test('minReplicas 0 is rejected, 1 is fine', async () => {
  const [f] = await findingsOf('k8s/vpa-min-replicas', vpa('updatePolicy: {updateMode: Recreate, minReplicas: 0}'));
  assert.equal(f.message, 'spec.updatePolicy.minReplicas: Invalid value: 0: minReplicas has to be positive');
  assert.deepEqual(await findingsOf('k8s/vpa-min-replicas', vpa('updatePolicy: {updateMode: Recreate, minReplicas: 1}')), []);
});
