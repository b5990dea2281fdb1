// Hover, completion, outline and the Bump SOA Serial command of the zone language.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { bumpSerialEdit, nextSerial, runBumpSoaSerialCommand } from '../../../../server/src/languages/zone/command';
import { zoneWith } from './zoneText';

const ctx = { uri: 'file:///z/db.example.com', settings: DEFAULT_SETTINGS };
const parse = (text: string) => zoneLanguage.parse(text, ctx);

test('hover on a type explains it, lists its fields and names the RFC', () => {
  const text = zoneWith('@ MX 10 mail');
  const h = zoneLanguage.hover!(parse(text), { line: 7, character: 3 }, ctx)!;
  assert.match(h.contents, /\*\*MX\*\* \(type 15\)/);
  assert.match(h.contents, /`preference`/);
  assert.match(h.contents, /RFC 1035/);
  assert.deepEqual(h.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } });
});

test('hover on a relative RDATA name shows its absolute form; on a TTL, the duration', () => {
  const text = zoneWith('@ 1h MX 10 mail');
  const name = zoneLanguage.hover!(parse(text), { line: 7, character: 13 }, ctx)!;
  assert.match(name.contents, /\*\*exchange\*\*/);
  assert.match(name.contents, /Absolute: `mail\.example\.com\.` \(relative to `example\.com\.`\)/);
  const ttl = zoneLanguage.hover!(parse(text), { line: 7, character: 3 }, ctx)!;
  assert.match(ttl.contents, /3600 s = 1 hour/);
});

test('hover still explains the type of a record that does not parse', () => {
  const text = zoneWith('@ SRV 10 60 sip');
  const h = zoneLanguage.hover!(parse(text), { line: 7, character: 3 }, ctx)!;
  assert.match(h.contents, /\*\*SRV\*\*/);
});

test('hover on a directive and on an owner', () => {
  const text = zoneWith('www A 192.0.2.1');
  assert.match(zoneLanguage.hover!(parse(text), { line: 0, character: 2 }, ctx)!.contents, /relative/);
  assert.match(zoneLanguage.hover!(parse(text), { line: 7, character: 1 }, ctx)!.contents, /Owner `www\.example\.com\.`/);
});

test('completion offers types (with field snippets) where a type goes, directives after "$"', () => {
  const types = zoneLanguage.complete!(parse('www IN '), { line: 0, character: 7 }, ctx);
  const mx = types.find((c) => c.label === 'MX')!;
  assert.equal(mx.insertText, 'MX ${1:preference} ${2:exchange}');
  assert.ok(types.some((c) => c.label === 'HTTPS'));
  assert.ok(types.findIndex((c) => c.label === 'A') >= 0);
  const directives = zoneLanguage.complete!(parse('$OR'), { line: 0, character: 3 }, ctx);
  assert.deepEqual(directives.map((c) => c.label), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);
  assert.deepEqual(directives[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
});

test('completion offers CAA tags and SvcParam keys inside their RDATA, nothing in an owner', () => {
  assert.ok(zoneLanguage.complete!(parse('@ CAA 0 '), { line: 0, character: 8 }, ctx).some((c) => c.label === 'issuewild'));
  assert.ok(zoneLanguage.complete!(parse('@ HTTPS 1 . '), { line: 0, character: 12 }, ctx).some((c) => c.label === 'alpn'));
  assert.deepEqual(zoneLanguage.complete!(parse('ww'), { line: 0, character: 2 }, ctx), []);
});

test('outline: owners with their records, in file order', () => {
  const symbols = zoneLanguage.symbols!(parse(zoneWith('www A 192.0.2.1\n    AAAA 2001:db8::1')), ctx);
  assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [
    ['@', ['SOA', 'NS', 'NS']],
    ['ns1', ['A']],
    ['ns2', ['A']],
    ['www', ['A', 'AAAA']],
  ]);
});

test('next serial: YYYYMMDDnn moves to today or counts up; other serials count up and wrap', () => {
  assert.equal(nextSerial(2026010101, 20261125), 2026112500);
  assert.equal(nextSerial(2026112500, 20261125), 2026112501);
  assert.equal(nextSerial(2026112699, 20261125), 2026112700);
  assert.equal(nextSerial(42, 20261125), 43);
  assert.equal(nextSerial(4294967295, 20261125), 0);
});

test('bump edit replaces exactly the serial token, also in a multi-line SOA', () => {
  const text = '$TTL 1h\n@ SOA ns1 hm (\n   2026010101 ; serial\n   1 2 3 4 )\n';
  const r = bumpSerialEdit(text, 'file:///z/db.example.com', 20261125);
  assert.ok(!('error' in r));
  assert.deepEqual(r.result.edits, [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 13 } }, newText: '2026112500' }]);
});

test('the server command returns the edits as BumpSoaSerialResult, or a clear failure', async () => {
  const docs: Record<string, string> = { 'file:///z/a.zone': zoneWith(''), 'file:///z/b.zone': 'www A 192.0.2.1\n' };
  const cctx = { settings: DEFAULT_SETTINGS, trusted: true, isCancelled: () => false, documentText: (u: string) => docs[u], log: () => undefined };
  const ok = await runBumpSoaSerialCommand({ uri: 'file:///z/a.zone' }, cctx);
  assert.equal(ok.ok, true);
  assert.equal((ok.data as { edits: unknown[] }).edits.length, 1);
  assert.match(ok.text, /SOA serial 2026112501 -> \d{10}/);
  const none = await runBumpSoaSerialCommand({ uri: 'file:///z/b.zone' }, cctx);
  assert.equal(none.ok, false);
  assert.match(none.error!, /no SOA record/);
});
