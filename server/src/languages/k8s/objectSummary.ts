// What the cross-document rules read of an object in another file, without its yaml nodes.
// The workspace index keeps one per object of every file and the parses of only some files,
// so a repository of 10,000 files is held as strings and small maps, not as 40,000 ASTs.

import { patchPaths } from './kustomize';
import type { K8sObject } from './model';
import { isHeadless } from './service';

export interface ObjectSummary {
  kind: string;
  apiVersion: string;
  name?: string;
  /** "Kind/name", the index's lookup key. */
  nameKey?: string;
  namespace?: string;
  /** Position of the object among its file's objects (a parse of the same text gives it back). */
  index: number;
  /** For objects with a pod template (or Pods). */
  pod?: {
    labels: Map<string, string>;
    /** The labels as "key=value", the label lookup's keys. */
    labelKeys: string[];
    /** Names of the containers and init containers (not ephemeral ones): what a VPA's containerPolicies may name. */
    containers: string[];
  };
  /** Services: clusterIP (or the first of clusterIPs) is None. */
  headless: boolean;
  /** Kustomizations: the patch files they list. */
  patchPaths?: string[];
}

const summaries = new WeakMap<K8sObject, ObjectSummary>();

/** The summary of an object (made once per object: objects live across reparses of their document). */
export function summaryOf(obj: K8sObject, index: number): ObjectSummary {
  const known = summaries.get(obj);
  if (known && known.index === index) return known;
  const pod = obj.pod;
  const summary: ObjectSummary = {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    name: obj.name,
    nameKey: obj.nameKey,
    namespace: obj.namespace,
    index,
    pod: pod && {
      labels: pod.labels,
      labelKeys: pod.labelKeys,
      containers: pod.containers.filter((c) => c.list !== 'ephemeralContainers' && c.name).map((c) => c.name!),
    },
    headless: obj.kind === 'Service' && isHeadless(obj),
    patchPaths: obj.kind === 'Kustomization' ? patchPaths(obj) : undefined,
  };
  summaries.set(obj, summary);
  return summary;
}
