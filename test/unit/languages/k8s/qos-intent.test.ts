import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/qos-intent';
const resources = (r: string) => pod(`containers:\n  - name: c\n    resources: ${r}\n`);

test('memory request == limit but no cpu limit: Burstable, not Guaranteed', async () => {
  const [f] = await findingsOf(RULE, resources('{requests: {cpu: 250m, memory: 1Gi}, limits: {memory: 1Gi}}'));
  assert.match(f.message, /add limits\.cpu: 250m for Guaranteed/);
});

test('quiet with a cpu limit, or when memory request differs from its limit', async () => {
  assert.deepEqual(await findingsOf(RULE, resources('{requests: {cpu: 250m, memory: 1Gi}, limits: {cpu: 250m, memory: 1Gi}}')), []);
  assert.deepEqual(await findingsOf(RULE, resources('{requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}')), []);
});
