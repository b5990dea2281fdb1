import assert from 'node:assert/strict';
import test from 'node:test';
import { lintText } from '../../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { lexEntries } from '../../../../server/src/languages/zone/lexer';
import { originFromFileName, parseName } from '../../../../server/src/languages/zone/names';
import { parseZone } from '../../../../server/src/languages/zone/parser';
import { CLEAN_ZONE } from './zoneText';

const ctx = (uri = 'file:///zones/test', origin = '', files: Record<string, string> = {}) => ({
  uri,
  settings: { ...DEFAULT_SETTINGS, zone: { origin } },
  readFile: (p: string) => files[p],
});

test('parentheses join lines; comments inside them are allowed; tokens keep their own lines', () => {
  const entries = [...lexEntries('@ SOA ns1 hm (\n  1 ; serial\n  2 3 4 5 )\nwww A 192.0.2.1\n')];
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[0].tokens.map((t) => t.text), ['@', 'SOA', 'ns1', 'hm', '1', '2', '3', '4', '5']);
  assert.deepEqual([entries[0].line, entries[0].endLine], [0, 2]);
  assert.deepEqual(entries[0].tokens[4], { text: '1', quoted: false, line: 1, start: 2, end: 3 });
});

test('quoted strings keep ";" and escaped quotes; escapes keep delimiters in a token', () => {
  const [e] = [...lexEntries('t TXT "a ; \\"b\\"" c\\ d\n')];
  assert.deepEqual(e.tokens.map((t) => t.text), ['t', 'TXT', '"a ; \\"b\\""', 'c\\ d']);
});

test('a missing ")" is reported at the "(" and the following records are still read', () => {
  const ast = parseZone(`${CLEAN_ZONE}\nwww A ( 192.0.2.1\nmail A 192.0.2.300\n`, ctx());
  assert.deepEqual(ast.findings.map((f) => [f.ruleId, f.range.start.line]), [
    ['zone/syntax', 7],
    ['zone/bad-ipv4', 8],
  ]);
});

test('blank owner inherits the previous owner; @ is the origin; TTL and class in either order', () => {
  const ast = parseZone(`${CLEAN_ZONE}\nwww 300 IN A 192.0.2.1\n    IN 600 AAAA 2001:db8::1\n@ 1h MX 10 mail\n`, ctx());
  const [a, aaaa, mx] = ast.records.slice(-3);
  assert.deepEqual([a.owner, a.ttl, aaaa.owner, aaaa.ttl, mx.owner, mx.ttl], ['www.example.com.', 300, 'www.example.com.', 600, 'example.com.', 3600]);
  assert.equal(mx.values?.[1].value, 'mail.example.com.');
  assert.equal(mx.values?.[1].relative, true);
});

test('$ORIGIN changes relative names; TYPEnnn and RFC 3597 \\# are read', () => {
  const ast = parseZone(`${CLEAN_ZONE}\n$ORIGIN sub.example.com.\nx TYPE1 \\# 4 C0000201\ny type16 "hi"\n`, ctx());
  const [x, y] = ast.records.slice(-2);
  assert.deepEqual([x.owner, x.type, Buffer.from(x.wire!).toString('hex'), y.owner, y.type], ['x.sub.example.com.', 'A', 'c0000201', 'y.sub.example.com.', 'TXT']);
  assert.deepEqual(ast.findings, []);
});

test('\\# length must match the hex; a known type is checked as that type', () => {
  const ast = parseZone(`${CLEAN_ZONE}\nx TYPE1 \\# 3 C00002\ny TYPE99 \\# 2 00\n`, ctx());
  assert.deepEqual(ast.findings.map((f) => [f.ruleId, f.range.start.line]), [
    ['zone/bad-rdata', 7],
    ['zone/bad-rdata', 8],
  ]);
});

test('names: escapes, label and name limits after the origin', () => {
  assert.equal(parseName('a\\.b', 'example.com.').key, 'a\\.b.example.com.');
  assert.equal(parseName('\\065BC', '.').key, 'abc.');
  assert.equal(parseName('a..b.', '.').error, 'empty label');
  assert.equal(parseName(`${'a'.repeat(64)}.`, '.').error, 'label too long');
  const long = Array.from({ length: 4 }, () => 'a'.repeat(60)).join('.');
  assert.equal(parseName(long, '.').key !== undefined, true);
  assert.equal(parseName(long, 'example.com.').error, 'ran out of space');
});

test('origin: $ORIGIN, else the setting, else the file name', () => {
  assert.equal(parseZone('$ORIGIN a.test.\n', ctx('file:///z/db.b.test', 'c.test')).origin, 'a.test.');
  assert.equal(parseZone('www A 192.0.2.1\n', ctx('file:///z/db.b.test', 'c.test')).origin, 'c.test.');
  assert.equal(parseZone('www A 192.0.2.1\n', ctx('file:///z/db.b.test')).origin, 'b.test.');
  assert.equal(originFromFileName('file:///z/example.com.zone'), 'example.com.');
  assert.equal(originFromFileName('file:///z/notes.txt'), undefined);
});

test('$INCLUDE: read relative to the file, findings carry the included uri, origin and owner restored', async () => {
  const files = { '/zones/hosts.inc': 'www A 192.0.2.300\n' };
  const text = `${CLEAN_ZONE}\n$INCLUDE hosts.inc sub.example.com.\nmail A 192.0.2.3\n`;
  const { findings, parsed } = await lintText(zoneLanguage, text, ctx('file:///zones/db.example.com', '', files));
  assert.deepEqual(findings.map((f) => [f.ruleId, f.uri, f.range.start.line]), [['zone/bad-ipv4', 'file:///zones/hosts.inc', 0]]);
  assert.equal(parsed.records.at(-1)?.owner, 'mail.example.com.');
});

test('$INCLUDE cycles and missing files are reported, never followed forever', async () => {
  const files = { '/zones/a.inc': '$INCLUDE b.inc\n', '/zones/b.inc': '$INCLUDE a.inc\n' };
  const { findings } = await lintText(zoneLanguage, `${CLEAN_ZONE}\n$INCLUDE a.inc\n$INCLUDE nope.inc\n`, ctx('file:///zones/db.example.com', '', files));
  assert.deepEqual(findings.map((f) => [f.ruleId, f.message.includes('cycle') || f.message.includes('not found')]), [
    ['zone/include', true],
    ['zone/include', true],
  ]);
});

test('$GENERATE expands with ${offset,width,base} and checks each record', () => {
  const ast = parseZone(`${CLEAN_ZONE}\n$GENERATE 1-3/2 host-\${10,3,x} A 192.0.2.$\n`, ctx());
  assert.deepEqual(ast.records.slice(-2).map((r) => [r.owner, r.values?.[0].value]), [
    ['host-00b.example.com.', '192.0.2.1'],
    ['host-00d.example.com.', '192.0.2.3'],
  ]);
});

test('arbitrary bytes never throw', () => {
  const junk = Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  assert.doesNotThrow(() => parseZone(junk, ctx()));
  assert.doesNotThrow(() => parseZone('(((((\n"\n)))\n$GENERATE\n$INCLUDE\n\\', ctx()));
});
