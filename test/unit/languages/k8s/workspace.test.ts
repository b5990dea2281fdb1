import assert from 'node:assert/strict';
import test from 'node:test';
import { parseK8s } from '../../../../server/src/languages/k8s/model';
import { Workspace, WorkspaceIndex } from '../../../../server/src/languages/k8s/workspace';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';

const svc = (name: string, ns = 'default') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {clusterIP: None}\n`;
const ctx = (uri: string, docs: Array<{ uri: string; text: string }>) => ({ uri, settings: DEFAULT_SETTINGS, workspaceDocuments: () => docs });

test('workspace index: other files are found by kind and name, this file first, namespaces respected', () => {
  const index = new WorkspaceIndex();
  const docs = [{ uri: 'file:///a.yaml', text: svc('a') }, { uri: 'file:///b.yaml', text: svc('b', 'other') }];
  const self = parseK8s(svc('self'));
  const ws = new Workspace(self, ctx('file:///self.yaml', docs), index);
  const from = self.objects[0];
  assert.deepEqual(ws.find(from, 'Service').map((l) => `${l.uri ?? 'here'}:${l.obj.name}`), ['here:self', 'file:///a.yaml:a']);
  assert.equal(ws.find(from, 'Service', 'a').length, 1);
  assert.equal(ws.find(from, 'Service', 'b').length, 0, 'another namespace');
});

test('workspace index: each file is parsed once per text, the same list costs nothing, closed files are dropped', () => {
  const index = new WorkspaceIndex();
  const docs = [{ uri: 'file:///a.yaml', text: svc('a') }, { uri: 'file:///b.yaml', text: svc('b') }];
  const astA = index.parse('file:///a.yaml', docs[0].text);
  index.sync(docs, 'file:///a.yaml');
  const first = index.all();
  assert.equal(first.byName.get('Service/a')?.[0].obj.ast, astA, 'the lint parse of a.yaml is the one the index uses');
  index.sync(docs, 'file:///b.yaml');
  assert.equal(index.all(), first, 'same list: lookups are not rebuilt');
  assert.equal(index.parse('file:///b.yaml', docs[1].text), first.byName.get('Service/b')?.[0].obj.ast, 'b.yaml is not parsed again');
  index.sync([{ uri: 'file:///b.yaml', text: svc('b2') }], 'file:///c.yaml');
  assert.equal(index.size, 1, 'a.yaml was closed');
  assert.deepEqual([...index.all().byName.keys()], ['Service/b2']);
});

// A small repository (the Service db second in its file: objects are found again by position) with every kind of cross-file reference the rules follow: a StatefulSet
// and its (not headless) Service, a Pod's subdomain, a VPA whose target lives elsewhere, a
// Service selecting another file's pods, a Kustomization listing a patch, a CRD and its CR.
const REPO: Array<[string, string]> = [
  ['svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: lost}\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  selector: {app: db}\n  ports: [{port: 5432}]\n'],
  ['sts.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      subdomain: db\n      containers:\n        - name: pg\n          image: postgres:16\n          resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]\n'],
  ['vpa.yaml', 'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: db}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}\n  updatePolicy: {updateMode: InPlaceOrRecreate}\n  resourcePolicy:\n    containerPolicies: [{containerName: postgres}]\n---\napiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: typo}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: dbb}\n'],
  ['kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [svc.yaml]\npatchesStrategicMerge: [patch.yaml]\n'],
  ['patch.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 3\n'],
  ['crd.yaml', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec: {type: object, properties: {size: {type: integer}}}\n'],
  ['widget.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n'],
];

async function lintRepo(budget: number): Promise<string[]> {
  const { lintText } = await import('../../../../server/src/core/lint');
  const { k8sLanguage } = await import('../../../../server/src/languages/k8s');
  const { workspaceIndex } = await import('../../../../server/src/languages/k8s/workspace');
  workspaceIndex.clear();
  workspaceIndex.setBudget(budget);
  const docs = REPO.map(([name, text]) => ({ uri: `file:///repo/${name}`, text }));
  const out: string[] = [];
  try {
    for (const d of docs) {
      const { findings } = await lintText(k8sLanguage, d.text, { uri: d.uri, settings: DEFAULT_SETTINGS, workspaceDocuments: () => docs });
      for (const f of findings) out.push(`${d.uri.slice(13)} ${f.ruleId} ${f.range.start.line}:${f.range.start.character} ${f.message}${f.related ? ` [${f.related.map((r) => `${r.uri ?? ''}@${r.range.start.line}`).join(' ')}]` : ''}`);
    }
  } finally {
    workspaceIndex.setBudget(Number.MAX_SAFE_INTEGER);
    workspaceIndex.clear();
  }
  return out;
}

