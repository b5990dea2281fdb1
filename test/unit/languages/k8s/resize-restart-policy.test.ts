import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../../helpers';

const pod = (policy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: nginx
      resizePolicy:
        - resourceName: cpu
          restartPolicy: ${policy}
`;

test('fires on RestartNotRequired with a fix to NotRequired', async () => {
  const findings = await lint('k8s', pod('RestartNotRequired'));
  assert.deepEqual(ruleIds(findings), ['k8s/resize-restart-policy']);
  assert.deepEqual(findings[0].range, { start: { line: 10, character: 25 }, end: { line: 10, character: 43 } });
  assert.equal(findings[0].fixes?.[0].edits[0].newText, 'NotRequired');
});

test('fires inside a Deployment pod template too', async () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: c
          resizePolicy: [{resourceName: memory, restartPolicy: Always}]
`;
  assert.deepEqual(ruleIds(await lint('k8s', text)), ['k8s/resize-restart-policy']);
});

test('does not fire on NotRequired or RestartContainer, or on non-Kubernetes YAML', async () => {
  assert.deepEqual(await lint('k8s', pod('NotRequired')), []);
  assert.deepEqual(await lint('k8s', pod('RestartContainer')), []);
  assert.deepEqual(await lint('k8s', 'containers:\n  - resizePolicy:\n      - restartPolicy: Bogus\n'), []);
});
