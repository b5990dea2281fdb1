import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';
import { service } from './services';

const RULE = 'k8s/pod-hostname';

test('hostname must be a DNS-1123 label (the API server message, a lowercase fix)', async () => {
  const [f] = await findingsOf(RULE, pod('hostname: Node_A\nsubdomain: peers\ncontainers: [{name: c}]'));
  assert.match(f.message, /^spec\.hostname: Invalid value: "Node_A": a lowercase RFC 1123 label must consist of/);
  assert.equal(f.fixes?.[0].edits[0].newText, 'node-a');
});

test('a subdomain whose Service is not headless gets no record', async () => {
  const [f] = await findingsOf(RULE, `${pod('hostname: a\nsubdomain: peers\ncontainers: [{name: c}]')}---\n${service('peers', 'selector: {app: x}\nports: [{port: 1}]')}`);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(await findingsOf(RULE, `${pod('hostname: a\nsubdomain: peers\ncontainers: [{name: c}]')}---\n${service('peers', 'clusterIP: None\nselector: {app: x}')}`), []);
});
