// Value completion for the enums the rules check, from the same tables: resizePolicy
// resourceName / restartPolicy, VPA updateMode / mode / controlledValues, dnsPolicy, a pod's
// restartPolicy, a Service's type. Block style (`key: |`), where people type values.

import type { Position } from '../../core/finding';
import type { AnalysisContext, CompletionEntry } from '../../core/languageService';
import { DNS_POLICIES, POD_RESTART_POLICIES, RESIZE, RESIZE_RESTART_POLICIES, SERVICE_TYPES, VPA_CONTAINER_MODES, VPA_CONTROLLED_VALUES, VPA_UPDATE_MODES } from './facts';
import type { K8sAst, K8sObject } from './model';
import { pathAt } from './nodePath';
import { schemasFor } from './schema';
import { enumOf, fieldCompletions, resolvePath } from './schemaAssist';
import { parseVersion } from './version';

interface Choice {
  value: string;
  doc?: string;
  deprecated?: boolean;
}

const plain = (values: readonly string[]): Choice[] => values.map((value) => ({ value }));

function choicesFor(obj: K8sObject, keys: Array<string | number>): Choice[] {
  const key = keys.at(-1);
  const parent = keys.filter((k) => typeof k === 'string').at(-2);
  if (keys.includes('resizePolicy')) {
    if (key === 'restartPolicy') return RESIZE.restartPolicies.map((value) => ({ value, doc: RESIZE_RESTART_POLICIES[value] }));
    if (key === 'resourceName') return plain(RESIZE.resourceNames);
  }
  if (obj.kind === 'VerticalPodAutoscaler') {
    if (key === 'updateMode') return Object.entries(VPA_UPDATE_MODES).map(([value, m]) => ({ value, doc: m.doc, deprecated: !!m.deprecated }));
    if (key === 'controlledValues') return plain(VPA_CONTROLLED_VALUES);
    if (key === 'mode' && keys.includes('containerPolicies')) return plain(VPA_CONTAINER_MODES);
  }
  if (key === 'dnsPolicy') return Object.entries(DNS_POLICIES).map(([value, doc]) => ({ value, doc }));
  if (key === 'restartPolicy' && parent === 'spec' && obj.pod) return plain(POD_RESTART_POLICIES);
  if (key === 'type' && obj.kind === 'Service' && keys.length === 2) return plain(SERVICE_TYPES);
  return [];
}

