// A container's resources.requests / limits as quantities, and the pod's QoS class as the
// kubelet computes it (requests default to limits when only limits are set).

import { isMap, type Node, type Scalar } from 'yaml';
import type { ContainerView, K8sObject } from './model';
import { parseQuantity, type Quantity } from './quantity';

export interface ResourceValue {
  name: string;
  key: Scalar;
  node: Node;
  text: string;
  quantity: Quantity;
}

export interface ContainerResources {
  requests: Map<string, ResourceValue>;
  limits: Map<string, ResourceValue>;
  /** The resources mapping, for pointing at it when a value is missing. */
  node?: Node;
}

export function readResourceList(obj: K8sObject, map: unknown): Map<string, ResourceValue> {
  const out = new Map<string, ResourceValue>();
  if (!isMap(map)) return out;
  for (const e of obj.entries(map)) {
    const text = obj.str(e.value);
    if (text === undefined || !e.value) continue;
    out.set(String(e.key.value), { name: String(e.key.value), key: e.key, node: e.value, text, quantity: parseQuantity(text) });
  }
  return out;
}

export function resourcesOf(obj: K8sObject, c: ContainerView): ContainerResources {
  const resources = obj.map(c.map, 'resources');
  return { requests: readResourceList(obj, obj.get(resources, 'requests')), limits: readResourceList(obj, obj.get(resources, 'limits')), node: resources };
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const value = (v: ResourceValue | undefined) => (v?.quantity.ok ? v.quantity.value : undefined);

export function qosClass(obj: K8sObject): QosClass | undefined {
  const pod = obj.pod;
  if (!pod) return undefined;
  let anySet = false;
  let guaranteed = true;
  for (const c of pod.containers) {
    if (c.list === 'ephemeralContainers') continue;
    const r = resourcesOf(obj, c);
    if (r.requests.size > 0 || r.limits.size > 0) anySet = true;
    for (const name of ['cpu', 'memory']) {
      const limit = value(r.limits.get(name));
      const request = value(r.requests.get(name)) ?? limit;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  return !anySet ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}

type ContainerResourceList = Array<{ obj: K8sObject; container: ContainerView; resources: ContainerResources }>;
/** Read once per parse: several rules walk the same resources. */
const resourceCache = new WeakMap<K8sObject[], ContainerResourceList>();

/** Every container's resources in the file (ephemeral containers have none). */
export function allContainerResources(objects: K8sObject[]): ContainerResourceList {
  const cached = resourceCache.get(objects);
  if (cached) return cached;
  const out: ContainerResourceList = [];
  resourceCache.set(objects, out);
  for (const obj of objects) {
    for (const container of obj.pod?.containers ?? []) {
      if (container.list !== 'ephemeralContainers') out.push({ obj, container, resources: resourcesOf(obj, container) });
    }
  }
  return out;
}

export const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage', 'storage']);
