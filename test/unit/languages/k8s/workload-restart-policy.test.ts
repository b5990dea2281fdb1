import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/workload-restart-policy';
const workload = (apiVersion: string, kind: string, policy: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      ${policy}\n      containers: [{name: c, image: i}]\n`;

test('Deployments only allow Always; Jobs need OnFailure or Never', async () => {
  const [d] = await findingsOf(RULE, workload('apps/v1', 'Deployment', 'restartPolicy: Never'));
  assert.equal(d.message, 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
  const [j] = await findingsOf(RULE, workload('batch/v1', 'Job', 'restartPolicy: Always'));
  assert.equal(j.message, 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  const [missing] = await findingsOf(RULE, workload('batch/v1', 'Job', 'dnsPolicy: Default'));
  assert.equal(missing.message, 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
});

test('quiet on the allowed policies', async () => {
  assert.deepEqual(await findingsOf(RULE, workload('apps/v1', 'StatefulSet', 'restartPolicy: Always')), []);
  assert.deepEqual(await findingsOf(RULE, workload('apps/v1', 'DaemonSet', 'dnsPolicy: Default')), []);
  assert.deepEqual(await findingsOf(RULE, workload('batch/v1', 'Job', 'restartPolicy: OnFailure')), []);
});
