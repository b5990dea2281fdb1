import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';
import { deployment, vpa } from './vpaManifests';

const RULE = 'k8s/vpa-inplace-restart';
const target = (policy: string) => deployment('api', `- name: app\n  image: x\n  resizePolicy: [{resourceName: memory, restartPolicy: ${policy}}]`);

test('InPlaceOrRecreate on containers that restart on resize gets a hint', async () => {
  const [f] = await findingsOf(RULE, `${target('RestartContainer')}---\n${vpa('updatePolicy: {updateMode: InPlaceOrRecreate}')}`);
  assert.match(f.message, /RestartContainer for app \(memory\)/);
});

test('quiet with NotRequired or with Recreate', async () => {
  assert.deepEqual(await findingsOf(RULE, `${target('NotRequired')}---\n${vpa('updatePolicy: {updateMode: InPlaceOrRecreate}')}`), []);
  assert.deepEqual(await findingsOf(RULE, `${target('RestartContainer')}---\n${vpa('updatePolicy: {updateMode: Recreate}')}`), []);
});
