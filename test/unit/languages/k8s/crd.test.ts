import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { findingsOf } from './manifests';
import { lint } from '../../../helpers';

const RULE = 'k8s/schema';
const CRD = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              required: [size]\n              properties:\n                size: {type: integer}\n                color: {type: string, enum: [red, blue]}\n';
const widget = (spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: ${spec}\n`;

test('the VerticalPodAutoscaler CRD (kubernetes/autoscaler) validates VPAs in apiextensions\' words', async () => {
  const vpa = 'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: v}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  updatePolicy: {updateMode: "Off", minReplicas: two}\n  foo: 1\n';
  assert.deepEqual((await findingsOf(RULE, vpa)).map((f) => f.message), [
    'spec.updatePolicy.minReplicas: Invalid value: "string": spec.updatePolicy.minReplicas in body must be of type integer: "string"',
    'unknown field "spec.foo"',
  ]);
  assert.deepEqual(await findingsOf(RULE, 'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: v}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  updatePolicy: {updateMode: "Off"}\n'), []);
});

test('a CRD in the same file, or in another workspace file, validates its custom resources', async () => {
  const messages = (await findingsOf(RULE, `${CRD}---\n${widget('{color: green, sise: 3}')}`)).map((f) => f.message);
  assert.deepEqual(messages, ['spec.size: Required value', 'spec.color: Unsupported value: "green": supported values: "red", "blue"', 'unknown field "spec.sise" (did you mean "size"?)']);
  const ctx = { uri: 'file:///w/widget.yaml', settings: DEFAULT_SETTINGS, workspaceDocuments: () => [{ uri: 'file:///w/crd.yaml', text: CRD }] };
  const { lintText } = await import('../../../../server/src/core/lint');
  const { k8sLanguage } = await import('../../../../server/src/languages/k8s');
  const other = (await lintText(k8sLanguage, widget('{size: big}'), ctx)).findings.filter((f) => f.ruleId === RULE);
  assert.deepEqual(other.map((f) => f.message), ['spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"']);
});

test('custom resources without a CRD in view are left alone', async () => {
  assert.deepEqual((await lint('k8s', widget('{anything: [1, 2]}'))).filter((f) => f.severity === 'error'), []);
  assert.deepEqual(await findingsOf(RULE, `${CRD}---\n${widget('{size: 3, color: red}')}`), []);
});

const LIMITS_CRD = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: gauges.example.com}\nspec:\n  group: example.com\n  names: {kind: Gauge, plural: gauges}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                replicas: {type: integer, minimum: 1, maximum: 10}\n                ratio: {type: number, minimum: 0, exclusiveMinimum: true, multipleOf: 0.5}\n                name: {type: string, minLength: 2, maxLength: 5}\n                cron: {type: string, pattern: "^(\\\\d+|\\\\*)( (\\\\d+|\\\\*)){4}$"}\n                hosts: {type: array, minItems: 1, maxItems: 2, items: {type: string}}\n';
const gauge = (spec: string) => `apiVersion: example.com/v1\nkind: Gauge\nmetadata: {name: g}\nspec: ${spec}\n`;

test("a CRD's minimum, maximum, multipleOf, lengths, pattern and item counts, in apiextensions' words", async () => {
  const messages = (await findingsOf(RULE, `${LIMITS_CRD}---\n${gauge('{replicas: 15, ratio: 0, name: toolong, cron: "* * * *", hosts: [a, b, c]}')}`)).map((f) => f.message);
  assert.deepEqual(messages, [
    'spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10',
    'spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0',
    'spec.name: Too long: may not be longer than 5',
    'spec.cron: Invalid value: "* * * *": spec.cron in body should match \'^(\\d+|\\*)( (\\d+|\\*)){4}$\'',
    'spec.hosts: Too many: 3: must have at most 2 items',
  ]);
  assert.deepEqual((await findingsOf(RULE, `${LIMITS_CRD}---\n${gauge('{replicas: 0, ratio: 0.7, name: x, hosts: []}')}`)).map((f) => f.message), [
    'spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1',
    'spec.ratio: Invalid value: 0.7: spec.ratio in body should be a multiple of 0.5',
    'spec.name: Invalid value: "x": spec.name in body should be at least 2 chars long',
    'spec.hosts: Invalid value: 0: spec.hosts in body should have at least 1 items',
  ]);
  assert.deepEqual(await findingsOf(RULE, `${LIMITS_CRD}---\n${gauge('{replicas: 10, ratio: 1.5, name: abcde, cron: "0 * * * 5", hosts: [a, b]}')}`), [], 'values inside every bound');
});

test("the VerticalPodAutoscaler CRD's own bounds apply (evictAfterOOMSeconds minimum 1)", async () => {
  const vpa = (v: number) => `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: v}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  updatePolicy: {updateMode: "Off", evictAfterOOMSeconds: ${v}}\n`;
  assert.deepEqual((await findingsOf(RULE, vpa(0))).map((f) => f.message), ['spec.updatePolicy.evictAfterOOMSeconds: Invalid value: 0: spec.updatePolicy.evictAfterOOMSeconds in body should be greater than or equal to 1']);
  assert.deepEqual(await findingsOf(RULE, vpa(60)), []);
});

test('a CRD pattern JavaScript could backtrack on exponentially (RE2 would not) is not checked, and does not hang', async () => {
  const crd = LIMITS_CRD.replace(/cron: \{type: string, pattern: "[^"]*"\}/, 'cron: {type: string, pattern: "^(a+)+$"}');
  assert.ok(crd.includes('(a+)+'), 'the pattern was replaced');
  const started = Date.now();
  const findings = await findingsOf(RULE, `${crd}---\n${gauge(`{cron: "${'a'.repeat(40)}!"}`)}`);
  assert.ok(Date.now() - started < 2000, `linted in ${Date.now() - started} ms`);
  assert.deepEqual(findings, []);
  // A plain pattern next to it is still checked.
  const plain = LIMITS_CRD.replace(/cron: \{type: string, pattern: "[^"]*"\}/, 'cron: {type: string, pattern: "^[0-9]+$"}');
  assert.deepEqual((await findingsOf(RULE, `${plain}---\n${gauge('{cron: "12a"}')}`)).map((f) => f.message), ['spec.cron: Invalid value: "12a": spec.cron in body should match \'^[0-9]+$\'']);
});
