// The TextMate grammar's patterns (JavaScript and Oniguruma agree on these constructs):
// keywords only where glibc sees them, options known / deprecated / other.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { FLAG_OPTIONS, REMOVED_OPTIONS } from '../../../../server/src/resolver/options';
import { repoRoot } from '../../../helpers';

interface Pattern {
  match?: string;
  begin?: string;
  name?: string;
  patterns?: Pattern[];
}

const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'resolvconf.tmLanguage.json'), 'utf8')) as { patterns: Pattern[] };
const top = grammar.patterns;
const options = top.find((p) => p.begin?.includes('options'))!.patterns!;
const re = (p: Pattern) => new RegExp((p.match ?? p.begin)!);

test('keywords are highlighted only in column 0 with a space or tab after them', () => {
  const nameserver = re(top[1]);
  assert.ok(nameserver.test('nameserver 10.0.0.1'));
  assert.ok(nameserver.test('nameserver\t10.0.0.1'));
  assert.ok(!nameserver.test(' nameserver 10.0.0.1'));
  assert.ok(!nameserver.test('nameserver10.0.0.1'));
  assert.ok(re(top[2]).test('search a.example'));
  assert.ok(!re(top[2]).test('Search a.example'));
});

test('every flag of the option table is highlighted as known; removed ones as deprecated', () => {
  const [value, known, deprecated] = options.map(re);
  assert.ok(value.test('ndots:5'));
  for (const f of FLAG_OPTIONS.filter((x) => !x.deprecated)) assert.ok(new RegExp(`^(?:${known.source})$`).test(f.spelling), f.spelling);
  assert.ok(!new RegExp(`^(?:${known.source})$`).test('rotatex'), 'a prefix-matched word is not shown as known');
  for (const name of ['inet6', ...Object.keys(REMOVED_OPTIONS).filter((n) => !n.startsWith('insecure'))]) assert.ok(new RegExp(`^(?:${deprecated.source})$`).test(name), name);
});
