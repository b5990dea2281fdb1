import assert from 'node:assert/strict';
import test from 'node:test';
import { labelValue, qualifiedName } from '../../../../server/src/languages/k8s/names';
import { findingsOf } from './manifests';
import { deployment } from './vpaManifests';

const RULE = 'k8s/label';

test('the validators: qualified names and label values', () => {
  assert.deepEqual(qualifiedName('app.kubernetes.io/name'), []);
  assert.deepEqual(qualifiedName('My_Key.v1'), []);
  assert.equal(qualifiedName('a/b/c').length, 1);
  assert.deepEqual(qualifiedName('Example.com/x').map((e) => e.slice(0, 40)), ['prefix part a lowercase RFC 1123 subdoma']);
  assert.deepEqual(labelValue(''), []);
  assert.deepEqual(labelValue('v1.2_3-x'), []);
  assert.equal(labelValue('-x').length, 1);
  assert.deepEqual(labelValue('x'.repeat(64)), ['must be no more than 63 characters']);
});

test('bad keys and values in metadata, template labels and matchLabels', async () => {
  const text = deployment('api', '- name: c\n  image: x').replace('name: api\n', 'name: api\n  labels: {team: platform engineering}\n').replace('{matchLabels: {app: api}}', '{matchLabels: {"app/": api}}');
  const f = await findingsOf(RULE, text);
  assert.deepEqual(f.map((x) => x.message.slice(0, x.message.indexOf(': ', x.message.indexOf('Invalid value: ') + 15))), [
    'metadata.labels: Invalid value: "platform engineering"',
    'spec.selector.matchLabels: Invalid value: "app/"',
  ]);
});

test('good labels are quiet', async () => {
  assert.deepEqual(await findingsOf(RULE, deployment('api', '- name: c\n  image: x').replace('name: api\n', 'name: api\n  labels: {app.kubernetes.io/name: api, version: "1.2"}\n')), []);
});