test('workspace index: a budget too small for any parse gives the same findings as one that keeps every parse', async () => {
  const whole = await lintRepo(Number.MAX_SAFE_INTEGER);
  const none = await lintRepo(0);
  assert.deepEqual(none, whole);
  // The repository does exercise the cross-file rules (so the comparison means something).
  for (const expected of [
    /^sts\.yaml k8s\/statefulset-service-name .*not headless \(in another file\).*\[file:\/\/\/repo\/svc\.yaml@\d+\]/,
    /^sts\.yaml k8s\/pod-hostname .*subdomain "db": the Service of that name is not headless/,
    /^vpa\.yaml k8s\/vpa-target .*has no container "postgres"/,
    /^vpa\.yaml k8s\/vpa-target .*no StatefulSet named "dbb".*did you mean "db"/,
    /^vpa\.yaml k8s\/vpa-inplace-restart .*pg \(memory\).*\[file:\/\/\/repo\/sts\.yaml@\d+\]/,
    /^svc\.yaml k8s\/service-selector .*app=nobody/,
    /^widget\.yaml k8s\/schema .*spec\.size: Invalid value: "string"/,
  ]) {
    assert.ok(whole.some((line) => expected.test(line)), `${expected} in:\n${whole.join('\n')}`);
  }
  // patch.yaml is a Kustomize patch: no required-field finding on the partial StatefulSet.
  assert.ok(!whole.some((line) => line.startsWith('patch.yaml k8s/required-field')), whole.join('\n'));
  assert.ok(whole.some((line) => line.startsWith('sts.yaml ')), 'sts.yaml has findings');
});

test('workspace index: parses are kept within the budget, a CRD file always; an object of a file let go is parsed again', () => {
  const index = new WorkspaceIndex(REPO[0][1].length + REPO[1][1].length);
  const docs = REPO.map(([name, text]) => ({ uri: `file:///repo/${name}`, text }));
  index.sync(docs, undefined);
  const all = index.all();
  assert.equal(index.size, REPO.length);
  // svc.yaml and sts.yaml fit; crd.yaml is kept whatever the budget.
  assert.equal(index.parsesHeld, 3);
  const vpa = all.byName.get('VerticalPodAutoscaler/typo')![0];
  assert.equal(vpa.summary.index, 1);
  assert.equal(vpa.obj.name, 'typo', 'parsed again from its text');
  assert.ok(index.parsesHeld <= 3, 'the budget still holds');
  const svc = all.byName.get('Service/db')![0];
  assert.equal(svc.summary.headless, false);
  assert.deepEqual(all.byName.get('StatefulSet/db')!.map((l) => [l.uri, l.summary.pod?.containers]), [
    ['file:///repo/sts.yaml', ['pg']],
    ['file:///repo/patch.yaml', undefined],
  ]);
  assert.deepEqual(all.byKind.get('Kustomization')![0].summary.patchPaths, ['patch.yaml']);
  // The lint of a file whose parse was let go parses it once and keeps it (evicting the oldest).
  const text = REPO[2][1];
  const ast = index.parse('file:///repo/vpa.yaml', text);
  assert.equal(index.parse('file:///repo/vpa.yaml', text), ast, 'kept after its lint parse');
  assert.equal(index.all(), all, 'the same text: the lookups stand');
});

test('workspace index: an object found before its file changed or closed still comes from the text it was found in', () => {
  const index = new WorkspaceIndex(0);
  const before = [{ uri: 'file:///a.yaml', text: svc('a') }];
  index.sync(before, undefined);
  const found = index.all().byName.get('Service/a')![0];
  index.sync([{ uri: 'file:///a.yaml', text: svc('renamed') }], undefined);
  assert.equal(found.obj.name, 'a', 'the changed file');
  index.sync([], undefined);
  assert.equal(index.size, 0);
  assert.equal(found.obj.name, 'a', 'the closed file');
  assert.equal(index.parsesHeld, 0, 'neither parse is kept for a file the index no longer holds');
});
