// The resizePolicy lists of every container of every pod spec in the file, shared by the
// resize rules.

import { isMap, type Node, type YAMLMap } from 'yaml';
import type { CheckContext } from './check';
import type { ContainerView, Entry, K8sObject } from './model';

export interface ResizePolicyList {
  obj: K8sObject;
  container: ContainerView;
  /** The `resizePolicy` key's entry. */
  entry: Entry;
  items: Array<{ map: YAMLMap; index: number; node: Node }>;
}

export function resizePolicies(ctx: CheckContext): ResizePolicyList[] {
  const out: ResizePolicyList[] = [];
  for (const obj of ctx.ast.objects) {
    for (const container of obj.pod?.containers ?? []) {
      const entry = obj.entry(container.map, 'resizePolicy');
      if (!entry) continue;
      const items = obj.items(entry.value).flatMap(({ node, index }) => (isMap(node) ? [{ map: node, index, node }] : []));
      out.push({ obj, container, entry, items });
    }
  }
  return out;
}
