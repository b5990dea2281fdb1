import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod, withVersion } from './manifests';

const RULE = 'k8s/resize-not-allowed';
const policy = 'resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]';

test('ephemeral containers and plain init containers may not carry resizePolicy', async () => {
  const f = await findingsOf(RULE, pod(`initContainers:\n  - name: init\n    ${policy}\ncontainers:\n  - name: c\nephemeralContainers:\n  - name: dbg\n    ${policy}\n`));
  assert.deepEqual(f.map((x) => x.message.replace(/Invalid value: .*: must/, 'Invalid value: …: must')), [
    'spec.initContainers[0].resizePolicy: Invalid value: …: must not be set for init containers',
    'spec.ephemeralContainers[0].resizePolicy: Forbidden: cannot be set for an Ephemeral Container',
  ]);
});

test('restartable init containers (sidecars) may, from 1.33', async () => {
  const text = pod(`initContainers:\n  - name: proxy\n    restartPolicy: Always\n    ${policy}\ncontainers:\n  - name: c\n`);
  assert.deepEqual(await findingsOf(RULE, text), []);
  assert.equal((await findingsOf(RULE, text, withVersion('1.32'))).length, 1);
});

test('old clusters: warning below 1.27, information while alpha; Windows pods: warning', async () => {
  const text = pod(`containers:\n  - name: c\n    ${policy}\n`);
  assert.equal((await findingsOf(RULE, text, withVersion('1.26')))[0].severity, 'warning');
  assert.equal((await findingsOf(RULE, text, withVersion('1.30')))[0].severity, 'information');
  assert.deepEqual(await findingsOf(RULE, text, withVersion('1.33')), []);
  assert.equal((await findingsOf(RULE, pod(`os: {name: windows}\ncontainers:\n  - name: c\n    ${policy}\n`)))[0].severity, 'warning');
});
