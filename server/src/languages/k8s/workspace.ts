// The manifests a cross-document rule can see: this file's objects first, then those of the
// other files the front end knows (open documents in the editor, the files of a CLI run).
//
// One WorkspaceIndex lives per process (a CLI run, a server): each file is parsed once per
// text, the lint of a file reuses the index's parse of it, and the kind/name/label lookups
// over all files are built once and rebuilt only after a file changed, so a run over 10,000
// files stays linear. Files the front end no longer lists (closed documents) are dropped.

import type { AnalysisContext } from '../../core/languageService';
import { looksLikeKubernetes } from '../../core/languageDetect';
import { type K8sAst, type K8sObject, parseK8s } from './model';

export interface Located {
  obj: K8sObject;
  /** Undefined for this file's objects. */
  uri?: string;
}

interface Lookups {
  byKind: Map<string, Located[]>;
  byName: Map<string, Located[]>;
  byLabel?: Map<string, Located[]>;
}

interface FileEntry {
  text: string;
  /** Parsed on first need. */
  ast?: K8sAst;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private lastList?: ReadonlyArray<{ uri: string; text: string }>;
  private lookups?: Lookups;
  /** Changes whenever a file is added, changed or dropped (a lint's findings that asked the index are stale then). */
  generation = 0;
  /** The file changed last and the newest generation of any other file: generationExcept() in O(1). */
  private newest?: { uri: string | undefined; generation: number };
  private newestOther = 0;

  /** The parse of a file's text, shared with every later lookup of that file. */
  parse(uri: string | undefined, text: string): K8sAst {
    if (uri === undefined) return parseK8s(text);
    const hit = this.files.get(uri);
    if (hit && hit.text === text && hit.ast) return hit.ast;
    const ast = parseK8s(text);
    this.files.set(uri, { text, ast });
    this.changed(uri);
    return ast;
  }

  /** Records a parse made elsewhere (an incremental reparse) as this file's. */
  put(uri: string | undefined, text: string, ast: K8sAst): K8sAst {
    if (uri === undefined) return ast;
    this.files.set(uri, { text, ast });
    this.changed(uri);
    return ast;
  }

  private changed(uri?: string): void {
    this.lookups = undefined;
    this.generation++;
    if (uri === undefined || this.newest?.uri !== uri) this.newestOther = this.newest?.generation ?? this.newestOther;
    this.newest = { uri, generation: this.generation };
  }

  /**
   * The generation of what every file but `uri` holds: a keystroke in `uri` itself does not
   * change what its lint sees of the other files.
   */
  generationExcept(uri: string | undefined): number {
    return uri !== undefined && this.newest?.uri === uri ? this.newestOther : this.generation;
  }

  /**
   * Brings the index to the front end's list of other documents (plus `self`, the file being
   * linted). The same array as last time costs nothing: the CLI builds its list once.
   */
  sync(list: ReadonlyArray<{ uri: string; text: string }>, self: string | undefined): void {
    if (list === this.lastList) return;
    this.lastList = list;
    const live = new Set<string>();
    for (const d of list) {
      live.add(d.uri);
      const hit = this.files.get(d.uri);
      if (hit && hit.text === d.text) continue;
      this.files.set(d.uri, { text: d.text });
      this.changed(d.uri);
    }
    for (const uri of this.files.keys()) {
      if (live.has(uri) || uri === self) continue;
      this.files.delete(uri);
      this.changed(uri);
    }
  }

  /** Kind, kind/name and label lookups over every file of the index. */
  all(): Lookups {
    if (this.lookups) return this.lookups;
    const lookups: Lookups = { byKind: new Map(), byName: new Map() };
    for (const [uri, entry] of this.files) {
      if (!entry.ast) {
        if (!looksLikeKubernetes(entry.text)) continue;
        entry.ast = parseK8s(entry.text);
      }
      for (const obj of entry.ast.objects) addLookups(lookups, { obj, uri });
    }
    this.lookups = lookups;
    return lookups;
  }

