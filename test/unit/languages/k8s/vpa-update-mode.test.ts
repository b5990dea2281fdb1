import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, withVersion } from './manifests';
import { vpa } from './vpaManifests';

const RULE = 'k8s/vpa-update-mode';
const mode = (m: string) => vpa(`updatePolicy:\n  updateMode: ${m}`);

test('unknown mode: Unsupported value with a did-you-mean fix', async () => {
  const [f] = await findingsOf(RULE, mode('InPlace-Or-Recreate'));
  assert.equal(f.message, 'spec.updatePolicy.updateMode: Unsupported value: "InPlace-Or-Recreate": supported values: "Off", "Initial", "Recreate", "InPlaceOrRecreate", "InPlace", "Auto"');
  assert.equal(f.fixes?.[0].edits[0].newText, 'InPlaceOrRecreate');
});

test('missing mode is required; Auto is deprecated (warning, fix to Recreate)', async () => {
  assert.equal((await findingsOf(RULE, vpa('updatePolicy:\n  minReplicas: 2')))[0].message, 'spec.updatePolicy.updateMode: Required value: updateMode is required if UpdatePolicy is used');
  const [auto] = await findingsOf(RULE, mode('Auto'));
  assert.equal(auto.severity, 'warning');
  assert.deepEqual(auto.tags, ['deprecated']);
  assert.equal(auto.fixes?.[0].edits[0].newText, 'Recreate');
});

test('in-place modes need Kubernetes 1.33; InPlace needs the VPA feature gate', async () => {
  assert.deepEqual(await findingsOf(RULE, mode('InPlaceOrRecreate')), []);
  assert.equal((await findingsOf(RULE, mode('InPlaceOrRecreate'), withVersion('1.32')))[0].severity, 'warning');
  assert.match((await findingsOf(RULE, mode('InPlace')))[0].message, /you must enable feature gate InPlace in the admission-controller args/);
});

test('does not fire on Off, Initial, Recreate or without updatePolicy', async () => {
  for (const m of ['Off', 'Initial', 'Recreate']) assert.deepEqual(await findingsOf(RULE, mode(m)), []);
  assert.deepEqual(await findingsOf(RULE, vpa('resourcePolicy: {}')), []);
});
