import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/memory-decimal-unit';

test('memory: 1G is information saying what it amounts to', async () => {
  const [f] = await findingsOf(RULE, pod('containers:\n  - name: c\n    resources: {limits: {memory: 1G}}\n'));
  assert.equal(f.severity, 'information');
  assert.notEqual(f.fixes?.[0].preferred, true, 'advice: fix-all must not change the amount');
  assert.equal(f.message, '1G is 953.7Mi (decimal G, powers of 1000); 1Gi is 1Gi');
  assert.equal(f.fixes?.[0].edits[0].newText, '1Gi');
});

test('binary units and cpu are quiet', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('containers:\n  - name: c\n    resources: {limits: {memory: 1Gi, cpu: 1k}}\n')), []);
});