  /** Number of files held (tests check closed documents are dropped). */
  get size(): number {
    return this.files.size;
  }

  clear(): void {
    this.files.clear();
    this.lastList = undefined;
    this.changed();
  }
}

/** The index of this process (one per CLI run, one per server). */
export const workspaceIndex = new WorkspaceIndex();

function addLookups(l: Lookups, located: Located): void {
  push(l.byKind, located.obj.kind, located);
  if (located.obj.nameKey !== undefined) push(l.byName, located.obj.nameKey, located);
}

function labelLookup(l: Lookups, objects: () => Iterable<Located>): Map<string, Located[]> {
  if (!l.byLabel) {
    l.byLabel = new Map();
    for (const x of objects()) {
      if (!x.obj.pod) continue;
      push(l.byLabel, '', x);
      for (const key of x.obj.pod.labelKeys) push(l.byLabel, key, x);
    }
  }
  return l.byLabel;
}

/** Namespaces match when equal or when either is left to `kubectl -n`. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

const EMPTY: Located[] = [];

/** What one lint sees: this file's objects, then the index's objects of every other file. */
export class Workspace {
  readonly objects: Located[];
  private readonly local: Lookups = { byKind: new Map(), byName: new Map() };
  private readonly self?: string;
  private readonly index?: WorkspaceIndex;

  /** The index's generation of the other files (-1 without an index): what this workspace shows of them. */
  get generation(): number {
    return this.index ? this.index.generationExcept(this.self) : -1;
  }

  constructor(ast: K8sAst, ctx?: AnalysisContext, index: WorkspaceIndex = workspaceIndex) {
    this.objects = ast.objects.map((obj) => ({ obj }));
    for (const l of this.objects) addLookups(this.local, l);
    const list = ctx?.workspaceDocuments?.();
    if (list) {
      this.self = ctx?.uri;
      this.index = index;
      index.sync(list, ctx?.uri);
    }
  }

  private others(pick: (l: Lookups) => Located[] | undefined): Located[] {
    if (!this.index) return EMPTY;
    const found = pick(this.index.all()) ?? EMPTY;
    return this.self === undefined ? found : found.filter((l) => l.uri !== this.self);
  }

  /** Objects of a kind (and name) in the namespace of `from`, this file's first. */
  find(from: K8sObject, kind: string, name?: string): Located[] {
    const key = name === undefined ? kind : `${kind}/${name}`;
    const pick = (l: Lookups) => (name === undefined ? l.byKind.get(key) : l.byName.get(key));
    return [...(pick(this.local) ?? EMPTY), ...this.others(pick)].filter((l) => sameNamespace(from, l.obj));
  }

  /** Any object with a pod template in the namespace of `from` (usually the first one tried). */
  hasWorkloads(from: K8sObject): boolean {
    if (labelLookup(this.local, () => this.objects).get('')?.some((l) => sameNamespace(from, l.obj))) return true;
    return this.index ? (this.globalLabels().get('')?.some((l) => l.uri !== this.self && sameNamespace(from, l.obj)) ?? false) : false;
  }

  /** Objects with a pod template (or Pods) in the namespace of `from` carrying every label given. */
  workloads(from: K8sObject, labels?: Map<string, string>): Located[] {
    const first = labels && labels.size > 0 ? [...labels][0] : undefined;
    const key = first ? `${first[0]}=${first[1]}` : '';
    const candidates = [...(labelLookup(this.local, () => this.objects).get(key) ?? EMPTY), ...(this.index ? (this.globalLabels().get(key) ?? EMPTY).filter((l) => l.uri !== this.self) : EMPTY)];
    return candidates.filter((l) => sameNamespace(from, l.obj) && (!labels || [...labels].every(([k, v]) => l.obj.pod!.labels.get(k) === v)));
  }

  private globalLabels(): Map<string, Located[]> {
    const all = this.index!.all();
    return labelLookup(all, () => [...all.byKind.values()].flat());
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
