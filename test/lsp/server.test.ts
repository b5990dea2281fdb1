// The bundled server over stdio with a real JSON-RPC client: the whole path from a
// keystroke to a diagnostic, quick fixes, commands and a clean shutdown.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from './client';

const COREFILE_URI = 'file:///work/Corefile';
const BAD_COREFILE = '.:53 {\n    forwrd . 8.8.8.8\n    cache 30\n}\n';

test('initialize, open, diagnose, change, re-diagnose, fix, command, shutdown', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  const init = await client.initialize();
  assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');

  await t.test('diagnostics arrive for an opened Corefile', async () => {
    const wait = client.nextDiagnostics(COREFILE_URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: COREFILE_URI, languageId: 'corefile', version: 1, text: BAD_COREFILE } });
    const published = await wait;
    assert.equal(published.version, 1);
    assert.equal(published.diagnostics.length, 1);
    const d = published.diagnostics[0];
    assert.equal(d.code, 'corefile/unknown-directive');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } });
    assert.match(d.codeDescription!.href, /docs\/rules\/corefile\/unknown-directive\.md$/);
  });

  await t.test('the quick fix replaces the directive; a suppression action is offered', async () => {
    const d = client.published.at(-1)!.diagnostics[0];
    const actions = await client.connection.sendRequest<Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', {
      textDocument: { uri: COREFILE_URI },
      range: d.range,
      context: { diagnostics: [{ ...d, source: 'infra-lens' }] },
    });
    assert.equal(actions[0].title, "Change to 'forward'");
    assert.equal(actions[0].edit.changes[COREFILE_URI][0].newText, 'forward');
    assert.ok(actions.some((a) => a.title === 'Disable corefile/unknown-directive for this line'));
  });

  await t.test('an incremental edit that fixes the typo clears the diagnostic', async () => {
    const wait = client.nextDiagnostics(COREFILE_URI, (p) => p.version === 3);
    // Two quick edits: "forwrd" -> "forwaXrd" -> "forward"; only the last version is published.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: COREFILE_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'aX' }],
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: COREFILE_URI, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }, text: '' }],
    });
    const published = await wait;
    assert.deepEqual(published.diagnostics, []);
    assert.ok(!client.published.some((p) => p.version === 2), 'debounce: the intermediate version is not linted');
  });

  await t.test('a Kubernetes manifest opened as yaml is linted; plain YAML gets nothing', async () => {
    const podUri = 'file:///work/pod.yaml';
    const wait = client.nextDiagnostics(podUri);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      resizePolicy:\n        - {resourceName: cpu, restartPolicy: RestartNotRequired}\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: podUri, languageId: 'yaml', version: 1, text: pod } });
    assert.deepEqual((await wait).diagnostics.map((d) => d.code), ['k8s/resize-restart-policy']);

    const valuesUri = 'file:///work/values.yaml';
    const waitValues = client.nextDiagnostics(valuesUri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: valuesUri, languageId: 'yaml', version: 1, text: 'restartPolicy: Bogus\n' } });
    assert.deepEqual((await waitValues).diagnostics, []);
  });

  await t.test('the server survives arbitrary bytes', async () => {
    const junkUri = 'file:///work/junk.zone';
    const wait = client.nextDiagnostics(junkUri);
    const junk = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: junkUri, languageId: 'dns-zone', version: 1, text: junk } });
    await wait;
  });

  await t.test('workspace/executeCommand runs a server command', async () => {
    const report = await client.connection.sendRequest<{ ok: boolean; data: Array<{ id: string }> }>('workspace/executeCommand', { command: 'infraLens.server.listRules', arguments: [{}] });
    assert.equal(report.ok, true);
    assert.ok(report.data.some((r) => r.id === 'zone/bad-ipv4'));
  });

  await t.test('closing a document clears its diagnostics', async () => {
    const wait = client.nextDiagnostics(COREFILE_URI, (p) => p.diagnostics.length === 0 && p.version === undefined);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: COREFILE_URI } });
    await wait;
  });

  assert.equal(await client.shutdown(), 0, 'the server exits 0 after shutdown + exit');
  assert.ok(client.logs.some((l) => l.includes('Infra Lens server')), 'logs reach the client');
});

test('severity settings from the client apply', async (t) => {
  const client = new TestLspClient({ rules: { 'corefile/unknown-directive': 'warning' }, lint: { debounceMs: 0 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const wait = client.nextDiagnostics(COREFILE_URI);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: COREFILE_URI, languageId: 'corefile', version: 1, text: BAD_COREFILE } });
  assert.equal((await wait).diagnostics[0].severity, 2);
  assert.equal(await client.shutdown(), 0);
});
