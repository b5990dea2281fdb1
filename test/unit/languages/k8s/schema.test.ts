import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, withVersion } from './manifests';
import { lint } from '../../../helpers';

const RULE = 'k8s/schema';
const deployment = (spec: string, container = 'name: web\n          image: nginx') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - ${container}\n`;

test('unknown fields in strict field validation words, with the closest field as a fix', async () => {
  const text = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers:\n        - {name: c, image: i, imagePullPolicyy: Always}\n`;
  const messages = (await findingsOf(RULE, text)).map((f) => f.message);
  assert.deepEqual(messages, [
    'unknown field "spec.replicas"',
    'unknown field "spec.template.spec.containers[0].imagePullPolicyy" (did you mean "imagePullPolicy"?)',
  ]);
  const [, typo] = await findingsOf(RULE, text);
  assert.equal(typo.fixes?.[0].edits[0].newText, 'imagePullPolicy');
});

test('wrong JSON types in the decoder\'s words, on the value', async () => {
  const [f] = await findingsOf(RULE, deployment('  replicas: asd'));
  assert.equal(f.message, 'cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  assert.equal(f.range.start.line, 5);
  const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - {name: a, port: sds}\n  sessionAffinity: [ClientIP]\n';
  assert.deepEqual((await findingsOf(RULE, svc)).map((x) => x.message), [
    'cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    'cannot unmarshal array into Go struct field ServiceSpec.spec.sessionAffinity of type string',
  ]);
  const labels = (await findingsOf(RULE, deployment('  replicas: 1').replace('labels: {app: web}', 'labels: {app: web, version: 1.0}'))).map((x) => x.message);
  assert.deepEqual(labels, ['cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string']);
});

test('required fields, enums, int32 range and quantities', async () => {
  const noSelector = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: c, image: i, imagePullPolicy: always}]\n`;
  const messages = (await findingsOf(RULE, noSelector)).map((f) => f.message);
  assert.ok(messages.includes('spec.selector: Required value'), messages.join('\n'));
  assert.ok(messages.includes('spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"'));
  const big = (await findingsOf(RULE, deployment('  replicas: 3000000000'))).map((f) => f.message);
  assert.deepEqual(big, ['cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32']);
  const q = (await findingsOf(RULE, deployment('  replicas: 1', 'name: web\n          image: nginx\n          volumeMounts: []\n      volumes: [{name: v, emptyDir: {sizeLimit: 1GB}}]'))).map((f) => f.message);
  assert.deepEqual(q, ["spec.template.spec.volumes[0].emptyDir.sizeLimit: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"]);
});

test('list-map keys: two ports with the same port and protocol (protocol defaults to TCP)', async () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - {name: a, port: 80}\n    - {name: b, port: 80, protocol: TCP}\n    - {name: c, port: 80, protocol: UDP}\n';
  assert.deepEqual((await findingsOf(RULE, svc)).map((f) => f.message), ['spec.ports[1]: Duplicate value: {"port":80, "protocol":"TCP"}']);
});

test('quiet on valid manifests, custom resources and null values; per-release schemas', async () => {
  assert.deepEqual(await findingsOf(RULE, deployment('  replicas: 2\n  strategy:\n  paused: false')), []);
  assert.deepEqual(await findingsOf(RULE, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: [1, 2]}\n'), []);
  // Pod-level resources (spec.resources) arrived in 1.32: unknown to the 1.31 schema.
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resources: {limits: {cpu: "1"}}\n  containers: [{name: c, image: i}]\n';
  assert.deepEqual((await findingsOf(RULE, pod, withVersion('1.31'))).map((f) => f.message), ['unknown field "spec.resources"']);
  assert.deepEqual(await findingsOf(RULE, pod, withVersion('1.35')), []);
});

test('one setting switches the schema findings off (for users of the YAML extension)', async () => {
  const findings = await lint('k8s', deployment('  replicas: asd'), { rules: { 'k8s/schema': 'off' } });
  assert.deepEqual(findings.filter((f) => f.ruleId === RULE), []);
});

test('duplicate keys in sigs.k8s.io/yaml\'s words, on the second key', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\ndata: {}\n';
  const [f] = (await lint('k8s', text)).filter((x) => x.ruleId === 'k8s/yaml-syntax');
  assert.equal(f.message, 'key "name" already set in map');
  assert.equal(f.range.start.line, 4);
});
