// Severity that matches consequence: every rule page answers "would the system reject it
// (error), silently do something other than written (warning), or is it advice
// (information)?", and no rule hides as a hint (grey dots, not in Problems, skipped by F8)
// unless its page says why.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules, ruleDocPath } from '../../../server/src/core/rules';
import '../../../server/src/languages';
import { repoRoot } from '../../helpers';

const page = (id: string) => fs.readFileSync(path.join(repoRoot, ruleDocPath(id)), 'utf8');

test("each rule page's Severity line names the rule's default severity", () => {
  const wrong = allRules().filter((r) => !new RegExp(`^\\*\\*(?:Default s|S)everity:\\*\\* ${r.defaultSeverity}\\b`, 'm').test(page(r.id)));
  assert.deepEqual(wrong.map((r) => `${r.id}: ${r.defaultSeverity}`), []);
});

test('each rule page says why it has its severity', () => {
  const missing = allRules().filter((r) => {
    const text = page(r.id);
    const why = /^\*\*Why this severity:\*\* (.{20,})$/m.exec(text) ?? (r.defaultSeverity === 'hint' ? /^\*\*Why a hint:\*\* (.{20,})$/m.exec(text) : null);
    return !why;
  });
  assert.deepEqual(missing.map((r) => r.id), []);
});

test('no rule defaults to hint unless its page says why', () => {
  const unexplained = allRules().filter((r) => r.defaultSeverity === 'hint' && !/^\*\*Why a hint:\*\* .{20,}$/m.test(page(r.id)));
  assert.deepEqual(unexplained.map((r) => r.id), []);
});
