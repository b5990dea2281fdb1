// The bundled server over stdio: completion of field names and enum values from the schema
// table, hover with a field's OpenAPI description and type, the apiVersion hover and quick
// fix, and a JSON manifest (languageId json) linted as Kubernetes.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from '../../../lsp/client';

const URI = 'file:///work/k8s/deploy.yaml';
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          imagePullPolicy: \n          \n';

type Items = { items?: Array<{ label: string; detail?: string; documentation?: string | { value: string } }> } | Array<{ label: string }>;
const labels = (r: Items) => (Array.isArray(r) ? r : (r.items ?? [])).map((i) => i.label);

test('k8s over LSP: schema completion and hover', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  await client.initialize();
  const open = async (uri: string, text: string, languageId = 'yaml') => {
    const wait = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return wait;
  };
  await open(URI, DEPLOY);

  await t.test('field names of a container, from the schema, at an empty key position', async () => {
    const r = await client.connection.sendRequest<Items>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 13, character: 10 } });
    const got = labels(r);
    for (const field of ['args', 'command', 'env', 'livenessProbe', 'ports', 'resources', 'volumeMounts']) assert.ok(got.includes(field), `${field} in ${got.join(' ')}`);
    assert.ok(!got.includes('name') && !got.includes('image'), 'keys already present are not offered');
  });

  await t.test('enum values of imagePullPolicy', async () => {
    const r = await client.connection.sendRequest<Items>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 12, character: 27 } });
    assert.deepEqual(labels(r), ['Always', 'IfNotPresent', 'Never']);
  });

  await t.test('hover on a field shows its type and OpenAPI description', async () => {
    const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 11, character: 12 } });
    assert.ok(h);
    assert.match(h.contents.value, /\*\*image\*\* `string`/);
    assert.match(h.contents.value, /Container image name/);
  });

  await t.test('a removed apiVersion: error, hover says when it went away, quick fix to the replacement', async () => {
    const uri = 'file:///work/k8s/cron.yaml';
    const published = await open(uri, 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n');
    const d = published.diagnostics.find((x) => x.code === 'k8s/api-version');
    assert.ok(d, JSON.stringify(published.diagnostics));
    const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } });
    assert.match(h?.contents.value ?? '', /removed in Kubernetes 1\.25/);
    const actions = await client.connection.sendRequest<Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [{ ...d, source: 'infra-lens' }] },
    });
    assert.equal(actions[0].edit.changes[uri][0].newText, 'batch/v1');
  });

  await t.test('a JSON manifest is Kubernetes by content', async () => {
    const uri = 'file:///work/k8s/ds.json';
    const published = await open(uri, '{"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"replicas": 2}}\n', 'json');
    assert.ok(published.diagnostics.some((x) => x.code === 'k8s/schema' && x.message === 'unknown field "spec.replicas"'), JSON.stringify(published.diagnostics));
  });
});
