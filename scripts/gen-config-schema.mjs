#!/usr/bin/env node
// Generates schemas/infra-lens.schema.json, the JSON schema of the project config file
// (.infra-lens.json), from the `infraLens.*` settings in package.json, so the file and the
// settings can never drift apart (test/unit/core/projectConfig.test.ts checks it is current).
//   node scripts/gen-config-schema.mjs [--check]

import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
// Editor-only settings that mean nothing in a repository's file.
const EDITOR_ONLY = new Set(['infraLens.trace.server', 'infraLens.codeLens.enabled', 'infraLens.inlayHints.enabled', 'infraLens.live.enabled', 'infraLens.node.autoRefreshSeconds', 'infraLens.dns.historySize']);
const KEEP = ['type', 'enum', 'enumDescriptions', 'items', 'default', 'minimum', 'maximum', 'additionalProperties', 'propertyNames', 'properties'];

const properties = {};
for (const [key, spec] of Object.entries(props)) {
  if (EDITOR_ONLY.has(key)) continue;
  const out = { description: spec.markdownDescription ?? spec.description };
  for (const k of KEEP) if (spec[k] !== undefined) out[k] = spec[k];
  properties[key.replace(/^infraLens\./, '')] = out;
}
properties['zone.origins'] ??= {
  description: 'Origin of zone files without $ORIGIN, by path glob relative to this file (`**` any folders, `*` within a name; a glob without `/` matches the file name anywhere). First match wins.',
  type: 'object',
  additionalProperties: { type: 'string' },
};
// The nested spelling (`{"coredns": {"version": …}}`) is as valid as the dotted one.
const sections = {};
for (const [key, spec] of Object.entries(properties)) {
  const dot = key.indexOf('.');
  if (dot < 0) continue;
  const section = key.slice(0, dot);
  sections[section] ??= { type: 'object', properties: {}, additionalProperties: false };
  sections[section].properties[key.slice(dot + 1)] = spec;
}
Object.assign(properties, sections);
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/infra-lens/infra-lens/schemas/infra-lens.schema.json',
  title: 'Infra Lens project configuration (.infra-lens.json)',
  description: 'The same keys as the infraLens.* settings, dotted (as here) or nested. Generated from package.json by scripts/gen-config-schema.mjs.',
  type: 'object',
  properties: { $schema: { type: 'string' }, ...properties },
  additionalProperties: false,
};
const text = JSON.stringify(schema, null, 2) + '\n';
const file = 'schemas/infra-lens.schema.json';
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is stale: run node scripts/gen-config-schema.mjs`);
    process.exit(1);
  }
} else writeFileSync(file, text);
