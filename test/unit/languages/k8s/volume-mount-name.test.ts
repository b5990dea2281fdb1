import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf } from './manifests';

const RULE = 'k8s/volume-mount-name';

test('a volumeMount naming no volume: Not found, with the closest volume as a fix', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: data, emptyDir: {}}]\n  containers:\n    - name: c\n      image: i\n      volumeMounts: [{name: dta, mountPath: /d}]\n';
  const [f] = await findingsOf(RULE, text);
  assert.equal(f.message, 'spec.containers[0].volumeMounts[0].name: Not found: "dta" (the pod\'s volumes: "data")');
  assert.equal(f.fixes?.[0].edits[0].newText, 'data');
});

test('quiet when the volume exists, also as a StatefulSet volumeClaimTemplate', async () => {
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: s\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: i, volumeMounts: [{name: data, mountPath: /d}]}]\n  volumeClaimTemplates: [{metadata: {name: data}}]\n';
  assert.deepEqual(await findingsOf(RULE, sts), []);
});
