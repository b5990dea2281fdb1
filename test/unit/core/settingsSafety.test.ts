// Settings a workspace's .vscode/settings.json can set must not make the extension hang or
// point it somewhere: numbers are bounded (the manifest says the same bounds), and in an
// untrusted workspace paths and root hints come only from the user (manifest) and are
// dropped by the server (which cannot tell where a value came from).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { NUMERIC_BOUNDS, normalizeSettings, RESTRICTED_SETTINGS, restrictForUntrusted } from '../../../server/src/core/settings';
import { repoRoot } from '../../helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { minimum?: number; maximum?: number; type: string }>;

test('hostile numbers from settings.json are clamped: dns.tries 1e9 -> 10, timeout 1e12 -> 60 s', () => {
  const tried = { dns: { tries: 1e9, timeoutMs: 1e12 }, lint: { debounceMs: -5 } };
  const s = normalizeSettings(tried);
  console.log('tried', JSON.stringify(tried), '->', JSON.stringify({ tries: s.dns.tries, timeoutMs: s.dns.timeoutMs, debounceMs: s.debounceMs }));
  assert.equal(s.dns.tries, 10);
  assert.equal(s.dns.timeoutMs, 60_000);
  assert.equal(s.debounceMs, 0);
  assert.equal(normalizeSettings({ dns: { tries: Infinity } }).dns.tries, 3, 'non-finite: the default');
  assert.equal(normalizeSettings({ dns: { tries: 2.6 } }).dns.tries, 3, 'a whole number of tries');
});

test('every numeric setting in the manifest has the bounds the server enforces', () => {
  for (const [key, prop] of Object.entries(properties)) {
    if (prop.type !== 'number') continue;
    const id = key.replace(/^infraLens\./, '').replace(/^lint\./, '') as keyof typeof NUMERIC_BOUNDS;
    const bounds = NUMERIC_BOUNDS[id];
    assert.ok(bounds, `${key} has no server-side bounds`);
    assert.deepEqual([prop.minimum, prop.maximum], [bounds.min, bounds.max], key);
  }
});

test('settings that point at paths or servers are restricted configurations, and dropped when untrusted', () => {
  const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
  for (const key of RESTRICTED_SETTINGS) {
    assert.ok(properties[key], `${key} is a declared setting`);
    assert.ok(restricted.includes(key), `${key} is in restrictedConfigurations`);
  }
  const s = normalizeSettings({ dns: { rootHints: ['203.0.113.1'] }, includePaths: ['/etc'] });
  assert.deepEqual([s.dns.rootHints, s.includePaths], [['203.0.113.1'], ['/etc']]);
  const r = restrictForUntrusted(s);
  assert.deepEqual([r.dns.rootHints, r.includePaths], [[], []]);
});
