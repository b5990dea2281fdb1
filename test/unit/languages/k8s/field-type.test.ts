import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf, pod } from './manifests';
import { service } from './services';

const RULE = 'k8s/field-type';

test('a string where a list or map is wanted is reported on the value', async () => {
  const f = await findingsOf(RULE, pod('dnsConfig:\n  nameservers: 10.0.0.10\ncontainers:\n  - name: c\n    resizePolicy: NotRequired\n    resources: {limits: 500m}'));
  assert.deepEqual(f.map((x) => x.message).sort(), [
    'spec.dnsConfig.nameservers: must be a list, not a string (the API server cannot decode the object)',
    'spec.containers[0].resources.limits: must be a map, not a string (the API server cannot decode the object)',
    'spec.containers[0].resizePolicy: must be a list, not a string (the API server cannot decode the object)',
  ].sort());
  assert.equal(lineOf(f.find((x) => x.message.startsWith('spec.dnsConfig'))!), 7);
});

test('Service fields: a list where a string is wanted', async () => {
  const [f] = await findingsOf(RULE, service('db', 'clusterIP: [None]\nports: [{port: 1}]'));
  assert.equal(f.message, 'spec.clusterIP: must be a string, not a list (the API server cannot decode the object)');
});

test('right types, and empty (null) values, are not reported', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('dnsConfig:\n  nameservers: [10.0.0.10]\n  searches:\ncontainers:\n  - name: c\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n    resources:\n      limits: {cpu: 1}\n      requests:')), []);
  assert.deepEqual(await findingsOf(RULE, service('db', 'clusterIP: None\nselector: {app: db}\nports: [{port: 1}]')), []);
});
