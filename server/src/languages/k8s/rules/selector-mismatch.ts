// k8s/selector-mismatch: a workload's spec.selector must select its own pod template
// (apps validation: `spec.template.metadata.labels: Invalid value: map[string]string{…}:
// `selector` does not match template `labels``), or the controller would create pods it
// does not own. matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import type { K8sObject } from '../model';

export const selectorMismatch = defineRule({
  id: 'k8s/selector-mismatch',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Workload selector does not match its pod template labels',
});

const KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

function goMap(labels: Map<string, string>): string {
  return `map[string]string{${[...labels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
}

/** Whether the selector selects these labels; undefined when it cannot be read. */
function selects(obj: K8sObject, selector: unknown, labels: Map<string, string>): boolean | undefined {
  if (!isMap(selector)) return undefined;
  const matchLabels = obj.get(selector, 'matchLabels');
  for (const e of isMap(matchLabels) ? obj.entries(matchLabels) : []) {
    const v = obj.str(e.value);
    if (v === undefined || labels.get(String(e.key.value)) !== v) return false;
  }
  for (const { node } of obj.items(obj.get(selector, 'matchExpressions'))) {
    if (!isMap(node)) return undefined;
    const key = obj.str(obj.get(node, 'key'));
    const op = obj.str(obj.get(node, 'operator'));
    const values = obj.items(obj.get(node, 'values')).map((i) => obj.str(i.node));
    if (key === undefined) return undefined;
    const has = labels.has(key);
    const value = labels.get(key);
    if (op === 'In' && !(has && values.includes(value))) return false;
    if (op === 'NotIn' && has && values.includes(value)) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function checkSelectorMismatch(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    if (!KINDS.has(obj.kind) || obj.apiVersion !== 'apps/v1' || !obj.pod) continue;
    const selector = obj.get(obj.map(obj.root, 'spec'), 'selector');
    if (selects(obj, selector, obj.pod.labels) !== false) continue;
    const labelsNode = obj.entry(obj.map(obj.root, 'spec', 'template', 'metadata'), 'labels');
    report(ctx, selectorMismatch, labelsNode?.key ?? selector, `spec.template.metadata.labels: Invalid value: ${goMap(obj.pod.labels)}: \`selector\` does not match template \`labels\``, {
      related: selector?.range ? [{ range: ctx.ast.index.rangeOf(selector.range[0], selector.range[1]), message: 'spec.selector' }] : undefined,
    });
  }
}
