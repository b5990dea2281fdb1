// The analysis scheduler as an editor sees it: diagnostics of a version before any other
// answer for it, the outline waits for the debounce instead of forcing a lint, capped
// diagnostics with a summary, progress for a long analysis, big documents in the worker.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lint } from '../helpers';
import { MAX_LIVE_LENSES } from '../../server/src/languages/zone/liveLens';
import { MAX_OWNER_SYMBOLS } from '../../server/src/languages/zone/symbols';
import { TestLspClient } from './client';

interface Stats {
  analyses: number;
  published: number;
  earlyPublished: number;
  partialPublished: number;
}

const zone = (records: number, bad = 0) =>
  '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n' +
  Array.from({ length: records }, (_, i) => (i < bad ? `bad${i} IN A 300.0.0.${i % 250}` : `h${i} IN A 10.0.${(i >> 8) & 255}.${i & 255}`)).join('\n') +
  '\n';

test('diagnostics capped by infraLens.lint.maxDiagnostics, with a summary', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 0, maxDiagnostics: 5 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const uri = 'file:///engine/capped.zone';
  const wait = client.nextDiagnostics(uri);
  const text = zone(30, 20);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
  const published = await wait;
  const all = await lint('zone', text, {}, uri);
  assert.ok(all.length > 20);
  assert.equal(published.diagnostics.filter((d) => d.code !== 'infra-lens/diagnostics-capped').length, 5);
  const rank = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  const mostSevere = all.map((f) => rank[f.severity ?? 'error']).sort((a, b) => a - b).slice(0, 5);
  assert.deepEqual(published.diagnostics.filter((d) => d.code !== 'infra-lens/diagnostics-capped').map((d) => d.severity).sort(), mostSevere, 'the most severe are the ones kept');
  const summary = published.diagnostics.find((d) => d.code === 'infra-lens/diagnostics-capped');
  assert.ok(summary, 'a summary diagnostic');
  assert.equal(summary.message, `${all.length - 5} more findings are not shown (infraLens.lint.maxDiagnostics is 5); \`infra-lens lint\` lists them all.`);
  assert.equal(await client.shutdown(), 0);
});

test('a big document: diagnostics first, then hover; outline waits for the debounce; progress shown', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 400 } });
  t.after(() => client.process.kill());
  const progress: Array<{ kind: string; title?: string; message?: string }> = [];
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => progress.push(p.value));
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await client.connection.sendNotification('initialized', {});
  const stats = () => client.connection.sendRequest<Stats>('infraLens/serverStats');
  const uri = 'file:///engine/big.zone';

  // Hover sent together with the open: answered from the parse, before the lint. The parse
  // of 80,000 records is slow, so its own findings (the bad address) were published first.
  const text = zone(80_000, 1);
  const linted = client.nextDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'zone/soa-serial'), 120_000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 9 } });
  const early = client.published.find((p) => p.uri === uri && p.version === 1);
  assert.ok(early, 'the parse findings of version 1 were published before the hover was answered');
  assert.deepEqual(early.diagnostics.map((d) => d.code), ['zone/bad-ipv4'], 'only the parser finding: the lint (zone/soa-serial) had not run');
  assert.ok(hover, 'the hover answered from the parse');
  assert.match(hover.contents.value, /\bA\b/);
  // Then the whole lint of version 1, the early ones included, as the CLI finds them.
  const full = await linted;
  const expected = await lint('zone', text, {}, uri);
  assert.deepEqual(full.diagnostics.map((d) => d.code), expected.map((f) => f.ruleId));
  // Published as the parse went on (past 50 ms) or when it ended (past 200 ms), by its speed here.
  const shown = await stats();
  assert.ok(shown.earlyPublished + shown.partialPublished >= 1, `early ${shown.earlyPublished}, partial ${shown.partialPublished}`);

  // An edit, then the outline at once: it waits for the debounced analysis, does not force its own.
  const before = await stats();
  const sent = Date.now();
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: ';' }] });
  const symbols = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const answered = Date.now() - sent;
  const after = await stats();
  assert.ok(answered >= 380, `the outline waited for the debounce (${answered} ms)`);
  assert.ok(client.published.some((p) => p.uri === uri && p.version === 2), 'diagnostics of version 2 before the outline');
  assert.equal(after.analyses - before.analyses, 1, 'one analysis for version 2, none forced by the outline');
  // Owner-level and capped, with the zone's own note of what was left out (the engine's cap
  // on symbols is above it), and small enough to send after every edit.
  assert.equal(symbols.length, MAX_OWNER_SYMBOLS + 1, `${symbols.length} top-level symbols (capped)`);
  assert.equal((symbols.at(-1) as { detail: string }).detail, `outline capped at ${MAX_OWNER_SYMBOLS.toLocaleString('en-US')} names; 79,001 more owner entries not shown`, '80,001 owners (the edit commented one out), 1,000 shown');
  assert.ok(JSON.stringify(symbols).length < 300_000, `outline of ${JSON.stringify(symbols).length} bytes`);

  // The code lens of a huge zone names the document; its RRsets are read when it runs.
  const lenses = await client.connection.sendRequest<Array<{ command: { title: string; arguments: unknown[] } }>>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => l.command.title), [`Check the first ${MAX_LIVE_LENSES} RRsets live`]);
  assert.deepEqual(lenses[0].command.arguments, ['infraLens.server.checkRecords', { uri }]);

  const begin = progress.find((p) => p.kind === 'begin');
  assert.ok(begin, 'a long analysis shows work-done progress');
  assert.equal(begin.title, 'Infra Lens: checking big.zone');
  assert.match(begin.message ?? '', /^80,00\d lines…$/);
  assert.ok(progress.some((p) => p.kind === 'end'), 'and ends it');
  assert.equal(await client.shutdown(), 0);
});

