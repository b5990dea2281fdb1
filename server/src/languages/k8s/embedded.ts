// Which ConfigMap (and Secret stringData) values are another language, as regions for
// core/embedded.ts: the Corefile of the `coredns` ConfigMap (and the coredns-custom keys,
// NodeLocal DNSCache's Corefile), zone files beside it, resolv.conf. A region is only
// reported when our decoding of the scalar equals the YAML parser's value, so every mapped
// position is exact. The checks here are about the embedding itself (a folded scalar) and
// about what the pod will read (a `file` line naming a key no volume mounts).

import { isScalar, type Scalar } from 'yaml';
import type { EmbeddedRegion, EmbeddingHost, ParsedRegion } from '../../core/embedded';
import { replaceInRegion } from '../../core/embeddedMap';
import { decodeScalar, encodeForScalar, type ScalarStyle } from '../../core/embeddedScalar';
import type { Finding } from '../../core/finding';
import type { AnalysisContext } from '../../core/languageService';
import { defineRule, type LanguageId } from '../../core/rules';
import type { K8sAst, K8sObject } from './model';
import { checkMountedKeys, type ConfigMapMounts, mountsOf } from './embeddedMounts';

export const embeddedFolded = defineRule({
  id: 'k8s/embedded-folded',
  language: 'k8s',
  defaultSeverity: 'warning',
  title: "A config in a folded scalar ('>') is read with its lines joined",
});

export const embeddedMissingKey = defineRule({
  id: 'k8s/embedded-missing-key',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'A volume or a Corefile names a ConfigMap key that is not there',
});

const STYLES: Record<string, ScalarStyle> = { BLOCK_LITERAL: 'literal', BLOCK_FOLDED: 'folded', QUOTE_DOUBLE: 'double', QUOTE_SINGLE: 'single', PLAIN: 'plain' };

/** The first line that is not blank or a comment starts like a zone file: $ORIGIN, $TTL or an SOA record. */
function startsLikeZone(text: string): boolean {
  let start = 0;
  for (let n = 0; n < 100 && start < text.length; n++) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl).trim();
    start = nl < 0 ? text.length : nl + 1;
    if (line === '' || line.startsWith(';')) continue;
    return /^\$(ORIGIN|TTL)\s/i.test(line) || /^\S+(?:\s+(?:\d+[smhdw]?|IN|CH|HS))*\s+SOA(?:\s|$)/i.test(line);
  }
  return false;
}

/** The language a ConfigMap key's value is written in, from the key (and the text for zones). */
export function languageOfKey(key: string, text: string): LanguageId | undefined {
  if (key === 'Corefile' || key.startsWith('Corefile.') || key.endsWith('.server') || key.endsWith('.override')) return 'corefile';
  if (key === 'resolv.conf' || key.endsWith('.resolv.conf')) return 'resolvconf';
  if (key.endsWith('.zone') || (key.startsWith('db.') && key.length > 3) || startsLikeZone(text)) return 'zone';
  return undefined;
}

/** A region with what the k8s checks need to know about where it came from. */
export interface K8sRegion extends EmbeddedRegion {
  obj: K8sObject;
  key: string;
  keyNode: Scalar;
  style: ScalarStyle;
  header?: [number, number];
  foldedBreaks?: Array<[number, number]>;
}

const DEFAULT_DIR = '/etc/coredns';

/**
 * NodeLocal DNSCache's Corefile template (kubernetes cluster/addons/dns/nodelocaldns): the
 * installer replaces the first three placeholders, node-cache the last two at start-up. The
 * region reads a sample value in their place, so the rest of the Corefile is checked as the
 * node-cache will run it; a finding on a placeholder points at the placeholder.
 */
const NODELOCALDNS_PLACEHOLDERS: Record<string, string> = {
  __PILLAR__DNS__DOMAIN__: 'cluster.local',
  __PILLAR__LOCAL__DNS__: '169.254.20.10',
  __PILLAR__DNS__SERVER__: '10.96.0.10',
  __PILLAR__CLUSTER__DNS__: '10.96.0.11',
  __PILLAR__UPSTREAM__SERVERS__: '/etc/resolv.conf',
};

