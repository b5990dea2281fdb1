// A throwing parser or rule is contained: an internal-error finding for what failed, and the
// findings of everything else still come back (the server never publishes zero diagnostics
// because of one bug).

import assert from 'node:assert/strict';
import test from 'node:test';
import type { LanguageService } from '../../../server/src/core/languageService';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { CHECKS } from '../../../server/src/languages/corefile';
import { LANGUAGES } from '../../../server/src/languages';
import { lint, ruleIds } from '../../helpers';

const BAD = '.:53 {\n    forwrd . 1.1.1.1\n}\n';

test('a throwing Corefile check becomes corefile/internal-error; the other rules still report', async () => {
  const quiet = await lint('corefile', BAD);
  assert.deepEqual(ruleIds(quiet), ['corefile/unknown-directive'], 'no internal error without a bug');
  function checkExplodes(): never {
    throw new RangeError('boom');
  }
  CHECKS.push(checkExplodes);
  try {
    const findings = await lint('corefile', BAD);
    assert.deepEqual(ruleIds(findings).sort(), ['corefile/internal-error', 'corefile/unknown-directive']);
    const internal = findings.find((f) => f.ruleId === 'corefile/internal-error')!;
    assert.match(internal.message, /check Explodes \(RangeError: boom\)/);
    assert.equal(internal.severity, 'warning');
  } finally {
    CHECKS.pop();
  }
});

test('a throwing parser gives one internal-error finding and an empty tree, not a rejection', async () => {
  const base = LANGUAGES.resolvconf as LanguageService;
  const broken: LanguageService = {
    ...base,
    parse: (text, ctx) => {
      if (text) throw new Error('parser bug');
      return base.parse(text, ctx);
    },
  };
  const { parsed, findings } = await lintText(broken, 'nameserver 1.1.1.1\n', { uri: 'file:///r', settings: DEFAULT_SETTINGS });
  assert.ok(parsed, 'an (empty) tree for hover and symbols');
  assert.deepEqual(ruleIds(findings), ['resolvconf/internal-error']);
  assert.match(findings[0].message, /resolvconf parser \(Error: parser bug\)/);
});

test('a language whose lint() rejects still gets a finding', async () => {
  const base = LANGUAGES.resolvconf as LanguageService;
  const broken: LanguageService = { ...base, lint: async () => Promise.reject(new TypeError('x is undefined')) };
  const { findings } = await lintText(broken, 'nameserver 1.1.1.1\n', { uri: 'file:///r', settings: DEFAULT_SETTINGS });
  assert.deepEqual(ruleIds(findings), ['resolvconf/internal-error']);
});

test('internal-error can be turned off like any rule', async () => {
  const base = LANGUAGES.zone as LanguageService;
  const broken: LanguageService = { ...base, lint: () => { throw new Error('x'); } };
  const { findings } = await lintText(broken, '', { uri: 'file:///z', settings: { ...DEFAULT_SETTINGS, rules: { 'zone/internal-error': 'off' } } });
  assert.deepEqual(findings, []);
});
