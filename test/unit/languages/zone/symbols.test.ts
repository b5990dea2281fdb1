// The zone outline: broken records stay, one kind per thing, owner-level and capped when huge.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { LineIndex } from '../../../../server/src/core/text';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { MAX_OWNER_SYMBOLS, MAX_RECORD_SYMBOLS } from '../../../../server/src/languages/zone/symbols';
import { zoneWith } from './zoneText';

const ctx = { uri: 'file:///z/db.example.com', settings: DEFAULT_SETTINGS };
const symbolsOf = (text: string) => zoneLanguage.symbols!(zoneLanguage.parse(text, ctx), ctx);

test('a record whose data does not parse stays in the outline, marked, under its owner', () => {
  const symbols = symbolsOf(zoneWith('www A 192.0.2.300\n    AAAA 2001:db8::1\nmx MX ten mail\n  TXT "ok"'));
  assert.deepEqual(symbols.slice(3).map((s) => [s.name, s.children?.map((c) => [c.name, c.detail])]), [
    ['www', [['A', '192.0.2.300 (does not parse)'], ['AAAA', '2001:db8::1']]],
    ['mx', [['MX', 'ten mail (does not parse)'], ['TXT', '"ok"']]],
  ]);
});

test('symbol kinds: an owner is a namespace, every record a field, whatever its type', () => {
  const symbols = symbolsOf(zoneWith('www A 192.0.2.1'));
  assert.deepEqual([...new Set(symbols.map((s) => s.kind))], ['namespace']);
  assert.deepEqual([...new Set(symbols.flatMap((s) => s.children!.map((c) => c.kind)))], ['field']);
});

test('a huge zone gets owner-level symbols, capped, with a note; all inside the document', () => {
  const n = Math.max(MAX_RECORD_SYMBOLS, MAX_OWNER_SYMBOLS) + 100;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`h${i} A 192.0.2.1`);
  const text = zoneWith(lines.join('\n'));
  const symbols = symbolsOf(text);
  assert.equal(symbols.length, MAX_OWNER_SYMBOLS + 1);
  assert.ok(symbols.every((s) => !s.children));
  assert.equal(symbols.at(-1)!.detail, `outline capped at ${MAX_OWNER_SYMBOLS.toLocaleString('en-US')} names; ${(n + 3 - MAX_OWNER_SYMBOLS).toLocaleString('en-US')} more owner entries not shown`, 'n owners and the three of zoneWith (@, ns1, ns2), less those shown');
  const index = new LineIndex(text);
  for (const s of symbols) assert.ok(s.range.end.line < index.lineCount && s.range.start.line <= s.range.end.line);
});

test('past the cap every entry is counted once: each record of an owner, and an entry that does not parse', () => {
  const n = Math.max(MAX_RECORD_SYMBOLS, MAX_OWNER_SYMBOLS) + 100;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`h${i} A 192.0.2.1`);
  lines.push('x A 192.0.2.2', '  TXT "two records"', 'y A 192.0.2.300');
  const symbols = symbolsOf(zoneWith(lines.join('\n')));
  assert.equal(symbols.length, MAX_OWNER_SYMBOLS + 1);
  assert.equal(symbols.at(-1)!.detail, `outline capped at ${MAX_OWNER_SYMBOLS.toLocaleString('en-US')} names; ${(n + 3 + 3 - MAX_OWNER_SYMBOLS).toLocaleString('en-US')} more owner entries not shown`, "as before: x's two records and the broken y count one each");
});

test('a small zone keeps its records as children and no note', () => {
  const symbols = symbolsOf(zoneWith('www A 192.0.2.1'));
  assert.ok(symbols.every((s) => s.name !== '…' && s.children && s.children.length > 0));
});
