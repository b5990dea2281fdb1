import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf } from './manifests';
import { service } from './services';

const RULE = 'k8s/service-type';

test('an unknown Service type is unsupported, with the case fixed', async () => {
  const [f] = await findingsOf(RULE, service('api', 'type: Loadbalancer\nports: [{port: 80}]'));
  assert.equal(f.message, 'spec.type: Unsupported value: "Loadbalancer": supported values: "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"');
  assert.equal(lineOf(f), 6);
  assert.equal(f.fixes?.[0].edits[0].newText, 'LoadBalancer');
});

test('the four types are accepted', async () => {
  for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']) {
    assert.deepEqual(await findingsOf(RULE, service('api', `type: ${type}\nports: [{port: 80}]`)), [], type);
  }
});