function regionsOf(ast: K8sAst, ctx: AnalysisContext): K8sRegion[] {
  const out: K8sRegion[] = [];
  for (const obj of ast.objects) {
    const field = obj.kind === 'ConfigMap' ? 'data' : obj.kind === 'Secret' ? 'stringData' : undefined;
    if (!field || obj.apiVersion !== 'v1') continue;
    const entries = obj.entries(obj.map(obj.root, field));
    // Most ConfigMaps hold no config of ours: look for the mounting workload only when one does.
    if (!entries.some((e) => isScalar(e.value) && typeof e.value.value === 'string' && languageOfKey(String(e.key.value), e.value.value))) continue;
    const mounts = mountsOf(obj, ast, ctx);
    // Every string value of the ConfigMap, by the path the pod reads it at.
    const files = new Map<string, string>();
    // Without a workload in view, where kubeadm, kops, k3s and the Helm chart mount it.
    const mountedAt = (key: string) => (mounts.known ? mounts.pathOf(key) : `${DEFAULT_DIR}/${key}`);
    const pathOf = (key: string) => mountedAt(key) ?? `${DEFAULT_DIR}/${key}`;
    for (const e of entries) {
      const v = obj.str(e.value);
      const at = mountedAt(String(e.key.value));
      if (v !== undefined && at) files.set(at, v);
    }
    for (const s of mounts.siblings) for (const [p, text] of s.files ?? []) files.set(p, text);
    const listDir = directoryLister(files, mounts.known ? mounts.siblings : [], mounts.known ? undefined : DEFAULT_DIR);
    for (const e of entries) {
      const value = e.value;
      if (!isScalar(value) || typeof value.value !== 'string' || !value.range || !e.key.range) continue;
      const key = String(e.key.value);
      const languageId = languageOfKey(key, value.value);
      const style = STYLES[value.type ?? ''];
      if (!languageId || !style) continue;
      const parentIndent = ast.index.positionAt(e.key.range[0]).character;
      const decoded = decodeScalar(ast.text, style, value.range[0], value.range[1], parentIndent);
      // Our reading must be the parser's, or positions could be off: then no region at all.
      if (!decoded || decoded.text !== value.value) continue;
      const contentIndent = decoded.contentIndent ?? 0;
      let { text, map } = decoded;
      if (languageId === 'corefile' && text.includes('__PILLAR__')) {
        const replacements = [...text.matchAll(/__PILLAR__[A-Z_]+?__(?![A-Z])/g)].flatMap((m) => (NODELOCALDNS_PLACEHOLDERS[m[0]] ? [{ start: m.index!, end: m.index! + m[0].length, value: NODELOCALDNS_PLACEHOLDERS[m[0]] }] : []));
        ({ text, map } = replaceInRegion(text, map, replacements));
      }
      // coredns-custom's *.override files are directives imported inside the main server
      // block: read them inside one, so a directive is not taken for a server key.
      if (languageId === 'corefile' && key.endsWith('.override')) {
        ({ text, map } = replaceInRegion(text, map, [{ start: 0, end: 0, value: '.:53 {\n' }, { start: text.length, end: text.length, value: text.endsWith('\n') ? '}\n' : '\n}\n' }]));
      }
      out.push({
        languageId,
        text,
        map,
        encode: (newText) => encodeForScalar(style, newText, contentIndent),
        contentIndent: decoded.contentIndent,
        path: pathOf(key),
        origin: languageId === 'zone' ? originFromKey(key) : undefined,
        files,
        listDir,
        file: text === decoded.text ? undefined : { text: decoded.text, map: decoded.map },
        obj,
        key,
        keyNode: e.key,
        style,
        header: decoded.header,
        foldedBreaks: decoded.foldedBreaks,
      });
    }
  }
  return out;
}

/**
 * What an import glob sees in the pod: the names in a directory a ConfigMap volume fills (its
 * own, or another the workload mounts and that is in view); undefined for any other directory
 * or a volume whose ConfigMap is not in view (an optional coredns-custom), which may hold
 * anything.
 */
