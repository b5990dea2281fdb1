// Kubernetes documents over the `yaml` package's AST: every document of a multi-document
// file, recognised by apiVersion + kind, with exact offsets for every node. The Kubernetes
// issue grows this into typed views (containers, services, VPAs).

import { type Document, isMap, isScalar, isSeq, type Node, type Pair, parseAllDocuments, type YAMLMap } from 'yaml';

export interface K8sObject {
  doc: Document.Parsed;
  apiVersion: string;
  kind: string;
  root: YAMLMap;
}

export interface K8sAst {
  text: string;
  objects: K8sObject[];
  /** YAML syntax errors, as offsets. */
  errors: Array<{ start: number; end: number; message: string }>;
}

export function parseK8s(text: string): K8sAst {
  const ast: K8sAst = { text, objects: [], errors: [] };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { prettyErrors: false }) as Document.Parsed[];
  } catch (e) {
    ast.errors.push({ start: 0, end: 0, message: `YAML could not be parsed: ${(e as Error).message}` });
    return ast;
  }
  if (!Array.isArray(docs)) return ast; // an EmptyStream
  for (const doc of docs) {
    for (const err of doc.errors) ast.errors.push({ start: err.pos[0], end: err.pos[1], message: err.message });
    const root = doc.contents;
    if (!isMap(root)) continue;
    const apiVersion = scalarString(root.get('apiVersion', true));
    const kind = scalarString(root.get('kind', true));
    if (apiVersion && kind) ast.objects.push({ doc, apiVersion, kind, root });
  }
  return ast;
}

export function scalarString(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

export function mapAt(node: unknown, ...path: string[]): YAMLMap | undefined {
  let cur: unknown = node;
  for (const key of path) {
    if (!isMap(cur)) return undefined;
    cur = cur.get(key, true);
  }
  return isMap(cur) ? cur : undefined;
}

export function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((i) => i !== null) as Node[]) : [];
}

export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
}

/** [start, end) offsets of a node's value. */
export function nodeOffsets(node: Node | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec of a Pod, or of a workload's pod template. */
export function podSpecOf(obj: K8sObject): YAMLMap | undefined {
  const path = POD_TEMPLATE_PATHS[obj.kind];
  return path ? mapAt(obj.root, ...path) : undefined;
}

export interface ContainerView {
  map: YAMLMap;
  /** containers | initContainers | ephemeralContainers */
  list: string;
}

export function containersOf(podSpec: YAMLMap): ContainerView[] {
  const out: ContainerView[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const item of seqItems(podSpec.get(list, true))) if (isMap(item)) out.push({ map: item, list });
  }
  return out;
}
