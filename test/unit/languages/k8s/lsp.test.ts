// The bundled server over stdio: the resizePolicy quick fix, and a headless Service hover
// that knows the StatefulSet in another open document — and a StatefulSet whose findings
// change when the Service in the other document is edited.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from '../../../lsp/client';

const POD_URI = 'file:///work/k8s/pod.yaml';
const SVC_URI = 'file:///work/k8s/service.yaml';
const STS_URI = 'file:///work/k8s/statefulset.yaml';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n      resizePolicy:\n        - resourceName: cpu\n          restartPolicy: RestartNotRequired\n';
const service = (clusterIP: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: kafka\n  namespace: data\nspec:\n  clusterIP: ${clusterIP}\n  selector: {app: kafka}\n  ports: [{name: broker, port: 9092}]\n`;
const STS = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: kafka\n  namespace: data\nspec:\n  serviceName: kafka\n  replicas: 3\n  selector: {matchLabels: {app: kafka}}\n  template:\n    metadata: {labels: {app: kafka}}\n    spec:\n      containers: [{name: kafka, image: apache/kafka:3.8.0}]\n';

type Hover = { contents: { value: string } } | null;

test('k8s over LSP: quick fix, cross-document hover and diagnostics', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  await client.initialize();
  const open = async (uri: string, text: string) => {
    const wait = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return wait;
  };

  await t.test('RestartNotRequired gets a preferred quick fix to NotRequired', async () => {
    const published = await open(POD_URI, POD);
    const d = published.diagnostics.find((x) => x.code === 'k8s/resize-restart-policy');
    assert.ok(d, JSON.stringify(published.diagnostics));
    assert.deepEqual(d.range, { start: { line: 10, character: 25 }, end: { line: 10, character: 43 } });
    const actions = await client.connection.sendRequest<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ newText: string; range: unknown }>> } }>>('textDocument/codeAction', {
      textDocument: { uri: POD_URI },
      range: d.range,
      context: { diagnostics: [{ ...d, source: 'infra-lens' }] },
    });
    assert.equal(actions[0].title, "Change to 'NotRequired'");
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit.changes[POD_URI], [{ range: d.range, newText: 'NotRequired' }]);
  });

  await t.test('hovering a resizePolicy explains how a resize is done', async () => {
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: POD_URI }, position: { line: 8, character: 8 } });
    assert.match(hover!.contents.value, /--subresource resize/);
    assert.match(hover!.contents.value, /PodResizePending/);
  });

  await t.test('the headless Service hover lists the pods of the StatefulSet in the other document', async () => {
    await open(SVC_URI, service('None'));
    const sts = await open(STS_URI, STS);
    assert.deepEqual(sts.diagnostics, []);
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: SVC_URI }, position: { line: 3, character: 9 } });
    const text = hover!.contents.value;
    assert.match(text, /`kafka\.data\.svc\.cluster\.local`/);
    assert.match(text, /StatefulSet `kafka` \(statefulset\.yaml\)/);
    assert.match(text, /`kafka-0\.kafka\.data\.svc\.cluster\.local`/);
    assert.match(text, /`kafka-2\.kafka\.data\.svc\.cluster\.local`/);
  });

  await t.test('making the Service non-headless re-lints the StatefulSet in the other document', async () => {
    const wait = client.nextDiagnostics(STS_URI, (p) => p.diagnostics.some((d) => d.code === 'k8s/statefulset-service-name'));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: SVC_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 13 }, end: { line: 6, character: 17 } }, text: '10.96.0.20' }],
    });
    const published = await wait;
    assert.match(published.diagnostics[0].message, /not headless \(in another file\)/);
  });

  await client.shutdown();
});
