// The zone TextMate grammar: its record-type list is the table's (one fact, two places, held
// together here), and its patterns match what they name. Oniguruma's (?i:…) is turned into
// a case-insensitive JavaScript regex for the check.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { RECORD_TYPES } from '../../../../server/src/languages/zone/recordTypes';
import { repoRoot } from '../../../helpers';

interface Rule {
  match?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
}

const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'zone.tmLanguage.json'), 'utf8')) as { patterns: Rule[] };
const js = (src: string) => new RegExp(src.replace(/\(\?i:/g, '(?:'), 'i');
const rule = (scope: string) => grammar.patterns.find((p) => p.name === scope || p.captures?.['1']?.name === scope)!;

test('the grammar highlights every record type of the table', () => {
  const src = rule('storage.type.rrtype.zone').match!;
  const listed = new Set(/\(\?i:([^)]*)\)/.exec(src)![1].split('|'));
  const missing = RECORD_TYPES.filter((t) => t.bind !== false && !listed.has(t.name)).map((t) => t.name);
  assert.deepEqual(missing, []);
});

test('patterns match what they name', () => {
  assert.match('$ORIGIN example.com.', js(rule('keyword.control.directive.zone').match!));
  assert.match('www IN https 1 .', js(rule('storage.type.rrtype.zone').match!));
  assert.doesNotMatch('www IN httpsx 1 .', js(rule('storage.type.rrtype.zone').match!));
  assert.match('www A 192.0.2.1', js(rule('constant.numeric.ipv4.zone').match!));
  assert.match('@ MX 10 mail.example.com.', js(rule('entity.name.domain.absolute.zone').match!));
  assert.match('t TXT \\# 2 0000', js(rule('keyword.operator.generic-rdata.zone').match!));
});
