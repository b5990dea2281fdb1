import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/resource-name';
const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i\n      resources: ${resources}\n`;

test('resource names that are not container resources', async () => {
  const [typo] = await findingsOf(RULE, pod('{limits: {cpus: "1"}}'));
  assert.equal(typo.message, 'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified');
  assert.equal(typo.fixes?.[0].edits[0].newText, 'cpu');
  const [quota] = await findingsOf(RULE, pod('{requests: {requests.memory: 1Gi}}'));
  assert.equal(quota.message, 'spec.containers[0].resources.requests[requests.memory]: Invalid value: "requests.memory": must be a standard resource for containers');
});

test('quiet on standard, hugepages and extended resources', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('{limits: {cpu: "1", memory: 1Gi, ephemeral-storage: 1Gi, hugepages-2Mi: 1Gi, nvidia.com/gpu: 1}}')), []);
});
