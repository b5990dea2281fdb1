import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { service } from './services';

const RULE = 'k8s/headless-service';

test('LoadBalancer and NodePort cannot be headless; ExternalName has no clusterIP', async () => {
  const [lb] = await findingsOf(RULE, service('db', 'type: LoadBalancer\nclusterIP: None\nports: [{port: 5432}]'));
  assert.equal(lb.message, `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`);
  assert.equal((await findingsOf(RULE, service('db', 'type: NodePort\nclusterIPs: [None]\nports: [{port: 5432}]')))[0].message, `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`);
  assert.match((await findingsOf(RULE, service('db', 'type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.0.0.1')))[0].message, /Forbidden: may not be set for ExternalName services/);
});

test('a ClusterIP headless Service is fine', async () => {
  assert.deepEqual(await findingsOf(RULE, service('db', 'clusterIP: None\nselector: {app: db}')), []);
});
