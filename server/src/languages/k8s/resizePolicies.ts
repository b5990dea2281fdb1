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

/** Read once per parse: five rules walk the same lists. */
const cache = new WeakMap<object, ResizePolicyList[]>();

export function resizePolicies(ctx: CheckContext): ResizePolicyList[] {
  const cached = cache.get(ctx.ast);
  if (cached) return cached;
  const out: ResizePolicyList[] = [];
  cache.set(ctx.ast, out);
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
