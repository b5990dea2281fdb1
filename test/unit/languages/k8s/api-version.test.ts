import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, withVersion } from './manifests';

const RULE = 'k8s/api-version';
const obj = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`;

test('removed apiVersions in kubectl apply\'s words, with the replacement as a fix where compatible', async () => {
  const [cron] = await findingsOf(RULE, obj('batch/v1beta1', 'CronJob'));
  assert.equal(cron.message, 'no matches for kind "CronJob" in version "batch/v1beta1": batch/v1beta1 CronJob was removed in Kubernetes 1.25 (deprecated since 1.21); use batch/v1');
  assert.equal(cron.severity, 'error');
  assert.equal(cron.fixes?.[0].edits[0].newText, 'batch/v1');
  const [hpa] = await findingsOf(RULE, obj('autoscaling/v2beta1', 'HorizontalPodAutoscaler'));
  assert.match(hpa.message, /removed in Kubernetes 1\.25.*use autoscaling\/v2 \(targetAverageUtilization/);
  assert.equal(hpa.fixes, undefined, 'the v2 metrics format differs: no blind fix');
  for (const [v, k] of [['policy/v1beta1', 'PodDisruptionBudget'], ['apps/v1beta1', 'Deployment'], ['extensions/v1beta1', 'Ingress']]) {
    assert.equal((await findingsOf(RULE, obj(v, k))).length, 1, `${v} ${k}`);
  }
});

test('per target version: deprecated (warning) before removal, removed after; betas not yet served', async () => {
  const flow = obj('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema');
  const [warn] = await findingsOf(RULE, flow, withVersion('1.30'));
  assert.equal(warn.severity, 'warning');
  assert.match(warn.message, /deprecated since Kubernetes 1\.29 and removed in 1\.32/);
  const [gone] = await findingsOf(RULE, flow, withVersion('1.32'));
  assert.equal(gone.severity, 'error');
  const claim = obj('resource.k8s.io/v1', 'ResourceClaim');
  const [early] = await findingsOf(RULE, claim, withVersion('1.29'));
  assert.match(early.message, /^no matches for kind "ResourceClaim" in version "resource.k8s.io\/v1": .* first served in Kubernetes 1\.34 \(target 1\.29\)$/);
  assert.deepEqual(await findingsOf(RULE, claim, withVersion('1.34')), []);
});

test('a kind or version a built-in group never had: closest kind as a fix', async () => {
  const [typo] = await findingsOf(RULE, obj('apps/v1', 'Deploymnet'));
  assert.equal(typo.message, 'no matches for kind "Deploymnet" in version "apps/v1"; did you mean "Deployment"?');
  assert.equal(typo.fixes?.[0].edits[0].newText, 'Deployment');
  const [v2] = await findingsOf(RULE, obj('apps/v2', 'Deployment'));
  assert.match(v2.message, /Deployment is served as apps\/v1/);
});

test('quiet on served versions and custom resources', async () => {
  for (const [v, k] of [['apps/v1', 'Deployment'], ['batch/v1', 'CronJob'], ['v1', 'Service'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['example.com/v1', 'Widget'], ['autoscaling.k8s.io/v1', 'VerticalPodAutoscaler']]) {
    assert.deepEqual(await findingsOf(RULE, obj(v, k)), [], `${v} ${k}`);
  }
});