export function completeK8s(ast: K8sAst, position: Position, ctx?: AnalysisContext): CompletionEntry[] {
  const lineStart = ast.index.offsetAt({ line: position.line, character: 0 });
  const cursor = ast.index.offsetAt(position);
  const typed = ast.text.slice(lineStart, cursor);
  const schemas = schemasFor(parseVersion(ctx?.settings.kubernetes.version ?? '1.35'));
  const keyTyped = /^(\s*(?:-\s+)?)([A-Za-z]*)$/.exec(typed);
  if (keyTyped) return keyCompletions(ast, position.line, keyTyped[1].length, keyTyped[2], schemas);
  const m = /^(\s*(?:-\s+)?)([A-Za-z]+):[ \t]*([^\s#]*)$/.exec(typed);
  if (!m) return [];
  const keyStart = lineStart + m[1].length;
  const obj = ast.objects.find((o) => o.root.range && o.root.range[0] <= keyStart && keyStart <= o.root.range[2]);
  if (!obj) return [];
  const steps = pathAt(obj, keyStart);
  if (steps.at(-1)?.key !== m[2]) return [];
  const typedStart = ast.index.positionAt(cursor - m[3].length);
  const range = { start: typedStart, end: position };
  const keys = steps.map((s) => s.key);
  let choices = choicesFor(obj, keys);
  if (choices.length === 0) {
    const r = resolvePath(schemas, obj.apiVersion, obj.kind, keys);
    const values = r ? (enumOf(r) ?? (r.type === 'b' ? ['true', 'false'] : undefined)) : undefined;
    choices = plain(values ?? []);
  }
  return choices.map((c, i) => ({
    label: c.value,
    kind: 'enum' as const,
    detail: c.deprecated ? 'deprecated' : undefined,
    documentation: c.doc,
    insertText: c.value,
    range,
    sortText: `${c.deprecated ? 1 : 0}${String(i).padStart(2, '0')}`,
  }));
}

interface KeyLine {
  line: number;
  /** Column of the key (after any "- "). */
  col: number;
  /** Column of the "-" when the line starts a list item. */
  dash?: number;
  key?: string;
}

function keyLine(text: string, line: number): KeyLine | undefined {
  const m = /^(\s*)(-\s+)?(?:("?)([A-Za-z0-9_.\/-]+)\3\s*:)?/.exec(text);
  if (!m || (!m[2] && !m[4]) || /^\s*(#|$)/.test(text)) return undefined;
  return { line, col: m[1].length + (m[2]?.length ?? 0), dash: m[2] ? m[1].length : undefined, key: m[4] };
}

/**
 * Field names for the key being typed at `col` on `line`: the parent path comes from the
 * indentation of the lines above (the half-typed line may not parse yet), the apiVersion and
 * kind from the document's top-level keys.
 */
function keyCompletions(ast: K8sAst, line: number, col: number, prefix: string, schemas: ReturnType<typeof schemasFor>): CompletionEntry[] {
  const lines = ast.text.split(/\r?\n|\r/);
  const path: Array<string | number> = [];
  const present = new Set<string>();
  const here = keyLine(lines[line] ?? '', line);
  // `want`: the column of the map's keys we are in; `listAt`: the dash column when that map is a list item.
  let want = col;
  let listAt: number | undefined;
  let firstMap = true;
  if (here?.dash !== undefined) {
    path.unshift(0);
    listAt = here.dash;
    want = here.dash;
    firstMap = false;
  }
  let docStart = 0;
  for (let l = line - 1; l >= 0; l--) {
    if (/^(---|\.\.\.)(\s|$)/.test(lines[l])) {
      docStart = l + 1;
      break;
    }
    const k = keyLine(lines[l], l);
    if (!k) continue;
    if (listAt !== undefined) {
      // Looking for the key that holds the list: at the dash column (compact) or left of it.
      if (k.dash !== undefined && k.dash === listAt) continue; // another item of the same list
      if (k.dash === undefined && k.col <= listAt && k.key) {
        path.unshift(k.key);
        want = k.col;
        listAt = undefined;
        if (want === 0) break;
      } else if (k.dash !== undefined && k.col < listAt && k.key) {
        path.unshift(k.key);
        path.unshift(0);
        listAt = k.dash;
        want = k.dash;
      }
      continue;
    }
    if (k.col === want) {
      if (firstMap && k.key) present.add(k.key);
      if (k.dash !== undefined) {
        path.unshift(0);
        listAt = k.dash;
        want = k.dash;
        firstMap = false;
      }
      continue;
    }
    if (k.col < want && k.key) {
      firstMap = false;
      path.unshift(k.key);
      if (k.dash !== undefined) {
        path.unshift(0);
        listAt = k.dash;
        want = k.dash;
      } else {
        want = k.col;
        if (want === 0) break;
      }
    }
  }
  let docEnd = lines.length;
  for (let l = line + 1; l < lines.length; l++) if (/^---(\s|$)/.test(lines[l])) { docEnd = l; break; }
  const doc = lines.slice(docStart, docEnd);
  const apiVersion = doc.map((t) => /^apiVersion\s*:\s*["']?([^\s"'#,}]+)/.exec(t)?.[1]).find(Boolean);
  const kind = doc.map((t) => /^kind\s*:\s*["']?([^\s"'#,}]+)/.exec(t)?.[1]).find(Boolean);
  if (!apiVersion || !kind) return [];
  const range = { start: { line, character: col }, end: { line, character: col + prefix.length } };
  return fieldCompletions(schemas, apiVersion, kind, path, present)
    .filter((e) => e.label.startsWith(prefix))
    .map((e) => ({ ...e, range }));
}
