// The server under abuse (issue #18), over stdio with a real JSON-RPC client: a thousand
// rapid incremental edits, 200 manifests opened at once, out-of-range change positions, a
// 50 MB document, cancels mid-flight, unknown methods, malformed JSON-RPC and a header
// framing error, executeCommand with hostile arguments. The server must stay up, publish
// the right diagnostics for the final text, and give its memory back. Prints what it tried.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import test from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, seededRandom } from '../helpers';
import { type PublishedDiagnostics, TestLspClient } from './client';

interface Stats {
  heapUsedMb: number;
  rssMb: number;
  documents: number;
  analyses: number;
  incremental: number;
  cancelled: number;
  published: number;
  workerRestarts: number;
}

const ZONE = '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\nwww IN A 192.0.2.10\nmail IN MX 10 www\nbad IN A 300.1.2.3\n';
const say = (m: string) => process.stdout.write(`# abuse: ${m}\n`);
type Shaped = { code?: string; message: string; range: PublishedDiagnostics['diagnostics'][number]['range'] };
const shape = (p: { diagnostics: Shaped[] }) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

function manifest(i: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc${i}\nspec:\n  selector: {app: app${i}}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  selector:\n    matchLabels: {app: app${i}}\n  template:\n    metadata:\n      labels: {app: app${i}}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n`;
}

test('the server survives abuse and still answers right', { timeout: 240_000 }, async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 30 }, dns: { timeoutMs: 200, tries: 1 } }, undefined, ['--expose-gc']);
  t.after(() => client.process.kill());
  let stderr = '';
  client.process.stderr!.on('data', (d) => (stderr += d));
  await client.initialize();
  const stats = () => client.connection.sendRequest<Stats>('infraLens/serverStats');
  const open = (uri: string, languageId: string, text: string, version = 1) =>
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const alive = async () => {
    const answer = client.connection.sendRequest<{ ok: boolean }>('workspace/executeCommand', { command: 'infraLens.server.listRules', arguments: [{}] });
    const deaf = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server did not answer within 10 s')), 10_000).unref());
    assert.equal((await Promise.race([answer, deaf])).ok, true, 'the server still answers');
  };
  const start = await stats();
  say(`at start: heap ${start.heapUsedMb.toFixed(1)} MB, rss ${start.rssMb.toFixed(1)} MB`);

  await t.test('1,000 rapid incremental edits: the final text gets its right diagnostics, stale versions none', async () => {
    const uri = 'file:///abuse/edits.zone';
    let model = TextDocument.create(uri, 'dns-zone', 1, ZONE);
    await open(uri, 'dns-zone', ZONE);
    await client.nextDiagnostics(uri, (p) => p.version === 1);
    const random = seededRandom(1813);
    const alphabet = 'abc019. \n\tIN;()"';
    for (let v = 2; v <= 1001; v++) {
      const offset = Math.floor(random() * (model.getText().length + 1));
      const del = random() < 0.4 ? Math.floor(random() * 4) : 0;
      const ins = random() < 0.7 ? alphabet[Math.floor(random() * alphabet.length)] : '';
      const range = { start: model.positionAt(offset), end: model.positionAt(Math.min(offset + del, model.getText().length)) };
      model = TextDocument.update(model, [{ range, text: ins }], v);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: ins }] });
    }
    const final = await client.nextDiagnostics(uri, (p) => p.version === 1001, 60_000);
    const expected = await lint('zone', model.getText(), {}, uri);
    assert.deepEqual(shape(final), shape({ diagnostics: expected.map((f) => ({ code: f.ruleId, message: f.message, range: f.range })) }));
    const versions = new Set(client.published.filter((p) => p.uri === uri).map((p) => p.version));
    say(`1,000 edits: versions published ${[...versions].join(', ')}; final has ${final.diagnostics.length} diagnostics, equal to a from-scratch lint`);
    assert.ok(versions.size < 50, 'intermediate versions are not each linted and published');
  });

  await t.test('out-of-range and malformed change positions are clamped, never fatal', async () => {
    const uri = 'file:///abuse/range.zone';
    await open(uri, 'dns-zone', ZONE);
    await client.nextDiagnostics(uri, (p) => p.version === 1);
    const junkRanges = [
      { start: { line: 9999, character: 0 }, end: { line: 10000, character: 5 } },
      { start: { line: 3, character: 500 }, end: { line: 2, character: 0 } },
      { start: { line: -4, character: -1 }, end: { line: 1, character: 2 } },
      { start: { line: 1.5, character: 'x' }, end: null },
    ];
    for (const [i, range] of junkRanges.entries()) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 + i }, contentChanges: [{ range, text: 'zz' }] });
    }
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: ZONE }] });
    const published = await client.nextDiagnostics(uri, (p) => p.version === 10);
    const expected = await lint('zone', ZONE, {}, uri);
    assert.deepEqual(shape(published), shape({ diagnostics: expected.map((f) => ({ code: f.ruleId, message: f.message, range: f.range })) }));
    say(`${junkRanges.length} bad change ranges applied, then a full replacement: diagnostics equal a from-scratch lint`);
    await alive();
  });

  await t.test('200 manifests opened at once: every one diagnosed, re-lints coalesced', async () => {
    const before = await stats();
    const uris = Array.from({ length: 200 }, (_, i) => `file:///abuse/k8s/m${i}.yaml`);
    const waits = uris.map((u) => client.nextDiagnostics(u, () => true, 120_000));
    uris.forEach((u, i) => void open(u, 'yaml', manifest(i)));
    await Promise.all(waits);
    // Let the coalesced cross-document re-lints run out.
    let after = await stats();
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((r) => setTimeout(r, 400));
      const now = await stats();
      quiet = now.analyses === after.analyses ? quiet + 1 : 0;
      after = now;
    }
    const analyses = after.analyses - before.analyses;
    say(`200 manifests: ${analyses} analyses (uncoalesced, each open re-linted every other: ~20,000)`);
    assert.ok(analyses <= 200 * 6, `${analyses} analyses for 200 opened manifests`);
    for (const u of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    await alive();
  });

  await t.test('a 50 MB document: a clear note, no hang; other documents keep their answers', async () => {
    const uri = 'file:///abuse/huge.zone';
    const huge = ZONE + 'h IN A 192.0.2.1\n'.repeat(Math.ceil(50e6 / 17));
    const t0 = Date.now();
    const wait = client.nextDiagnostics(uri, (p) => p.version === 1, 60_000);
    await open(uri, 'dns-zone', huge);
    const published = await wait;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['infra-lens/too-large']);
    // An edit of the huge document is not a crash either.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ';' }] });
    await client.nextDiagnostics(uri, (p) => p.version === 2, 60_000);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///abuse/range.zone' }, position: { line: 5, character: 6 } });
    assert.ok(hover, 'a hover on a small document still answers');
    say(`50 MB zone: note published and an edit handled in ${Date.now() - t0} ms`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  await t.test('a newer edit cancels the running analysis of a big document; cancelled requests return', async () => {
    const uri = 'file:///abuse/big.zone';
    const big = ZONE + Array.from({ length: 60_000 }, (_, i) => `h${i} IN A 10.0.${(i >> 8) & 255}.${i & 255}`).join('\n') + '\n';
    await open(uri, 'dns-zone', big);
    await client.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
    const before = await stats();
    const edit = (version: number) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'x' }] });
    // Version 2 replaces the whole text, so it is parsed from scratch (an incremental re-parse
    // of one character is over too soon to be overtaken): past the debounce it is running.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: big.replace('\nh7 ', '\nxh7 ') }] });
    await new Promise((r) => setTimeout(r, 250));
    await edit(3);
    // Version 2's findings so far may be published while it is the current version (a long
    // parse offers them). Once the server has seen version 3 it publishes nothing for 2:
    // the server handles messages in order, so a request sent after the edit is answered
    // after the edit was taken, and every publication after that answer is checked.
    await stats();
    const sawVersion3 = client.published.length;
    const last = await client.nextDiagnostics(uri, (p) => p.version === 3, 120_000);
    const after = await stats();
    assert.ok(!client.published.slice(sawVersion3).some((p) => p.uri === uri && p.version === 2), 'the stale version is never published once a newer one came');
    assert.ok(after.cancelled > before.cancelled, 'the analysis of version 2 stopped early');
    assert.ok(last.diagnostics.some((d) => d.code === 'zone/bad-ipv4'));
    // A hover request cancelled right away answers (null) instead of running to the end.
    const source = new CancellationTokenSource();
    void edit(4);
    const pending = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 1 } }, source.token);
    source.cancel();
    const outcome = await pending.then((r) => `result ${JSON.stringify(r)}`, (e: Error) => `error ${e.message}`);
    say(`big zone: ${after.cancelled - before.cancelled} stale analysis cancelled; a cancelled hover gave ${outcome}`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  await t.test('unknown methods, malformed JSON-RPC and a header framing error: the server does not go deaf', async () => {
    await assert.rejects(client.connection.sendRequest('infraLens/noSuchMethod', {}), /Unhandled method|not found/i);
    await client.connection.sendNotification('infraLens/noSuchNotification', { x: 1 });
    await client.connection.sendRequest('textDocument/hover', 42).catch(() => undefined);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: 'nope' });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///abuse/range.zone', version: 'x' }, contentChanges: 'all' });
    const raw = (s: string) => new Promise<void>((r) => client.process.stdin!.write(s, () => r()));
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    await raw(frame('this is not json'));
    await raw(frame('{"jsonrpc":"2.0","method":'));
    await raw(frame('{"foo":1}'));
    await raw('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}'); // no Content-Length
    await raw('garbage without any header\r\n\r\n');
    await raw('Content-Length: abc\r\n\r\n');
    await alive();
    await alive();
    say('unknown method rejected; 3 malformed bodies, 3 broken headers: still answering');
  });

  await t.test('executeCommand with hostile arguments: an answer each, nothing run, nothing read', async () => {
    const marker = `/tmp/infra-lens-abuse-${process.pid}`;
    const hostile: Array<[string, unknown]> = [
      ['infraLens.server.proc', { reading: 'process', pid: 2 ** 31 - 2 }],
      ['infraLens.server.proc', { reading: 'process', pid: `1; touch ${marker}` }],
      ['infraLens.server.proc', { reading: '../../../etc/shadow' }],
      ['infraLens.server.proc', { reading: 'environ', pid: -1 }],
      ['infraLens.server.bumpSoaSerial', { uri: 'file:///abuse/../../../etc/passwd' }],
      ['infraLens.server.bumpSoaSerial', { uri: `$(touch ${marker})` }],
      ['infraLens.server.resolvePlan', { name: `x$(touch ${marker})`, uri: 'file:///../../etc/resolv.conf' }],
      ['infraLens.server.dig', { argv: ['@127.0.0.1', '-p', '9', `\`touch ${marker}\``, '+tries=1', '+time=1'] }],
      ['infraLens.server.dig', { argv: 'not an array' }],
      ['infraLens.server.checkRecord', { name: `;touch ${marker}`, type: 'A', expected: ['1.2.3.4'], servers: ['127.0.0.1'], port: 9 }],
      ['infraLens.server.listRules', null],
    ];
    for (const [command, args] of hostile) {
      const r = await client.connection.sendRequest<{ ok: boolean; text: string } | null>('workspace/executeCommand', { command, arguments: [args] }).catch((e: Error) => ({ ok: false, text: e.message }));
      assert.equal(typeof r?.ok, 'boolean', `${command} answered with a report`);
      assert.ok(!/root:x:0:0/.test(r?.text ?? ''), `${command} did not quote /etc/passwd`);
    }
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'rm -rf /', arguments: [] }));
    assert.ok(!fs.existsSync(marker), 'no shell ran the arguments');
    say(`${hostile.length} hostile executeCommand calls answered, no file created, no secret quoted`);
    await alive();
  });

  await t.test('memory returns near where it started once the documents are closed', async () => {
    for (const uri of ['file:///abuse/edits.zone', 'file:///abuse/range.zone']) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 4000)); // the idle analysis worker stops
    const end = await stats();
    say(`at end: heap ${end.heapUsedMb.toFixed(1)} MB (start ${start.heapUsedMb.toFixed(1)}), rss ${end.rssMb.toFixed(1)} MB (start ${start.rssMb.toFixed(1)}); ${end.analyses} analyses, ${end.cancelled} cancelled, ${end.workerRestarts} worker restarts`);
    assert.equal(end.documents, 0);
    assert.ok(end.heapUsedMb < start.heapUsedMb + 40, `heap ${end.heapUsedMb.toFixed(1)} MB vs ${start.heapUsedMb.toFixed(1)} MB at start`);
  });

  assert.equal(await client.shutdown(), 0);
  assert.ok(!/FATAL|Segmentation|heap out of memory/.test(stderr), stderr.slice(-2000));
});
