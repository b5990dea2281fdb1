import assert from 'node:assert/strict';
import test from 'node:test';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from '../../../../server/src/languages/k8s/quantity';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/resource-quantity';
const resources = (r: string) => pod(`containers:\n  - name: c\n    resources: ${r}\n`);

test('apimachinery grammar: values and errors', () => {
  const value = (s: string) => {
    const q = parseQuantity(s);
    return q.ok ? q.value : q.error;
  };
  assert.equal(value('500m'), 0.5);
  assert.equal(value('1Gi'), 2 ** 30);
  assert.equal(value('1G'), 1e9);
  assert.equal(value('1e3'), 1000);
  assert.equal(value('.5'), 0.5);
  assert.equal(value('-1'), -1);
  assert.equal(value('512MB'), QUANTITY_FORMAT_ERROR);
  assert.equal(value(''), QUANTITY_FORMAT_ERROR);
  assert.equal(value('1mm'), "unable to parse quantity's suffix");
  assert.equal(value('1.2.3'), 'unable to parse numeric part of quantity');
});

test('512MB is rejected with the API server message and a fix to 512Mi; negatives too', async () => {
  const [f] = await findingsOf(RULE, resources('{limits: {memory: 512MB}}'));
  assert.equal(f.message, `spec.containers[0].resources.limits[memory]: ${QUANTITY_FORMAT_ERROR} (did you mean 512Mi?)`);
  assert.equal(f.fixes?.[0].edits[0].newText, '512Mi');
  assert.match((await findingsOf(RULE, resources('{requests: {cpu: "-1"}}')))[0].message, /must be greater than or equal to 0/);
});

test('valid quantities are quiet', async () => {
  assert.deepEqual(await findingsOf(RULE, resources("{requests: {cpu: 0.5, memory: 1Gi}, limits: {cpu: '1', memory: 2e9}}")), []);
});
