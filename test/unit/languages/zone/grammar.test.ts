// The zone TextMate grammar, tokenized by the engine VS Code uses (vscode-textmate with the
// Oniguruma regex library): what each part of a line is shown as, across lines, and that its
// record-type lists are the table's (one fact, several places, held together here).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { RECORD_TYPES } from '../../../../server/src/languages/zone/recordTypes';
import { repoRoot } from '../../../helpers';

const grammarFile = path.join(repoRoot, 'syntaxes', 'zone.tmLanguage.json');
const grammarText = fs.readFileSync(grammarFile, 'utf8');

let grammar: Promise<textmate.IGrammar>;
function loadGrammar(): Promise<textmate.IGrammar> {
  grammar ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => textmate.parseRawGrammar(grammarText, grammarFile),
    });
    const g = await registry.loadGrammar('source.dns-zone');
    if (!g) throw new Error('grammar did not load');
    return g;
  })();
  return grammar;
}

/** Each line as "text=scope" pairs for its scoped tokens, the state carried line to line. */
async function scopes(text: string): Promise<string[][]> {
  const g = await loadGrammar();
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .map((t, i) => ({ text: line.slice(t.startIndex, r.tokens[i + 1]?.startIndex ?? line.length), scope: t.scopes.slice(1).map((s) => s.replace(/\.zone$/, '')).join(' ') }))
      .filter((t) => t.scope)
      .map((t) => `${t.text}=${t.scope}`);
  });
}

test('a record line: owner, TTL, class, type and its data', async () => {
  assert.deepEqual(await scopes('www 300 IN A 192.0.2.1 ; web'), [
    ['www=entity.name.tag.owner', '300=constant.numeric', 'IN=storage.modifier.class', 'A=storage.type.rrtype', '192.0.2.1=constant.numeric.ipv4', '; web=comment.line.semicolon'],
  ]);
  assert.deepEqual(await scopes('@ IN MX 10 mail.example.com.\n\tAAAA 2001:db8::1\nh1 1h30m in txt "a \\"b\\"" \\# 0'), [
    ['@=entity.name.tag.owner', 'IN=storage.modifier.class', 'MX=storage.type.rrtype', '10=constant.numeric', 'mail.example.com.=entity.name.domain.absolute'],
    ['AAAA=storage.type.rrtype', '2001:db8::1=constant.numeric.ipv6'],
    ['h1=entity.name.tag.owner', '1h30m=constant.numeric', 'in=storage.modifier.class', 'txt=storage.type.rrtype', '"=string.quoted.double', 'a =string.quoted.double', '\\"=string.quoted.double constant.character.escape', 'b=string.quoted.double', '\\"=string.quoted.double constant.character.escape', '"=string.quoted.double', '\\#=keyword.operator.generic-rdata', '0=constant.numeric'],
  ]);
});

test('types are matched whole and in any case: https is a type, httpsx is not', async () => {
  const [known, unknown] = await scopes('www IN https 1 .\nwww IN httpsx 1 .');
  assert.ok(known.includes('https=storage.type.rrtype'), known.join(' '));
  assert.ok(!unknown.some((t) => t.includes('storage.type.rrtype')), unknown.join(' '));
});

test('data that spells a type or class is data: a host named ns or a, an MX target named in', async () => {
  const [soa, cname, mx] = await scopes('@ SOA ns admin 1 7200 3600 1209600 300\nwww CNAME a\n@ MX 10 in');
  assert.ok(!soa.some((t) => t.startsWith('ns=')), soa.join(' '));
  assert.deepEqual(cname, ['www=entity.name.tag.owner', 'CNAME=storage.type.rrtype']);
  assert.deepEqual(mx, ['@=entity.name.tag.owner', 'MX=storage.type.rrtype', '10=constant.numeric']);
});

test('types inside RRSIG, NSEC, NSEC3, CSYNC and DSYNC data are shown as types, on continuation lines too', async () => {
  const lines = await scopes('@ 3600 RRSIG SOA 13 2 3600 (\n\t20260101000000 20251201000000 12345 example. AbCd== )\n@ NSEC next.example. (\n    A NS SOA RRSIG )\n@ CSYNC 66 3 A NS AAAA\n@ TYPE66 CSYNC 1 5360 .');
  assert.ok(lines[0].includes('SOA=storage.type.rrtype'), lines[0].join(' '));
  assert.ok(lines[0].includes('(=punctuation.section.parens'));
  assert.ok(lines[1].includes(')=punctuation.section.parens'), lines[1].join(' '));
  assert.deepEqual(lines[3], ['A=storage.type.rrtype', 'NS=storage.type.rrtype', 'SOA=storage.type.rrtype', 'RRSIG=storage.type.rrtype', ')=punctuation.section.parens']);
  assert.deepEqual(lines[4].slice(-3), ['A=storage.type.rrtype', 'NS=storage.type.rrtype', 'AAAA=storage.type.rrtype']);
  assert.ok(lines[5].includes('CSYNC=storage.type.rrtype'), lines[5].join(' '));
});

test('inside parentheses a line is data: a value in column 0 is not an owner', async () => {
  const lines = await scopes('@ SOA ns1 admin (\n2026010101 ; serial\n 7200 3600 1209600 300 )\nnext A 192.0.2.9');
  assert.deepEqual(lines[1], ['2026010101=constant.numeric', '; serial=comment.line.semicolon']);
  assert.deepEqual(lines[3], ['next=entity.name.tag.owner', 'A=storage.type.rrtype', '192.0.2.9=constant.numeric.ipv4'], 'the record after the parentheses starts afresh');
});

test('directives, blank lines and lines no record rule takes', async () => {
  const lines = await scopes('$ORIGIN example.com.\n\n$TTL 3600\n$include "other.zone"\nbad IN BOGUS 1 x.example.\n\nwww IN NS ns');
  assert.deepEqual(lines[0], ['$ORIGIN=keyword.control.directive', 'example.com.=entity.name.domain.absolute']);
  assert.deepEqual(lines[2], ['$TTL=keyword.control.directive', '3600=constant.numeric'], 'a blank line before a directive leaves no state behind');
  assert.equal(lines[3][0], '$include=keyword.control.directive');
  // An unknown type: every token shown for what it looks like.
  assert.deepEqual(lines[4], ['bad=entity.name.tag.owner', 'IN=storage.modifier.class', '1=constant.numeric', 'x.example.=entity.name.domain.absolute']);
  assert.deepEqual(lines[6], ['www=entity.name.tag.owner', 'IN=storage.modifier.class', 'NS=storage.type.rrtype']);
});

test('every record type of the table is in each of the grammar\'s type lists', () => {
  // The type rule and the record rule's head each hold the list; a type missing from the
  // head would make its records fall through to the catch-all line rule.
  const lists = [...grammarText.matchAll(/\(\?i:((?:[A-Z0-9-]+\|){20,}[^)]*)\)/g)].map((m) => new Set(m[1].split('|')));
  assert.equal(lists.length >= 2, true, 'the type rule and the record head');
  const wanted = RECORD_TYPES.filter((t) => t.bind !== false).map((t) => t.name);
  for (const list of lists) assert.deepEqual(wanted.filter((t) => !list.has(t)), []);
});
