#!/usr/bin/env node
// Writes server/src/languages/k8s/schemaTable.ts: the Kubernetes OpenAPI v3 schemas of every
// built-in kind, for each supported release, in one compact table (definitions shared across
// releases when identical, descriptions in one string pool). Rules, hover and completion all
// read it. Source: kubernetes-sigs/kubectl-validate's pkg/openapiclient/builtins/<release>/,
// which holds each release's api/openapi-spec/v3 as kubernetes/kubernetes publishes it at
// that release's tag (a checkout of kubernetes/kubernetes is too large to fetch here).
//   node scripts/gen-k8s-schemas.mjs --git DIR [--commit SHA]
// DIR is a git directory of kubectl-validate (e.g. /work/.mirror/kubernetes-sigs+kubectl-validate/repo).

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const gitDir = opt('--git', process.env.KUBECTL_VALIDATE_GIT);
if (!gitDir) throw new Error('--git DIR (a kubectl-validate git directory) is required');
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
const commit = opt('--commit', git('rev-parse', 'HEAD').trim());
const RELEASES = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
const BASE = 'pkg/openapiclient/builtins';
const out = 'server/src/languages/k8s/schemaTable.ts';

/** Types the API decodes specially: named by what a value must look like. */
const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'ios',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'q',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': 'any',
};

const shortName = (full) => full.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '').replace(/^io\.k8s\.apimachinery\.pkg\./, '').replace(/^io\.k8s\.(kube-aggregator|apiextensions-apiserver)\.pkg\.apis\./, '');

const strings = [];
const stringIds = new Map();
function str(s) {
  if (!s) return -1;
  let id = stringIds.get(s);
  if (id === undefined) {
    id = strings.length;
    strings.push(s);
    stringIds.set(s, id);
  }
  return id;
}

/** One schema node -> [type, descriptionId, extras?]. */
function typeOf(schema) {
  if (!schema) return 'any';
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  if (ref) {
    const name = ref.replace('#/components/schemas/', '');
    return SPECIAL[name] ?? `#${shortName(name)}`;
  }
  if (schema['x-kubernetes-int-or-string']) return 'ios';
  if (schema['x-kubernetes-preserve-unknown-fields']) return 'any';
  switch (schema.type) {
    case 'string':
      return schema.format === 'byte' ? 'bytes' : schema.format === 'date-time' ? 'time' : 's';
    case 'integer':
      return schema.format === 'int32' ? 'i32' : 'i64';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'array':
      return `a${typeOf(schema.items)}`;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return `m${typeOf(schema.additionalProperties)}`;
      return 'any';
    default:
      return 'any';
  }
}

function extrasOf(schema) {
  const x = {};
  const item = schema.type === 'array' ? schema.items : schema;
  if (item?.enum) x.e = item.enum.filter((v) => v !== '' && v !== null);
  if (schema['x-kubernetes-list-type'] === 'map') x.k = schema['x-kubernetes-list-map-keys'] ?? [];
  if (schema['x-kubernetes-list-type'] === 'set') x.set = 1;
  if (typeof schema.minimum === 'number') x.min = schema.minimum;
  if (typeof schema.maximum === 'number') x.max = schema.maximum;
  return Object.keys(x).length ? x : undefined;
}

/** Descriptions are shortened to their first paragraph (hover shows them; the rest is on the website). */
function describe(d) {
  if (!d) return -1;
  const first = d.split('\n\n')[0].trim();
  return str(first.length > 600 ? `${first.slice(0, 597)}…` : first);
}

function bodyOf(schema) {
  const type = schema.properties ? 'o' : typeOf(schema);
  const body = { t: type, d: describe(schema.description) };
  if (schema.properties) {
    body.p = {};
    for (const [name, prop] of Object.entries(schema.properties).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const entry = [typeOf(prop), describe(prop.description ?? prop.allOf?.[0]?.description)];
      const x = extrasOf(prop);
      if (x) entry.push(x);
      body.p[name] = entry;
    }
    if (schema.required?.length) body.r = [...schema.required].sort();
  }
  return body;
}

const bodies = [];
const bodyIds = new Map();
function bodyId(body) {
  const key = JSON.stringify(body);
  let id = bodyIds.get(key);
  if (id === undefined) {
    id = bodies.length;
    bodies.push(body);
    bodyIds.set(key, id);
  }
  return id;
}

const releases = {};
for (const release of RELEASES) {
  const files = git('ls-tree', '-r', '--name-only', commit, `${BASE}/${release}/`).split('\n').filter((f) => f.endsWith('.json'));
  const defs = {};
  const kinds = {};
  for (const file of files) {
    const spec = JSON.parse(git('show', `${commit}:${file}`));
    const groupVersion = file.slice(`${BASE}/${release}/`.length).replace(/^api\//, '').replace(/^apis\//, '').replace(/\.json$/, '');
    for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
      if (SPECIAL[name]) continue;
      const short = shortName(name);
      if (!(short in defs)) defs[short] = bodyId(bodyOf(schema));
      for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        // Only the kinds served at this file's group/version (every file repeats meta types).
        if (apiVersion !== groupVersion) continue;
        if (short.startsWith('meta.') || gvk.kind.endsWith('Options') || gvk.kind === 'Status' || gvk.kind === 'WatchEvent' || gvk.kind === 'DeleteOptions') continue;
        kinds[`${apiVersion}/${gvk.kind}`] = short;
      }
    }
  }
  releases[release] = { defs, kinds };
  process.stderr.write(`${release}: ${files.length} files, ${Object.keys(defs).length} definitions, ${Object.keys(kinds).length} kinds\n`);
}

const table = { strings, bodies, releases };
const json = JSON.stringify(table);
const header = `// GENERATED by scripts/gen-k8s-schemas.mjs; do not edit by hand.
// Source: github.com/kubernetes-sigs/kubectl-validate @ ${commit} (${BASE}/<release>/: each
// release's kubernetes/kubernetes api/openapi-spec/v3), releases ${RELEASES.join(', ')}.
// The one table of Kubernetes schema knowledge: schema validation, hover and completion read it
// (through schema.ts). Kept as a JSON string: parsing it once is faster than a literal.

export const SCHEMA_SOURCE = ${JSON.stringify({ repository: 'kubernetes-sigs/kubectl-validate', commit, releases: RELEASES })};

export const SCHEMA_JSON = ${JSON.stringify(json)};
`;
writeFileSync(out, header);
process.stderr.write(`${out}: ${(header.length / 1024).toFixed(0)} KiB, ${bodies.length} definition bodies, ${strings.length} descriptions\n`);
