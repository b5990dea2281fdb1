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
