// Bad-input bounds of the zone parser (issue #18): $GENERATE work counted over all lines and
// a bounded field width, $INCLUDE cycles caught whatever the path's spelling, lone CR line
// breaks counted as LSP counts them.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lintText } from '../../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { LineIndex } from '../../../../server/src/core/text';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { lexEntries } from '../../../../server/src/languages/zone/lexer';
import { MAX_GENERATE, normalizePath, parseZone } from '../../../../server/src/languages/zone/parser';
import { CLEAN_ZONE } from './zoneText';

const ctx = (files: Record<string, string> = {}, realPath?: (p: string) => string | undefined) => ({
  uri: 'file:///zones/db.example.com',
  settings: { ...DEFAULT_SETTINGS, zone: { origin: '' } },
  readFile: (p: string) => files[p],
  ...(realPath ? { realPath } : {}),
});

test('$GENERATE: the record limit counts every line of the file together', () => {
  const half = MAX_GENERATE / 2;
  const lines = [1, 2, 3, 4, 5].map((k) => `$GENERATE 1-${half} h${k}-$ A 192.0.2.1`);
  const t0 = Date.now();
  const ast = parseZone(`${CLEAN_ZONE}\n${lines.join('\n')}\n`, ctx());
  const generated = ast.records.filter((r) => r.generated).length;
  assert.equal(generated, MAX_GENERATE, 'two lines fit, the third and later are refused');
  const refused = ast.findings.filter((f) => f.ruleId === 'zone/generate');
  assert.deepEqual(refused.map((f) => f.range.start.line), [9, 10, 11]);
  assert.match(refused[0].message, /in all; not expanded here/);
  assert.ok(Date.now() - t0 < 20_000);
});

test('$GENERATE: a field width over 255 is refused before anything is expanded', () => {
  const ast = parseZone(`${CLEAN_ZONE}\n$GENERATE 1-10 h\${0,100000000} A 192.0.2.1\n$GENERATE 1-2 w\${0,5} A 192.0.2.1\n`, ctx());
  const f = ast.findings.filter((x) => x.ruleId === 'zone/generate');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /width 100000000 .* is over 255/);
  assert.deepEqual(ast.records.filter((r) => r.generated).map((r) => r.owner), ['w00001.example.com.', 'w00002.example.com.']);
});

test('$INCLUDE of the file itself is a cycle whatever the spelling (./, .., symlink)', async () => {
  const self = `${CLEAN_ZONE}\n$INCLUDE ./db.example.com\n$INCLUDE ../zones/./db.example.com\n$INCLUDE link.zone\n`;
  const files = { '/zones/db.example.com': self, '/zones/link.zone': self };
  const realPath = (p: string) => (p === '/zones/link.zone' ? '/zones/db.example.com' : p);
  const t0 = Date.now();
  const { findings } = await lintText(zoneLanguage, self, ctx(files, realPath));
  const cycles = findings.filter((f) => f.ruleId === 'zone/include' && /include cycle/.test(f.message));
  assert.deepEqual(cycles.map((f) => f.range.start.line), [7, 8, 9]);
  assert.ok(Date.now() - t0 < 5_000);
});

test('normalizePath resolves ".", ".." and repeated slashes', () => {
  assert.equal(normalizePath('/zones/./a/../b//c.zone'), '/zones/b/c.zone');
  assert.equal(normalizePath('/../x'), '/x');
});

test('$INCLUDE diamonds stay linear: the characters read through includes are bounded', async () => {
  // Each level includes the next twice: 2^20 reads without a bound.
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`/zones/l${i}.inc`] = `$INCLUDE l${i + 1}.inc\n$INCLUDE l${i + 1}.inc\n; ${'x'.repeat(1 << 16)}\n`;
  files['/zones/l20.inc'] = 'leaf A 192.0.2.9\n';
  const t0 = Date.now();
  const { findings } = await lintText(zoneLanguage, `${CLEAN_ZONE}\n$INCLUDE l0.inc\n`, ctx(files));
  assert.ok(findings.some((f) => f.ruleId === 'zone/include' && /already read/.test(f.message)));
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
});

test('a lone CR is a line break, as LSP counts lines: tokens, entries and findings stay on the right line', async () => {
  const text = `${CLEAN_ZONE.replace(/\n/g, '\r')}\rwww A 192.0.2.300\r  TXT "unclosed\rmail A 192.0.2.4\r`;
  const entries = [...lexEntries(text)];
  const www = entries.find((e) => e.tokens[0]?.text === 'www')!;
  assert.equal(www.line, 7);
  assert.deepEqual(www.tokens.map((t) => t.text), ['www', 'A', '192.0.2.300']);
  const { findings } = await lintText(zoneLanguage, text, ctx());
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 11);
  for (const f of findings) assert.ok(f.range.end.line < index.lineCount && f.range.end.character <= index.lineText(f.range.end.line).length, JSON.stringify(f));
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.range.start.line]), [
    ['zone/bad-ipv4', 7],
    ['zone/syntax', 8],
  ]);
});

test('CR LF and LF give the same entries', () => {
  const lf = `${CLEAN_ZONE}\nwww A ( 192.0.2.1\n ) ; c\n`;
  const strip = (t: string) => [...lexEntries(t)].map((e) => ({ ...e, offset: 0, next: 0 }));
  assert.deepEqual(strip(lf.replace(/\n/g, '\r\n')), strip(lf));
});
