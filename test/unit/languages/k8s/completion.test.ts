import assert from 'node:assert/strict';
import test from 'node:test';
import { completeK8s } from '../../../../server/src/languages/k8s/completion';
import { parseK8s } from '../../../../server/src/languages/k8s/model';
import { pod } from './manifests';
import { vpa } from './vpaManifests';

/** Completion at the end of the first line that contains `needle`. */
function completeAt(text: string, needle: string) {
  const ast = parseK8s(text);
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in text`);
  return completeK8s(ast, { line, character: text.split('\n')[line].length });
}

test('resizePolicy values come from the table the rule checks', () => {
  const text = pod('containers:\n  - name: c\n    resizePolicy:\n      - resourceName: cpu\n        restartPolicy: Not');
  const items = completeAt(text, 'restartPolicy: Not');
  assert.deepEqual(items.map((i) => i.label), ['NotRequired', 'RestartContainer']);
  assert.deepEqual(items[0].range, { start: { line: 9, character: 25 }, end: { line: 9, character: 28 } });
  assert.match(items[1].documentation!, /restarts the container/);
  assert.deepEqual(completeAt(pod('containers:\n  - name: c\n    resizePolicy:\n      - resourceName: '), 'resourceName').map((i) => i.label), ['cpu', 'memory']);
});

test('VPA updateMode lists Auto last, as deprecated; a pod restartPolicy gets pod values', () => {
  const modes = completeAt(vpa('updatePolicy:\n  updateMode: '), 'updateMode');
  const sorted = [...modes].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  assert.equal(sorted.at(-1), 'Auto');
  assert.ok(sorted.includes('InPlaceOrRecreate'));
  assert.deepEqual(completeAt(pod('restartPolicy: \ncontainers: [{name: c}]'), 'restartPolicy').map((i) => i.label), ['Always', 'OnFailure', 'Never']);
});

test('no completion for free-form keys or outside manifests', () => {
  assert.deepEqual(completeAt(pod('containers:\n  - name: '), 'name: '), []);
  assert.deepEqual(completeAt('dnsPolicy: \n', 'dnsPolicy'), []);
});
