import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf, pod } from './manifests';

const RULE = 'k8s/resize-resource-name';

test('fires on an unsupported resource and on a duplicate, with the API server words', async () => {
  const f = await findingsOf(RULE, pod('containers:\n  - name: c\n    resizePolicy:\n      - {resourceName: cpus, restartPolicy: NotRequired}\n      - {resourceName: memory, restartPolicy: NotRequired}\n      - {resourceName: memory, restartPolicy: RestartContainer}\n'));
  assert.deepEqual(f.map((x) => x.message), [
    'spec.containers[0].resizePolicy[0].resourceName: Unsupported value: "cpus": supported values: "cpu", "memory"',
    'spec.containers[0].resizePolicy[2]: Duplicate value: "memory"',
  ]);
  assert.equal(f[0].fixes?.[0].edits[0].newText, 'cpu');
  assert.deepEqual(f.map(lineOf), [9, 11]);
});

test('does not fire on cpu and memory once each', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('containers:\n  - name: c\n    resizePolicy:\n      - {resourceName: cpu, restartPolicy: NotRequired}\n      - {resourceName: memory, restartPolicy: RestartContainer}\n')), []);
});
