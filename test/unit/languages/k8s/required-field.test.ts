import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/required-field';

test('metadata.name and container image are required', async () => {
  const m = async (text: string) => (await findingsOf(RULE, text)).map((f) => f.message);
  assert.deepEqual(await m('apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n'), ['metadata.name: Required value: name or generateName is required']);
  assert.deepEqual(await m('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c}]\n'), ['spec.containers[0].image: Required value']);
});

test('quiet with a name or generateName, and on custom resources', async () => {
  assert.deepEqual(await findingsOf(RULE, 'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: j-}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: i}]\n'), []);
  assert.deepEqual(await findingsOf(RULE, 'apiVersion: example.com/v1\nkind: Widget\nspec: {}\n'), []);
});
