// Service views: headless or not, selector, and the DNS names its pods get.

import type { K8sObject } from './model';

export function isService(obj: K8sObject): boolean {
  return obj.kind === 'Service' && obj.apiVersion === 'v1';
}

/** clusterIP: None (or clusterIPs: [None]). */
export function isHeadless(obj: K8sObject): boolean {
  const spec = obj.map(obj.root, 'spec');
  if (obj.str(obj.get(spec, 'clusterIP')) === 'None') return true;
  const first = obj.items(obj.get(spec, 'clusterIPs'))[0];
  return first !== undefined && obj.str(first.node) === 'None';
}

export function selectorOf(obj: K8sObject): Map<string, string> | undefined {
  const map = obj.map(obj.root, 'spec', 'selector');
  if (!map) return undefined;
  const out = new Map<string, string>();
  for (const e of obj.entries(map)) {
    const v = obj.str(e.value);
    if (v !== undefined) out.set(String(e.key.value), v);
  }
  return out;
}
