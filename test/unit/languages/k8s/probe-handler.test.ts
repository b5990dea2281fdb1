import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/probe-handler';
const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i\n      ${container}\n`;

test('a probe needs exactly one handler', async () => {
  const [none] = await findingsOf(RULE, pod('readinessProbe: {periodSeconds: 5}'));
  assert.equal(none.message, 'spec.containers[0].readinessProbe: Required value: must specify a handler type');
  const [two] = await findingsOf(RULE, pod('livenessProbe: {httpGet: {port: 80}, tcpSocket: {port: 80}}'));
  assert.equal(two.message, 'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type');
  const [hook] = await findingsOf(RULE, pod('lifecycle: {preStop: {}}'));
  assert.equal(hook.message, 'spec.containers[0].lifecycle.preStop: Required value: must specify a handler type');
});

test('quiet with one handler', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('livenessProbe: {grpc: {port: 9090}}\n      readinessProbe: {exec: {command: [true]}}\n      lifecycle: {preStop: {sleep: {seconds: 5}}}')), []);
});
