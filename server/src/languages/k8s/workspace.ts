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

  constructor(ast: K8sAst, ctx?: AnalysisContext) {
    this.objects = ast.objects.map((obj) => ({ obj }));
    for (const other of ctx?.workspaceDocuments?.() ?? []) {
      if (other.uri === ctx?.uri || !/^\s*kind\s*:/m.test(other.text)) continue;
      for (const obj of parseCached(other.uri, other.text).objects) this.objects.push({ obj, uri: other.uri });
    }
  }

  /** Objects of a kind (and name) in the namespace of `from`, this file's first. */
  find(from: K8sObject, kind: string, name?: string): Located[] {
    return this.objects.filter((l) => l.obj.kind === kind && (name === undefined || l.obj.name === name) && sameNamespace(from, l.obj));
  }

  /** Every object with a pod template (or a Pod) in the namespace of `from`. */
  workloads(from: K8sObject): Located[] {
    return this.objects.filter((l) => l.obj.pod !== undefined && sameNamespace(from, l.obj));
  }
}
