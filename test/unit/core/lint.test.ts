// The shared path every language goes through: severities from settings, suppression
// comments, clamped ranges. Exercised with real rules of each language.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../helpers';

const BAD_RESOLV = 'nameserver 10.0.0.1\nserach example.com\n';

test('a rule fires with its default severity', async () => {
  const findings = await lint('resolvconf', BAD_RESOLV);
  assert.deepEqual(ruleIds(findings), ['resolvconf/unknown-keyword']);
  assert.equal(findings[0].severity, 'warning');
});

test('infraLens.rules changes a severity or turns a rule off', async () => {
  const asError = await lint('resolvconf', BAD_RESOLV, { rules: { 'resolvconf/unknown-keyword': 'error' } });
  assert.equal(asError[0].severity, 'error');
  const off = await lint('resolvconf', BAD_RESOLV, { rules: { 'resolvconf/unknown-keyword': 'off' } });
  assert.deepEqual(off, []);
});

test('disable-next-line silences the named rule on the next line only', async () => {
  const text = '# infra-lens-disable-next-line resolvconf/unknown-keyword\nserach a\nserach b\n';
  const findings = await lint('resolvconf', text);
  assert.deepEqual(findings.map((f) => f.range.start.line), [2]);
});

test('disable-next-line with another rule id does not silence this one', async () => {
  const text = '# infra-lens-disable-next-line resolvconf/other-rule\nserach a\n';
  assert.equal((await lint('resolvconf', text)).length, 1);
});

test('disable-next-line without ids silences every rule; zone files use ";"', async () => {
  const zone = '$ORIGIN example.com.\n; infra-lens-disable-next-line\nwww IN A 1.2.3.999\nftp IN A 1.2.3.998\n';
  assert.deepEqual((await lint('zone', zone)).map((f) => f.range.start.line), [3]);
});

test('disable-file silences a rule in the whole file', async () => {
  const text = '.:53 {\n  # infra-lens-disable-file corefile/unknown-directive\n  forwrd . 1.1.1.1\n}\n';
  assert.deepEqual(await lint('corefile', text), []);
});

test('findings come back sorted by position', async () => {
  const findings = await lint('resolvconf', 'serach b\nnameserver 1.1.1.1\ndomian x\n');
  assert.deepEqual(findings.map((f) => f.range.start.line), [0, 2]);
});
