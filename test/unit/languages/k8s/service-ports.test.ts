import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf } from './manifests';
import { service } from './services';

const RULE = 'k8s/service-ports';

test('ports are required unless headless or ExternalName', async () => {
  const [f] = await findingsOf(RULE, service('api', 'selector: {app: api}'));
  assert.equal(f.message, 'spec.ports: Required value');
  assert.equal(lineOf(f), 5);
  assert.deepEqual(await findingsOf(RULE, service('api', 'clusterIP: None\nselector: {app: api}')), []);
  assert.deepEqual(await findingsOf(RULE, service('api', 'type: ExternalName\nexternalName: x.example.com')), []);
});

test('port names: DNS-1123 labels, required with several ports, unique', async () => {
  const f = await findingsOf(RULE, service('api', 'ports:\n  - {name: HTTP, port: 80}\n  - {port: 443}\n  - {name: HTTP, port: 8080}'));
  assert.equal(f.length, 4);
  assert.match(f[0].message, /^spec\.ports\[0\]\.name: Invalid value: "HTTP": a lowercase RFC 1123 label/);
  assert.equal(f[1].message, 'spec.ports[1].name: Required value');
  assert.match(f[2].message, /^spec\.ports\[2\]\.name: Invalid value/);
  assert.equal(f[3].message, 'spec.ports[2].name: Duplicate value: "HTTP"');
});

test('a port entry without its number is port 0, which the API server rejects', async () => {
  const [f] = await findingsOf(RULE, service('api', 'ports:\n  - {name: http, targetPort: 8080}'));
  assert.equal(f.message, 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  assert.equal(lineOf(f), 7);
  assert.deepEqual(await findingsOf(RULE, service('api', 'ports:\n  - {name: http, port: 80}')), []);
});
