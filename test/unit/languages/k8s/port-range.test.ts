import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/port-range';
const svc = (port: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: a}\n  ports:\n    - ${port}\n`;
const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: i\n      ${container}\n`;

test('port numbers out of 1-65535 and bad port names, in validation.go\'s words', async () => {
  const m = async (text: string) => (await findingsOf(RULE, text)).map((f) => f.message);
  assert.deepEqual(await m(svc('{port: 0}')), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
  assert.deepEqual(await m(svc('{port: 70000}')), ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']);
  assert.deepEqual(await m(svc('{port: 80, targetPort: 123456}')), ['spec.ports[0].targetPort: Invalid value: 123456: must be between 1 and 65535, inclusive']);
  assert.deepEqual(await m(svc('{port: 80, targetPort: this-name-is-too-long}')), ['spec.ports[0].targetPort: Invalid value: "this-name-is-too-long": must be no more than 15 characters']);
  assert.deepEqual(await m(pod('ports: [{containerPort: 123456}]')), ['spec.containers[0].ports[0].containerPort: Invalid value: 123456: must be between 1 and 65535, inclusive']);
  assert.deepEqual(await m(pod('livenessProbe: {httpGet: {port: 0}}')), ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive']);
});

test('quiet on ports in range, named target ports and unset (0) host ports', async () => {
  assert.deepEqual(await findingsOf(RULE, svc('{port: 443, targetPort: https, nodePort: 0}')), []);
  assert.deepEqual(await findingsOf(RULE, pod('ports: [{containerPort: 8080, hostPort: 0, name: http}]')), []);
});
