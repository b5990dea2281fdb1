// The project config file: parsing (nested and dotted keys), unknown keys and rule ids named
// with the closest match, merging, zone origins by glob, and the schema kept current.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import Ajv from 'ajv';
import { globToRegExp, mergeRawSettings, originForPath, parseProjectConfig } from '../../../server/src/core/projectConfig';
import { allRules } from '../../../server/src/core/rules';
import { normalizeSettings } from '../../../server/src/core/settings';
import { repoRoot } from '../../helpers';

const ids = () => allRules().map((r) => r.id);

test('nested and dotted keys give the same settings', () => {
  const nested = parseProjectConfig(JSON.stringify({ coredns: { version: '1.12.0' }, kubernetes: { version: '1.33' }, rules: { 'zone/bad-ipv4': 'off' } }), 'a.json', ids());
  const dotted = parseProjectConfig(JSON.stringify({ 'coredns.version': '1.12.0', 'infraLens.kubernetes.version': '1.33', rules: { 'zone/bad-ipv4': 'off' } }), 'b.json', ids());
  assert.deepEqual(nested.errors, []);
  assert.deepEqual(dotted.errors, []);
  assert.deepEqual(normalizeSettings(nested.settings), normalizeSettings(dotted.settings));
  const s = normalizeSettings(nested.settings);
  assert.equal(s.coredns.version, '1.12.0');
  assert.equal(s.kubernetes.version, '1.33');
  assert.equal(s.rules['zone/bad-ipv4'], 'off');
});

test('unknown keys, unknown rule ids and bad levels are errors naming the closest match', () => {
  const { errors } = parseProjectConfig(JSON.stringify({ 'coredns.verison': '1', rules: { 'zone/bad-ip4': 'off', 'zone/bad-ipv4': 'loud' } }), 'c.json', ids());
  assert.ok(errors.some((e) => e.includes("unknown key 'coredns.verison' (did you mean 'coredns.version'?)")), errors.join('\n'));
  assert.ok(errors.some((e) => e.includes("unknown rule id 'zone/bad-ip4' (did you mean 'zone/bad-ipv4'?)")), errors.join('\n'));
  assert.ok(errors.some((e) => e.includes("rule 'zone/bad-ipv4' must be one of off, error, warning, information, hint")), errors.join('\n'));
  assert.match(parseProjectConfig('[1]', 'd.json', ids()).errors[0], /must hold a JSON object/);
  assert.match(parseProjectConfig('{', 'e.json', ids()).errors[0], /not valid JSON/);
  assert.deepEqual(parseProjectConfig('{"$schema": "x"}', 'f.json', ids()).errors, [], '$schema is allowed');
});

test('user settings merge over the file key by key', () => {
  const file = { rules: { 'zone/bad-ipv4': 'off', 'zone/soa-timers': 'off' }, coredns: { version: '1.12.0' } };
  const user = { rules: { 'zone/bad-ipv4': 'warning' }, kubernetes: { version: '1.31' } };
  assert.deepEqual(mergeRawSettings(file, user), {
    rules: { 'zone/bad-ipv4': 'warning', 'zone/soa-timers': 'off' },
    coredns: { version: '1.12.0' },
    kubernetes: { version: '1.31' },
  });
});

test('zone origins by path glob: first match wins; a glob without a slash matches the name anywhere', () => {
  const origins = { 'zones/*.zone': 'example.com.', 'reverse/**': '2.0.192.in-addr.arpa.', 'db.*': 'legacy.example.' };
  assert.equal(originForPath(origins, 'zones/customer.zone'), 'example.com.');
  assert.equal(originForPath(origins, 'zones/deep/customer.zone'), undefined, '* does not cross folders');
  assert.equal(originForPath(origins, 'reverse/a/b/192.zone'), '2.0.192.in-addr.arpa.');
  assert.equal(originForPath(origins, 'anything/db.legacy'), 'legacy.example.');
  assert.ok(globToRegExp('**/x.zone').test('x.zone') && globToRegExp('**/x.zone').test('a/b/x.zone'));
  assert.ok(!globToRegExp('a.b').test('axb'), 'dots are literal');
});

test('schemas/infra-lens.schema.json is generated from package.json and accepts both spellings', () => {
  const check = spawnSync(process.execPath, ['scripts/gen-config-schema.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'infra-lens.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate({ 'coredns.version': '1.12.0', zone: { origin: 'example.com.' }, rules: { 'zone/bad-ipv4': 'off' } }), JSON.stringify(validate.errors));
  assert.ok(!validate({ 'coredns.verison': '1' }), 'a misspelt key is flagged by the schema too');
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['.infra-lens.json', 'infra-lens.config.json'], url: './schemas/infra-lens.schema.json' }]);
});
