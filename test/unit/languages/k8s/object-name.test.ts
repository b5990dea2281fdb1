import assert from 'node:assert/strict';
import test from 'node:test';
import { dns1035Label, dns1123Label, dns1123Subdomain, portName } from '../../../../server/src/languages/k8s/names';
import { findingsOf, pod } from './manifests';
import { service } from './services';

const RULE = 'k8s/object-name';

test('the validators agree with apimachinery on edge cases', () => {
  assert.deepEqual(dns1123Label('a-1'), []);
  assert.equal(dns1123Label('-a').length, 1);
  assert.deepEqual(dns1123Label('1abc'), []);
  assert.equal(dns1035Label('1abc').length, 1);
  assert.deepEqual(dns1123Subdomain('a.b-c.d'), []);
  assert.equal(dns1123Subdomain('a..b').length, 1);
  assert.deepEqual(dns1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.deepEqual(portName('http'), []);
  assert.deepEqual(portName('8080'), ['must contain at least one letter (a-z)']);
  assert.deepEqual(portName('a--b'), ['must not contain consecutive hyphens']);
  assert.deepEqual(portName('metrics-endpoint'), ['must be no more than 15 characters']);
});

test('Service names are DNS-1035 labels, containers DNS-1123 labels, container ports IANA_SVC_NAME', async () => {
  assert.match((await findingsOf(RULE, service('1db', 'clusterIP: None')))[0].message, /^metadata\.name: Invalid value: "1db": a DNS-1035 label/);
  const f = await findingsOf(RULE, pod('containers:\n  - name: App\n    ports: [{name: http--alt, containerPort: 80}]\n  - name: App\n'));
  assert.deepEqual(f.map((x) => x.message.split(':').slice(0, 2).join(':')), [
    'spec.containers[0].name: Invalid value',
    'spec.containers[0].ports[0].name: Invalid value',
    'spec.containers[1].name: Invalid value',
    'spec.containers[1].name: Duplicate value',
  ]);
});

test('good names are quiet, and CRDs are left to their own rules', async () => {
  assert.deepEqual(await findingsOf(RULE, pod('containers:\n  - name: app\n    ports: [{name: http, containerPort: 80}]\n', 'web-0.example')), []);
  assert.deepEqual(await findingsOf(RULE, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: Not_Valid}\n'), []);
});

test('a container without a name: Required value', async () => {
  const f = await findingsOf(RULE, pod('containers:\n  - image: nginx\n  - name: b'));
  assert.deepEqual(f.map((x) => x.message), ['spec.containers[0].name: Required value']);
});
