import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/core/rules';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { generatedSettings } from '../../server/src/manifestSettings';
import { repoRoot } from '../helpers';

const props = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.configuration.properties;

test('package.json offers every rule id in infraLens.rules, and only those (run scripts/gen-manifest-settings.mjs)', () => {
  assert.deepEqual(props['infraLens.rules'].propertyNames.enum, allRules().map((r) => r.id));
  assert.deepEqual(props['infraLens.rules'].propertyNames.enum, generatedSettings().rules);
});

test('the version settings list their versions, with the default among them', () => {
  const g = generatedSettings();
  assert.deepEqual(props['infraLens.coredns.version'].enum, g.coredns);
  assert.deepEqual(props['infraLens.kubernetes.version'].enum, g.kubernetes);
  assert.ok(g.coredns.includes(props['infraLens.coredns.version'].default));
  assert.ok(g.kubernetes.includes(props['infraLens.kubernetes.version'].default));
  assert.equal(props['infraLens.coredns.version'].default, DEFAULT_SETTINGS.coredns.version);
});

test('infraLens.trace.server is contributed (the language client reads it)', () => {
  assert.deepEqual(props['infraLens.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('the CoreDNS versions offered include every release a rule tells apart (tls:// host names from 1.14.7) and the plugin table\'s', async () => {
  const { TLS_HOST_NAMES_SINCE } = await import('../../server/src/languages/corefile/rules/forward-tls-host');
  const { PLUGIN_SOURCE } = await import('../../server/src/languages/corefile/pluginTable');
  const offered = generatedSettings().coredns;
  assert.ok(offered.includes(TLS_HOST_NAMES_SINCE), `${TLS_HOST_NAMES_SINCE} missing from ${offered.join(', ')}`);
  assert.ok(offered.includes(/CoreVersion ([\d.]+)/.exec(PLUGIN_SOURCE)![1]), 'the plugin table\'s release is offered');
  assert.equal(offered[0], '1.14.7', 'newest first');
});