function directoryLister(files: ReadonlyMap<string, string>, siblings: ConfigMapMounts['siblings'], defaultDir: string | undefined): (dir: string) => string[] | undefined {
  const unknown = new Set(siblings.filter((s) => !s.files).map((s) => s.dir));
  const known = new Set([...files.keys()].map((p) => p.slice(0, Math.max(1, p.lastIndexOf('/')))));
  for (const s of siblings) if (s.files) known.add(s.dir);
  if (defaultDir) known.add(defaultDir);
  return (dir) => {
    const d = dir.replace(/\/+$/, '') || '/';
    if (unknown.has(d) || !known.has(d)) return undefined;
    return [...files.keys()].filter((p) => p.slice(0, Math.max(1, p.lastIndexOf('/'))) === d).map((p) => p.slice(p.lastIndexOf('/') + 1));
  };
}

/** `db.example.org` and `example.org.zone` name their zone; anything else is its own name. */
function originFromKey(key: string): string {
  const name = key.startsWith('db.') ? key.slice(3) : key.endsWith('.zone') ? key.slice(0, -5) : key;
  return name.endsWith('.') ? name : `${name}.`;
}

function checkFolded(ast: K8sAst, region: K8sRegion): Finding[] {
  if (region.style !== 'folded' || !region.foldedBreaks?.length || !region.header) return [];
  const [start, end] = region.header;
  const [b] = region.foldedBreaks;
  const line = ast.index.positionAt(b[0]).line;
  const what = { corefile: 'CoreDNS reads', zone: 'the zone file reads', resolvconf: 'the resolver reads', k8s: '' }[region.languageId];
  return [{
    ruleId: embeddedFolded.id,
    range: ast.index.rangeOf(start, end),
    message: `'>' folds ${region.foldedBreaks.length} line break${region.foldedBreaks.length > 1 ? 's' : ''} of '${region.key}' into spaces (the first after line ${line + 1}): ${what} those lines as one. Use '|' to keep the lines.`,
    fixes: [{ title: "Use a literal block scalar ('|')", edits: [{ range: ast.index.rangeOf(start, start + 1), newText: '|' }], preferred: true }],
  }];
}

/** A Corefile's `file` line naming a path the ConfigMap's volume does not provide. */
function checkZoneFiles(ast: K8sAst, regions: ParsedRegion[]): Finding[] {
  const out: Finding[] = [];
  for (const r of regions) {
    const region = r.region as K8sRegion;
    if (region.languageId !== 'corefile' || !region.files || !region.path) continue;
    const dir = region.path.slice(0, region.path.lastIndexOf('/')) || '/';
    for (const ref of r.references) {
      if (ref.kind !== 'zone' || region.files.has(ref.path)) continue;
      // Only paths inside the ConfigMap's own directory are ours to judge; others come from elsewhere.
      if (!ref.path.startsWith(`${dir}/`)) continue;
      const key = ref.path.slice(dir.length + 1);
      const start = region.map.toHost(r.index.offsetAt(ref.range.start));
      const end = region.map.toHost(r.index.offsetAt(ref.range.end));
      out.push({
        ruleId: embeddedMissingKey.id,
        range: ast.index.rangeOf(start, end),
        message: `'file ${ref.path}': ConfigMap ${region.obj.name ?? ''} has no key '${key}' mounted at ${dir}, so CoreDNS finds no zone file there and serves SERVFAIL for ${ref.zones?.join(' ') || 'the zone'}`,
      });
    }
  }
  return out;
}

export const k8sEmbedding: EmbeddingHost<K8sAst> = {
  regions: (ast, _text, ctx) => (ast.template ? [] : regionsOf(ast, ctx)),
  checkRegions(ast, regions, ctx) {
    if (ast.template) return [];
    return [...regions.flatMap((r) => checkFolded(ast, r.region as K8sRegion)), ...checkZoneFiles(ast, regions), ...checkMountedKeys(ast, ctx, embeddedMissingKey)];
  },
  rules: [embeddedFolded, embeddedMissingKey],
  lineIndex: (ast) => ast.index,
};
