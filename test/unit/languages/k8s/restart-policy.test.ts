import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf, pod } from './manifests';

const RULE = 'k8s/restart-policy';

test('an unknown pod restartPolicy is unsupported, with the case fixed', async () => {
  const [f] = await findingsOf(RULE, pod('restartPolicy: always\ncontainers: [{name: c}]'));
  assert.equal(f.message, 'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"');
  assert.equal(lineOf(f), 6);
  assert.equal(f.fixes?.[0].edits[0].newText, 'Always');
});

test('the three policies are accepted', async () => {
  for (const p of ['Always', 'OnFailure', 'Never']) assert.deepEqual(await findingsOf(RULE, pod(`restartPolicy: ${p}\ncontainers: [{name: c}]`)), [], p);
});
