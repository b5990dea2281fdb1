import assert from 'node:assert/strict';
import test from 'node:test';
import type { Position } from '../../../../server/src/core/finding';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { hoverK8s } from '../../../../server/src/languages/k8s/hover';
import { parseK8s } from '../../../../server/src/languages/k8s/model';
import { pod } from './manifests';
import { service, statefulSet } from './services';
import { vpa } from './vpaManifests';

/** Hover at the first occurrence of `needle` (plus `shift` characters) in text. */
function hoverAt(text: string, needle: string, shift = 1, others: Array<{ uri: string; text: string }> = []) {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `${needle} not in text`);
  const ast = parseK8s(text);
  const position: Position = ast.index.positionAt(offset);
  return hoverK8s(ast, position, { uri: 'file:///w/this.yaml', settings: DEFAULT_SETTINGS, workspaceDocuments: () => others });
}

test('VPA updateMode: every mode explained, the one in use in bold', () => {
  const h = hoverAt(vpa('updatePolicy:\n  updateMode: InPlaceOrRecreate'), 'InPlaceOrRecreate');
  assert.match(h!.contents, /\*\*`InPlaceOrRecreate`\*\*: Try an in-place resize first/);
  assert.match(h!.contents, /`Auto`: Deprecated/);
  assert.deepEqual(h!.range, { start: { line: 7, character: 16 }, end: { line: 7, character: 33 } });
});

test('dnsPolicy, quantities and restartPolicy values', () => {
  assert.match(hoverAt(pod('dnsPolicy: Default\ncontainers: [{name: c}]'), 'Default')!.contents, /\*\*`Default`\*\*: The pod inherits the node's resolv.conf/);
  assert.match(hoverAt(pod('containers:\n  - name: c\n    resources: {requests: {memory: 1536Mi}}'), '1536Mi')!.contents, /1610612736 bytes \(1\.5Gi\)/);
  assert.match(hoverAt(pod('containers:\n  - name: c\n    resources: {requests: {cpu: 0.25}}'), '0.25')!.contents, /= 250m/);
  const policy = hoverAt(pod('containers:\n  - name: c\n    resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]'), 'RestartContainer');
  assert.match(policy!.contents, /\*\*RestartContainer\*\*: The kubelet restarts the container/);
  assert.match(policy!.contents, /kubectl patch pod NAME --subresource resize/);
});

test('a StatefulSet serviceName shows each pod DNS name and the Service found in another file', () => {
  const h = hoverAt(statefulSet('web', 'web-headless'), 'web-headless', 1, [{ uri: 'file:///w/svc.yaml', text: service('web-headless', 'clusterIP: None\nselector: {app: web}') }]);
  assert.match(h!.contents, /headless in svc\.yaml/);
  assert.match(h!.contents, /`web-0\.web-headless\.default\.svc\.cluster\.local`/);
  assert.match(h!.contents, /`web-2\.web-headless\.default\.svc\.cluster\.local`/);
  const missing = hoverAt(statefulSet('web', 'web-headless'), 'web-headless');
  assert.match(missing!.contents, /not among the manifests in view/);
});

test('a pod hostname/subdomain hover gives its FQDN; other keys get the schema\'s word', () => {
  const text = `${pod('hostname: node-a\nsubdomain: peers\ncontainers: [{name: c}]')}---\n${service('peers', 'clusterIP: None\nselector: {app: x}')}`;
  assert.match(hoverAt(text, 'node-a')!.contents, /`node-a\.peers\.default\.svc\.cluster\.local` \(the headless Service of that name is in view\)/);
  assert.match(hoverAt(text, 'containers')!.contents, /^\*\*containers\*\* `\[\]Container` · required — v1 Pod/);
});

test('dnsConfig: the resolv.conf the kubelet writes and the names a lookup tries (the resolv.conf query plan)', () => {
  const text = pod('dnsConfig:\n  searches: [corp.example]\n  options: [{name: ndots, value: "2"}]\ncontainers: [{name: c}]');
  const h = hoverAt(text, 'dnsConfig')!.contents;
  assert.match(h, /search default\.svc\.cluster\.local svc\.cluster\.local cluster\.local corp\.example\noptions ndots:2/);
  assert.match(h, /`api\.example\.com` is tried as `api\.example\.com\.` → `api\.example\.com\.default\.svc\.cluster\.local\.`/);
});

test('a VPA targetRef shows the target from another file with its containers and resize policies', () => {
  const target = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]\n';
  const h = hoverAt(vpa('updatePolicy: {updateMode: InPlaceOrRecreate}'), 'targetRef', 1, [{ uri: 'file:///w/api.yaml', text: target }]);
  assert.match(h!.contents, /\*\*Target Deployment `api`\*\* in api\.yaml/);
  assert.match(h!.contents, /- `app` — resizePolicy memory: RestartContainer/);
  assert.match(hoverAt(vpa('updatePolicy: {updateMode: Off}'), 'targetRef')!.contents, /not among the manifests in view/);
});
