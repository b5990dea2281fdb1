import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../../helpers';
import { findingsOf, pod } from './manifests';

const container = (policy: string) => `containers:\n  - name: c\n    image: nginx\n    resizePolicy:\n      - resourceName: cpu\n        restartPolicy: ${policy}\n`;

test('RestartNotRequired: the API server message, an exact range and a fix to NotRequired', async () => {
  const findings = await lint('k8s', pod(container('RestartNotRequired')));
  assert.deepEqual(ruleIds(findings), ['k8s/resize-restart-policy']);
  assert.equal(findings[0].message, 'spec.containers[0].resizePolicy[0].restartPolicy: Unsupported value: "RestartNotRequired": supported values: "NotRequired", "RestartContainer"');
  assert.deepEqual(findings[0].range, { start: { line: 10, character: 25 }, end: { line: 10, character: 43 } });
  assert.equal(findings[0].fixes?.[0].edits[0].newText, 'NotRequired');
});

test('Restart gets a fix to RestartContainer; a missing restartPolicy is Required', async () => {
  assert.equal((await findingsOf('k8s/resize-restart-policy', pod(container('Restart'))))[0].fixes?.[0].edits[0].newText, 'RestartContainer');
  const missing = await findingsOf('k8s/resize-restart-policy', pod('containers:\n  - name: c\n    resizePolicy: [{resourceName: cpu}]\n'));
  assert.equal(missing[0].message, 'spec.containers[0].resizePolicy[0].restartPolicy: Required value');
});

test("restartPolicy: Never pods only take NotRequired", async () => {
  const f = await findingsOf('k8s/resize-restart-policy', pod(`restartPolicy: Never\n${container('RestartContainer')}`));
  assert.equal(f[0].message, "spec.containers[0].resizePolicy[0].restartPolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'");
  assert.deepEqual(await findingsOf('k8s/resize-restart-policy', pod(`restartPolicy: Never\n${container('NotRequired')}`)), []);
});

test('does not fire on NotRequired or RestartContainer, or on non-Kubernetes YAML', async () => {
  assert.deepEqual(await lint('k8s', pod(container('NotRequired'))), []);
  assert.deepEqual(await lint('k8s', pod(container('RestartContainer'))), []);
  assert.deepEqual(await lint('k8s', 'containers:\n  - resizePolicy:\n      - restartPolicy: Bogus\n'), []);
});
