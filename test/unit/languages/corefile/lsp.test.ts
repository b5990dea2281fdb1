// A hover, a completion and a quick fix for a Corefile, round-tripping through the real
// bundled server over stdio.

import assert from 'node:assert/strict';
import test from 'node:test';
import { TestLspClient } from '../../../lsp/client';

const URI = 'file:///work/lsp/Corefile';
const TEXT = '.:53 {\n    forward . 1.1.1.1 {\n        policy roundrobin\n    }\n    cach 30\n}\n';

test('Corefile hover, completion and quick fix over LSP', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 0 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const wait = client.nextDiagnostics(URI);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'corefile', version: 1, text: TEXT } });
  const published = await wait;
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['corefile/invalid-value', 'corefile/unknown-directive']);

  const hover = await client.connection.sendRequest<{ contents: { value: string } | string }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 6 } });
  const hoverText = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
  assert.match(hoverText, /\*\*forward\*\*/);

  const completion = await client.connection.sendRequest<{ items: Array<{ label: string }> } | Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 2, character: 8 } });
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.ok(items.some((i) => i.label === 'policy'));

  const typo = published.diagnostics.find((d) => d.code === 'corefile/unknown-directive')!;
  const actions = await client.connection.sendRequest<Array<{ title: string; edit?: { changes: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: typo.range,
    context: { diagnostics: [typo] },
  });
  assert.equal(actions[0].title, "Change to 'cache'");
  assert.equal(actions[0].edit!.changes[URI][0].newText, 'cache');
  assert.equal(await client.shutdown(), 0);
});
