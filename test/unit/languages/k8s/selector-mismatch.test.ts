import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/selector-mismatch';
const deploy = (selector: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: ${selector}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers: [{name: c, image: i}]\n`;

test('a selector that does not select the template, in validation.go\'s words', async () => {
  const [f] = await findingsOf(RULE, deploy('{matchLabels: {app: web}}', '{app: api, tier: be}'));
  assert.equal(f.message, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"be"}: `selector` does not match template `labels`');
  assert.equal(f.range.start.line, 7);
  assert.equal((await findingsOf(RULE, deploy('{matchExpressions: [{key: tier, operator: In, values: [fe]}]}', '{tier: be}'))).length, 1);
  assert.equal((await findingsOf(RULE, deploy('{matchExpressions: [{key: tier, operator: DoesNotExist}]}', '{tier: be}'))).length, 1);
});

test('quiet when the selector selects the template (subset, expressions)', async () => {
  assert.deepEqual(await findingsOf(RULE, deploy('{matchLabels: {app: web}}', '{app: web, tier: fe}')), []);
  assert.deepEqual(await findingsOf(RULE, deploy('{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [be]}, {key: app, operator: Exists}]}', '{app: web, tier: fe}')), []);
});
