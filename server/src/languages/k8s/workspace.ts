// The manifests a cross-document rule can see: this file's objects first, then those of the
// other files the front end knows (open documents in the editor, the files of a CLI run).
// Other files' parses are cached by their text, so typing in one file does not re-parse
// the rest.

import type { AnalysisContext } from '../../core/languageService';
import { type K8sAst, type K8sObject, parseK8s } from './model';

export interface Located {
  obj: K8sObject;
  /** Undefined for this file's objects. */
  uri?: string;
}

const otherFiles = new Map<string, { text: string; ast: K8sAst }>();
const CACHE_LIMIT = 500;

function parseCached(uri: string, text: string): K8sAst {
  const hit = otherFiles.get(uri);
  if (hit && hit.text === text) return hit.ast;
  const ast = parseK8s(text);
  if (otherFiles.size >= CACHE_LIMIT) otherFiles.delete(otherFiles.keys().next().value as string);
  otherFiles.set(uri, { text, ast });
  return ast;
}

/** Namespaces match when equal or when either is left to `kubectl -n`. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

export class Workspace {
  readonly objects: Located[];
  /** kind -> objects, and kind/name -> objects: lookups stay linear over a whole file. */
  private readonly byKind = new Map<string, Located[]>();
  private readonly byName = new Map<string, Located[]>();
  private byLabel?: Map<string, Located[]>;

  constructor(ast: K8sAst, ctx?: AnalysisContext) {
    this.objects = ast.objects.map((obj) => ({ obj }));
    for (const other of ctx?.workspaceDocuments?.() ?? []) {
      if (other.uri === ctx?.uri || !/^\s*kind\s*:/m.test(other.text)) continue;
      for (const obj of parseCached(other.uri, other.text).objects) this.objects.push({ obj, uri: other.uri });
    }
    for (const l of this.objects) {
      push(this.byKind, l.obj.kind, l);
      if (l.obj.name !== undefined) push(this.byName, `${l.obj.kind}/${l.obj.name}`, l);
    }
  }

  /** Objects of a kind (and name) in the namespace of `from`, this file's first. */
  find(from: K8sObject, kind: string, name?: string): Located[] {
    const candidates = (name === undefined ? this.byKind.get(kind) : this.byName.get(`${kind}/${name}`)) ?? [];
    return candidates.filter((l) => sameNamespace(from, l.obj));
  }

  /** Any object with a pod template in the namespace of `from` (usually the first one tried). */
  hasWorkloads(from: K8sObject): boolean {
    return this.labelIndex().get('')?.some((l) => sameNamespace(from, l.obj)) ?? false;
  }

  /** Objects with a pod template (or Pods) in the namespace of `from` carrying every label given. */
  workloads(from: K8sObject, labels?: Map<string, string>): Located[] {
    const first = labels && labels.size > 0 ? [...labels][0] : undefined;
    const candidates = this.labelIndex().get(first ? `${first[0]}=${first[1]}` : '') ?? [];
    return candidates.filter((l) => sameNamespace(from, l.obj) && (!labels || [...labels].every(([k, v]) => l.obj.pod!.labels.get(k) === v)));
  }

  private labelIndex(): Map<string, Located[]> {
    if (!this.byLabel) {
      this.byLabel = new Map();
      for (const l of this.objects) {
        if (!l.obj.pod) continue;
        push(this.byLabel, '', l);
        for (const [k, v] of l.obj.pod.labels) push(this.byLabel, `${k}=${v}`, l);
      }
    }
    return this.byLabel;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
