import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { completeK8s } from '../../../../server/src/languages/k8s/completion';
import { hoverK8s } from '../../../../server/src/languages/k8s/hover';
import { parseK8s } from '../../../../server/src/languages/k8s/model';
import { withVersion } from './manifests';

const ctx = (version = '1.35') => ({ uri: 'file:///x', settings: { ...DEFAULT_SETTINGS, ...withVersion(version) } });
const complete = (text: string, line: number, character: number, version?: string) => completeK8s(parseK8s(text), { line, character }, ctx(version)).map((e) => e.label);

test('field completion follows the indentation, through lists, block and compact', () => {
  assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  rep\n', 5, 5), ['replicas']);
  assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          imag\n', 7, 14), ['image', 'imagePullPolicy']);
  assert.deepEqual(complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    resources:\n      \n', 6, 6), ['claims', 'limits', 'requests']);
  const newItem = complete('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n  - \n', 5, 4);
  assert.ok(newItem.includes('name') && newItem.includes('image'));
  // Per release: pod-level resources arrived in 1.32.
  assert.ok(complete('apiVersion: v1\nkind: Pod\nspec:\n  \n', 3, 2, '1.35').includes('resources'));
  assert.ok(!complete('apiVersion: v1\nkind: Pod\nspec:\n  \n', 3, 2, '1.31').includes('resources'));
  assert.deepEqual(complete('apiVersion: example.com/v1\nkind: Widget\nspec:\n  \n', 3, 2), []);
});

test('hover: a field\'s type, required-ness and description; nothing on custom resources', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  selector: {matchLabels: {a: b}}\n';
  const h = hoverK8s(parseK8s(text), { line: 3, character: 4 }, ctx());
  assert.match(h?.contents ?? '', /^\*\*replicas\*\* `integer \(int32\)` — apps\/v1 Deployment, Kubernetes 1\.35\n\nNumber of desired pods/);
  const sel = hoverK8s(parseK8s(text), { line: 4, character: 4 }, ctx());
  assert.match(sel?.contents ?? '', /\*\*selector\*\* `LabelSelector` · required/);
  assert.equal(hoverK8s(parseK8s('apiVersion: example.com/v1\nkind: W\nspec:\n  x: 1\n'), { line: 3, character: 2 }, ctx()), undefined);
});
