import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod, withVersion } from './manifests';

const RULE = 'k8s/resize-memory-limit';
const text = pod('containers:\n  - name: c\n    resizePolicy: [{resourceName: memory, restartPolicy: NotRequired}]\n');

test('1.33 and 1.34: memory NotRequired cannot lower the limit in place', async () => {
  const [f] = await findingsOf(RULE, text, withVersion('1.34'));
  assert.match(f.message, /spec\.containers\[0\]\.resources\.limits\[memory\]: Forbidden: memory limits cannot be decreased unless resizePolicy is RestartContainer/);
});

test('1.35 allows it (best-effort); RestartContainer is fine anywhere', async () => {
  assert.deepEqual(await findingsOf(RULE, text), []);
  assert.deepEqual(await findingsOf(RULE, text.replace('NotRequired', 'RestartContainer'), withVersion('1.33')), []);
});
