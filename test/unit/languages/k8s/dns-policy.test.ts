import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/dns-policy';

test('unknown dnsPolicy with a fix; None needs dnsConfig with nameservers', async () => {
  const [bad] = await findingsOf(RULE, pod('dnsPolicy: ClusterFirstWithHostNetwork\ncontainers: [{name: c}]'));
  assert.equal(bad.message, 'spec.dnsPolicy: Unsupported value: "ClusterFirstWithHostNetwork": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"');
  assert.equal(bad.fixes?.[0].edits[0].newText, 'ClusterFirstWithHostNet');
  assert.equal((await findingsOf(RULE, pod('dnsPolicy: None\ncontainers: [{name: c}]')))[0].message, 'spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None');
  assert.equal((await findingsOf(RULE, pod('dnsPolicy: None\ndnsConfig: {searches: [a.example]}\ncontainers: [{name: c}]')))[0].message, 'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None');
});

test('valid policies are quiet', async () => {
  for (const p of ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default']) assert.deepEqual(await findingsOf(RULE, pod(`dnsPolicy: ${p}\ncontainers: [{name: c}]`)), []);
  assert.deepEqual(await findingsOf(RULE, pod('dnsPolicy: None\ndnsConfig: {nameservers: [1.1.1.1]}\ncontainers: [{name: c}]')), []);
});
