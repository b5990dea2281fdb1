// Which keys lead to the node under the cursor: [{key: "spec"}, {key: "containers"},
// {key: 0}, …], each with the node it names, for hovers.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { K8sObject } from './model';

export interface PathStep {
  key: string | number;
  /** The key scalar (for map entries). */
  keyNode?: Node;
  value?: Node;
  /** The cursor is on the key rather than the value. */
  onKey: boolean;
}

const contains = (n: Node | null | undefined, offset: number) => !!n?.range && n.range[0] <= offset && offset <= n.range[1];

export function pathAt(obj: K8sObject, offset: number): PathStep[] {
  const steps: PathStep[] = [];
  let cur: Node | undefined = obj.root;
  // Aliases are not followed: the cursor is in the text where the alias is written.
  for (let depth = 0; cur && depth < 64; depth++) {
    const here: Node = cur;
    cur = undefined;
    if (isMap(here)) {
      for (const pair of here.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (contains(key, offset)) {
          steps.push({ key: isScalar(key) ? String(key.value) : '?', keyNode: key ?? undefined, value: value ?? undefined, onKey: true });
          return steps;
        }
        if (contains(value, offset)) {
          steps.push({ key: isScalar(key) ? String(key.value) : '?', keyNode: key ?? undefined, value: value ?? undefined, onKey: false });
          cur = value ?? undefined;
          break;
        }
      }
    } else if (isSeq(here)) {
      here.items.forEach((item, i) => {
        if (!cur && contains(item as Node, offset)) {
          steps.push({ key: i, value: item as Node, onKey: false });
          cur = item as Node;
        }
      });
    }
  }
  return steps;
}
