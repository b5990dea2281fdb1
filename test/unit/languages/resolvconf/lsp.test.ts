// resolv.conf through the bundled language server over stdio: diagnostics, hover,
// completion and inlay hints as an editor receives them, with infraLens.resolvconf.libc.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from '../../../lsp/client';

const URI = 'file:///work/resolv.conf';
const TEXT = 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:20 no-aaaa\n';

test('resolv.conf over LSP: diagnostics, hover, completion, inlay hints (musl setting)', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 20 }, resolvconf: { libc: 'musl' } });
  t.after(() => client.process.kill());
  await client.initialize();
  const wait = client.nextDiagnostics(URI);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'resolvconf', version: 1, text: TEXT } });
  const published = await wait;
  const codes = published.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('resolvconf/ignored-by-libc'), `musl ignores no-aaaa: ${codes.join(', ')}`);
  assert.ok(codes.includes('resolvconf/value-capped'));
  assert.match(published.diagnostics.find((d) => d.code === 'resolvconf/value-capped')!.message, /capped at 15 by musl/);

  const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 10 } });
  assert.match(hover.contents.value, /\*\*Effective \(musl\):\*\* `ndots:15` from line 3/);

  const completion = await client.connection.sendRequest<Array<{ label: string; detail?: string; textEdit?: { range: unknown } }>>('textDocument/completion', {
    textDocument: { uri: URI },
    position: { line: 2, character: 8 },
  });
  const list = Array.isArray(completion) ? completion : (completion as { items: typeof completion }).items;
  const timeout = list.find((c) => c.label === 'timeout:');
  assert.equal(timeout?.detail, 'default 5, cap 30 (glibc) / 60 (musl)');
  assert.deepEqual(timeout?.textEdit?.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });

  const hints = await client.connection.sendRequest<Array<{ label: string }>>('textDocument/inlayHint', {
    textDocument: { uri: URI },
    range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
  });
  assert.deepEqual(hints.map((h) => h.label), ['#1', '→ ndots:15 timeout:5 attempts:2']);

  // "Show Query Plan" from the open (unsaved) document, with the musl setting.
  const report = await client.connection.sendRequest<{ ok: boolean; data: { queries: Array<{ name: string; type: string }> }; text: string }>('workspace/executeCommand', {
    command: 'infraLens.server.resolvePlan',
    arguments: [{ name: 'api.github.com', uri: URI }],
  });
  assert.equal(report.ok, true);
  assert.equal(report.data.queries.length, 8);
  assert.match(report.text, /with musl, from file:\/\/\/work\/resolv\.conf/);

  const lenses = await client.connection.sendRequest<Array<{ command: { title: string; command: string; arguments: unknown[] } }>>('textDocument/codeLens', { textDocument: { uri: URI } });
  assert.deepEqual(lenses.map((l) => l.command.title), ['web: 8 queries (musl)', 'api.github.com: 8 queries (musl)']);
  assert.equal(lenses[0].command.command, 'infraLens.showServerReport');
  await client.shutdown();
});
