// The zone language through the real server (dist/server.js over stdio): diagnostics, a
// hover, a completion, and the trailing-dot quick fix round-tripping until the warning goes.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from '../../lsp/client';

const URI = 'file:///work/zones/db.example.com';
const TEXT = [
  '$TTL 3600',
  '@    IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300',
  '@    IN NS  ns1',
  'ns1  IN A   192.0.2.1',
  '@    IN MX  10 mail.example.com',
  'www  IN ',
  '',
].join('\n');

test('zone files over LSP: diagnostics, hover, completion, trailing-dot fix', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  await client.initialize();
  const wait = client.nextDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'zone/missing-trailing-dot'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dns-zone', version: 1, text: TEXT } });
  const published = await wait;
  const dot = published.diagnostics.find((d) => d.code === 'zone/missing-trailing-dot')!;
  assert.deepEqual(dot.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 31 } });
  assert.equal(dot.severity, 2);

  const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 9 } });
  assert.match(hover.contents.value, /\*\*MX\*\* \(type 15\)/);

  const items = await client.connection.sendRequest<Array<{ label: string; insertTextFormat?: number }>>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 5, character: 8 } });
  const aaaa = items.find((i) => i.label === 'AAAA');
  assert.ok(aaaa, 'AAAA is offered where a type goes');
  assert.equal(aaaa.insertTextFormat, 2, 'as a snippet of its fields');

  const actions = await client.connection.sendRequest<Array<{ title: string; edit: { changes: Record<string, Array<{ range: typeof dot.range; newText: string }>> } }>>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: dot.range,
    context: { diagnostics: [{ ...dot, source: 'infra-lens' }] },
  });
  const fix = actions.find((a) => a.title.startsWith('Add the trailing dot'))!;
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  const [edit] = fix.edit.changes[URI];
  const fixedWait = client.nextDiagnostics(URI, (p) => p.version === 2);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
  const fixed = await fixedWait;
  assert.ok(!fixed.diagnostics.some((d) => d.code === 'zone/missing-trailing-dot'), JSON.stringify(fixed.diagnostics));

  const report = await client.connection.sendRequest<{ ok: boolean; data: { edits: Array<{ newText: string }> } }>('workspace/executeCommand', { command: 'infraLens.server.bumpSoaSerial', arguments: [{ uri: URI }] });
  assert.equal(report.ok, true);
  assert.match(report.data.edits[0].newText, /^\d{10}$/);
  assert.equal(await client.shutdown(), 0);
});