test('a keystroke while a huge zone is first parsed: its hover is answered from the text up to the cursor, not after the whole parse', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 50 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const stats = () => client.connection.sendRequest<Stats & { prefixAnswers: number }>('infraLens/serverStats');
  const uri = 'file:///engine/huge.zone';
  const text = zone(300_000, 1);
  // The findings so far are published some 50 ms into the parse (the bad address is early).
  const first = client.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
  await first;
  const sent = Date.now();
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 3 }, end: { line: 4, character: 3 } }, text: 'x' }] });
  const hover = await client.connection.sendRequest<{ contents: { value: string }; range: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
  const hoverMs = Date.now() - sent;
  const completion = await client.connection.sendRequest<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 8 } });
  const { prefixAnswers } = await stats();
  const full = await client.nextDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'zone/soa-serial'), 120_000);
  process.stdout.write(`# engine: hover during the first parse of 300,000 records answered in ${hoverMs} ms; whole lint of version 2 after ${Date.now() - sent} ms\n`);
  assert.ok(prefixAnswers >= 2, `hover and completion answered from the prefix (${prefixAnswers})`);
  assert.match(hover?.contents.value ?? '', /^\*\*A\*\* \(type 1\)/);
  assert.deepEqual(hover?.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 9 } });
  assert.ok(completion.some((c) => c.label === 'AAAA'), 'record types offered after the owner and class');
  // The answers from the prefix changed nothing else: version 2 is linted as from scratch.
  const expected = await lint('zone', text.replace('\nns1 IN A', '\nns1x IN A'), {}, uri);
  assert.deepEqual(full.diagnostics.map((d) => d.code), expected.map((f) => f.ruleId));
  assert.equal(await client.shutdown(), 0);
});

test("a keystroke while a huge zone's first lint runs: its hover is answered from the text up to the cursor, not after the older version's work", async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 50 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const stats = () => client.connection.sendRequest<Stats & { prefixAnswers: number }>('infraLens/serverStats');
  const uri = 'file:///engine/huge-lint.zone';
  const text = zone(300_000, 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
  // The parse's own findings are published when the parse ends (it takes over 200 ms); the
  // lint of version 1 runs from then on, for a second or more.
  while ((await stats()).earlyPublished === 0) await new Promise((r) => setTimeout(r, 5));
  const before = (await stats()).prefixAnswers;
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 3 }, end: { line: 4, character: 3 } }, text: 'x' }] });
  const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } });
  const { prefixAnswers } = await stats();
  // Without the prefix the hover waits for version 1's lint to stop and version 2's parse.
  assert.equal(prefixAnswers - before, 1, 'answered from the prefix while version 1 was still being analyzed');
  assert.match(hover?.contents.value ?? '', /^\*\*A\*\* \(type 1\)/);
  const full = await client.nextDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'zone/soa-serial'), 120_000);
  const expected = await lint('zone', text.replace('\nns1 IN A', '\nns1x IN A'), {}, uri);
  assert.deepEqual(full.diagnostics.map((d) => d.code), expected.map((f) => f.ruleId));
  assert.equal(await client.shutdown(), 0);
});
