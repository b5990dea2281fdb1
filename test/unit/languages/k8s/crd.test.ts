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
