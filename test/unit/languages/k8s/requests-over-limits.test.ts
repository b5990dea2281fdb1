import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/requests-over-limits';
const resources = (r: string) => pod(`containers:\n  - name: c\n    resources: ${r}\n`);

test('a request above its limit, compared as quantities', async () => {
  const [f] = await findingsOf(RULE, resources("{requests: {cpu: '2', memory: 1Gi}, limits: {cpu: 1500m, memory: 1Gi}}"));
  assert.equal(f.message, 'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1500m');
});

test('equal or lower requests are quiet (1Gi > 1G)', async () => {
  assert.deepEqual(await findingsOf(RULE, resources('{requests: {cpu: 500m, memory: 1G}, limits: {cpu: 0.5, memory: 1Gi}}')), []);
});
