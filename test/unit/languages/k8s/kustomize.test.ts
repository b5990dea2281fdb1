import assert from 'node:assert/strict';
import test from 'node:test';
import { lintText } from '../../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { k8sLanguage } from '../../../../server/src/languages/k8s';

const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          volumeMounts: [{name: config, mountPath: /etc/web}]\n          livenessProbe: {periodSeconds: 5}\n';
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches:\n  - path: patches/web.yaml\n';
const COMPLETENESS = ['k8s/required-field', 'k8s/volume-mount-name', 'k8s/probe-handler'];

const lintAs = async (uri: string, docs: Array<{ uri: string; text: string }>) =>
  (await lintText(k8sLanguage, PATCH, { uri, settings: DEFAULT_SETTINGS, workspaceDocuments: () => docs })).findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`);

test('a file a Kustomization lists as a patch gets no completeness errors', async () => {
  const errors = await lintAs('file:///repo/app/patches/web.yaml', [{ uri: 'file:///repo/app/kustomization.yaml', text: KUSTOMIZATION }]);
  assert.deepEqual(errors, []);
});

test('the same partial object outside any Kustomization is reported', async () => {
  const errors = await lintAs('file:///repo/app/other.yaml', [{ uri: 'file:///repo/app/kustomization.yaml', text: KUSTOMIZATION }]);
  for (const rule of [...COMPLETENESS, 'k8s/schema']) assert.ok(errors.some((e) => e.startsWith(rule)), `${rule} in ${errors.join('\n')}`);
});
