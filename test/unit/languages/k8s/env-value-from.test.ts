import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/env-value-from';
const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i\n      env:\n        - ${env}\n`;

test('value and valueFrom together, no source, two sources', async () => {
  const m = async (env: string) => (await findingsOf(RULE, pod(env))).map((f) => f.message);
  assert.deepEqual(await m('{name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}'), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']);
  assert.deepEqual(await m('{name: A, valueFrom: {}}'), ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`']);
  assert.deepEqual(await m('{name: A, valueFrom: {secretKeyRef: {name: s, key: k}, configMapKeyRef: {name: c, key: k}}}'), ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time']);
});

test('quiet with a value, or one source', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('{name: A, value: x}')), []);
  assert.deepEqual(await findingsOf(RULE, pod('{name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}')), []);
});
