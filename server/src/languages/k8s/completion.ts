// Value completion for the enums the rules check, from the same tables: resizePolicy
// resourceName / restartPolicy, VPA updateMode / mode / controlledValues, dnsPolicy, a pod's
// restartPolicy, a Service's type. Block style (`key: |`), where people type values.

import type { Position } from '../../core/finding';
import type { CompletionEntry } from '../../core/languageService';
import { DNS_POLICIES, POD_RESTART_POLICIES, RESIZE, RESIZE_RESTART_POLICIES, SERVICE_TYPES, VPA_CONTAINER_MODES, VPA_CONTROLLED_VALUES, VPA_UPDATE_MODES } from './facts';
import type { K8sAst, K8sObject } from './model';
import { pathAt } from './nodePath';

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

export function completeK8s(ast: K8sAst, position: Position): CompletionEntry[] {
  const lineStart = ast.index.offsetAt({ line: position.line, character: 0 });
  const cursor = ast.index.offsetAt(position);
  const m = /^(\s*(?:-\s+)?)([A-Za-z]+):[ \t]*([^\s#]*)$/.exec(ast.text.slice(lineStart, cursor));
  if (!m) return [];
  const keyStart = lineStart + m[1].length;
  const obj = ast.objects.find((o) => o.root.range && o.root.range[0] <= keyStart && keyStart <= o.root.range[2]);
  if (!obj) return [];
  const steps = pathAt(obj, keyStart);
  if (steps.at(-1)?.key !== m[2]) return [];
  const typedStart = ast.index.positionAt(cursor - m[3].length);
  const range = { start: typedStart, end: position };
  return choicesFor(obj, steps.map((s) => s.key)).map((c, i) => ({
    label: c.value,
    kind: 'enum' as const,
    detail: c.deprecated ? 'deprecated' : undefined,
    documentation: c.doc,
    insertText: c.value,
    range,
    sortText: `${c.deprecated ? 1 : 0}${String(i).padStart(2, '0')}`,
  }));
}
