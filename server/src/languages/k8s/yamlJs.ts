// A YAML node as the plain JSON the API server would receive, with aliases resolved through
// the object's one-walk anchor map and a bound on size (a CRD is large, an alias bomb larger).

import { isMap, isScalar, isSeq } from 'yaml';
import type { K8sObject } from './model';

const MAX_NODES = 200_000;

export function toJS(obj: K8sObject, node: unknown): unknown {
  let budget = MAX_NODES;
  const walk = (raw: unknown, depth: number): unknown => {
    const n = obj.deref(raw);
    if (!n || --budget < 0 || depth > 64) return undefined;
    if (isScalar(n)) return n.value;
    if (isSeq(n)) return n.items.map((i) => walk(i, depth + 1));
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      for (const e of obj.entries(n)) out[String(e.key.value)] = walk(e.pair.value, depth + 1);
      return out;
    }
    return undefined;
  };
  return walk(node, 0);
}
