import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/memory-milli';

test('memory: 500m is half a byte: a warning with a fix to 500Mi', async () => {
  const [f] = await findingsOf(RULE, pod('containers:\n  - name: c\n    resources: {requests: {memory: 500m}}\n'));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /500m is 0\.5 bytes/);
  assert.equal(f.fixes?.[0].edits[0].newText, '500Mi');
});

test('cpu: 500m and memory: 500Mi are quiet', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('containers:\n  - name: c\n    resources: {requests: {cpu: 500m, memory: 500Mi}}\n')), []);
});
