import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { deployment, vpa } from './vpaManifests';

const RULE = 'k8s/vpa-inplace-restart';
const target = (policy: string) => deployment('api', `- name: app\n  image: x\n  resizePolicy: [{resourceName: memory, restartPolicy: ${policy}}]`);

test('InPlaceOrRecreate on containers that restart on resize is a warning pointing at the restartPolicy', async () => {
  const text = `${target('RestartContainer')}---\n${vpa('updatePolicy: {updateMode: InPlaceOrRecreate}')}`;
  const [f] = await findingsOf(RULE, text);
  assert.match(f.message, /RestartContainer for app \(memory\)/);
  assert.equal(f.severity, 'warning');
  assert.equal(f.related?.length, 1);
  const line = text.split('\n')[f.related![0].range.start.line];
  assert.equal(line.slice(f.related![0].range.start.character, f.related![0].range.end.character), 'RestartContainer');
  assert.equal(f.related![0].uri, undefined, 'the target is in the same file');
});

test('quiet with NotRequired or with Recreate', async () => {
  assert.deepEqual(await findingsOf(RULE, `${target('NotRequired')}---\n${vpa('updatePolicy: {updateMode: InPlaceOrRecreate}')}`), []);
  assert.deepEqual(await findingsOf(RULE, `${target('RestartContainer')}---\n${vpa('updatePolicy: {updateMode: Recreate}')}`), []);
});
