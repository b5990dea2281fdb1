// RULE_IDS is the rule list a one-language CLI bundle checks `--rule` and the project config
// against; it must name exactly the rules the languages register.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULE_IDS } from '../../../server/src/core/ruleIds';
import { allRules } from '../../../server/src/core/rules';
import '../../../server/src/languages';

test('RULE_IDS lists every registered rule id, in the registry order, and nothing else', () => {
  assert.deepEqual([...RULE_IDS], allRules().map((r) => r.id));
});

test('allRules() is sorted by id', () => {
  const ids = allRules().map((r) => r.id);
  assert.ok(ids.length > 100, `only ${ids.length} rules registered`);
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1] < ids[i], `${ids[i - 1]} before ${ids[i]}`);
});
