// The manifests a cross-document rule can see: this file's objects first, then those of the
// other files the front end knows (open documents in the editor, the files of a CLI run).
//
// One WorkspaceIndex lives per process (a CLI run, a server). The lookups over all files
// (kind, kind/name, pod labels) are built from per-object summaries (objectSummary.ts), once,
// and rebuilt only after a file changed, so a run over 10,000 files stays linear. Parses are
// kept only up to a budget: a file's parse is made again when a rule needs more of another
// file's object than its summary says, or when the file's own lint comes after it was let go.
// Files the front end no longer lists (closed documents) are dropped.

import { getHeapStatistics } from 'node:v8';
import type { AnalysisContext } from '../../core/languageService';
import { looksLikeKubernetes } from '../../core/languageDetect';
import { type K8sAst, type K8sObject, parseK8s } from './model';
import { type ObjectSummary, summaryOf } from './objectSummary';

/** An object a lookup found: its summary, and the object itself (parsed again if need be). */
export interface Located {
  /** Undefined for this file's objects. */
  readonly uri?: string;
  readonly summary: ObjectSummary;
  readonly obj: K8sObject;
}

/** An object of the file being linted. */
class LocalObject implements Located {
  readonly uri = undefined;
  constructor(
    readonly obj: K8sObject,
    private readonly index: number,
  ) {}

  get summary(): ObjectSummary {
    return summaryOf(this.obj, this.index);
  }
}

/**
 * An object of another file, known by its summary; `obj` asks the index for its parse. It holds
 * the file's entry, not only its URI, so the object comes from the very text the summary was
 * made from even if the file changed or closed since.
 */
class IndexedObject implements Located {
  constructor(
    readonly uri: string,
    readonly summary: ObjectSummary,
    private readonly entry: FileEntry,
    private readonly index: WorkspaceIndex,
  ) {}

  get obj(): K8sObject {
    return this.index.objectOf(this.uri, this.entry, this.summary.index);
  }
}

interface Lookups {
  byKind: Map<string, Located[]>;
  byName: Map<string, Located[]>;
  byLabel?: Map<string, Located[]>;
}

interface FileEntry {
  text: string;
  /** The parse, while the budget holds it (always for files with CRDs: their schemas are read whole). */
  ast?: K8sAst;
  /** One per object, made on the first lookup over all files. */
  summaries?: ObjectSummary[];
  /** Holds a CustomResourceDefinition: its parse is never let go. */
  pinned?: boolean;
}

/**
 * How much text the kept parses may cover: a quarter of the heap this process (or worker) may
 * use, at ~55 bytes of heap per character of YAML (measured: 3.1 M characters of manifests,
 * 185 MB). Node's default heap on a big machine keeps every parse of a 10,000-file repository
 * (no file is parsed twice); a small heap (a CI container, --max-old-space-size) keeps fewer
 * and parses the rest again for their own lint instead of running out of memory.
 */
const PARSE_BUDGET = Math.floor(getHeapStatistics().heap_size_limit / 4 / 55);

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  /** Files whose parse is kept (not pinned), least recently used first. */
  private readonly kept = new Map<string, FileEntry>();
  private keptChars = 0;
  private lastList?: ReadonlyArray<{ uri: string; text: string }>;
  private lookups?: Lookups;
  /** Changes whenever a file is added, changed or dropped (a lint's findings that asked the index are stale then). */
  generation = 0;
  /** The file changed last and the newest generation of any other file: generationExcept() in O(1). */
  private newest?: { uri: string | undefined; generation: number };
  private newestOther = 0;

  constructor(private budget = PARSE_BUDGET) {}

  /** Sets how many characters of text the kept parses may cover (tests; a host with its own limit). */
  setBudget(chars: number): void {
    this.budget = chars;
  }

  /** The parse of a file's text, shared with every later lookup of that file while it is kept. */
  parse(uri: string | undefined, text: string): K8sAst {
    if (uri === undefined) return parseK8s(text);
    const hit = this.files.get(uri);
    if (hit && hit.text === text) {
      // The same text: its summaries still hold, nothing changed for the other files' lints.
      if (hit.ast) {
        this.touch(uri, hit);
        return hit.ast;
      }
      const ast = parseK8s(text);
      this.keep(uri, hit, ast, true);
      return ast;
    }
    const ast = parseK8s(text);
    this.replace(uri, { text });
    this.keep(uri, this.files.get(uri)!, ast, true);
    return ast;
  }

  /** Records a parse made elsewhere (an incremental reparse) as this file's. */
  put(uri: string | undefined, text: string, ast: K8sAst): K8sAst {
    if (uri === undefined) return ast;
    this.replace(uri, { text });
    this.keep(uri, this.files.get(uri)!, ast, true);
    return ast;
  }

  /** Object `i` of a file's entry (for a rule that needs more than its summary). */
  objectOf(uri: string, entry: FileEntry, i: number): K8sObject {
    if (entry.ast) {
      this.touch(uri, entry);
      return entry.ast.objects[i];
    }
    const ast = parseK8s(entry.text);
    // An entry the index no longer holds (the file changed or closed) is parsed, not kept.
    if (this.files.get(uri) === entry) this.keep(uri, entry, ast, true);
    return ast.objects[i];
  }

  private replace(uri: string, entry: FileEntry): void {
    this.drop(uri);
    this.files.set(uri, entry);
    this.changed(uri);
  }

  private drop(uri: string): void {
    const old = this.files.get(uri);
    if (old && this.kept.delete(uri)) this.keptChars -= old.text.length;
    this.files.delete(uri);
  }

  /**
   * Keeps a parse within the budget. `evict` lets the least recently used parses go to make
   * room; the lookup over all files (all()) keeps only what fits without evicting, so a CLI
   * run that then lints the files in the same order finds the first ones parsed, and each later
   * file's parse pushes out the oldest (already linted) one.
   */
  private keep(uri: string, entry: FileEntry, ast: K8sAst, evict: boolean): void {
    if (entry.pinned) {
      entry.ast = ast;
      return;
    }
    const size = entry.text.length;
    if (this.keptChars + size > this.budget) {
      if (!evict) return;
      for (const [oldUri, old] of this.kept) {
        if (this.keptChars + size <= this.budget) break;
        this.kept.delete(oldUri);
        this.keptChars -= old.text.length;
        old.ast = undefined;
      }
      if (this.keptChars + size > this.budget) return; // bigger than the whole budget: used once, not kept
    }
    entry.ast = ast;
    this.kept.set(uri, entry);
    this.keptChars += size;
  }

  private touch(uri: string, entry: FileEntry): void {
    if (this.kept.get(uri) !== entry) return;
    this.kept.delete(uri);
    this.kept.set(uri, entry);
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
      this.replace(d.uri, { text: d.text });
    }
    for (const uri of [...this.files.keys()]) {
      if (live.has(uri) || uri === self) continue;
      this.drop(uri);
      this.changed(uri);
    }
  }

  /** Kind, kind/name and label lookups over every file of the index. */
  all(): Lookups {
    if (this.lookups) return this.lookups;
    const lookups: Lookups = { byKind: new Map(), byName: new Map() };
    for (const [uri, entry] of this.files) {
      if (!entry.summaries) {
        let ast = entry.ast;
        if (!ast) {
          if (!looksLikeKubernetes(entry.text)) {
            entry.summaries = [];
            continue;
          }
          ast = parseK8s(entry.text);
        }
        entry.summaries = ast.objects.map((obj, i) => summaryOf(obj, i));
        if (entry.summaries.some((s) => s.kind === 'CustomResourceDefinition')) this.pin(uri, entry);
        if (!entry.ast) this.keep(uri, entry, ast, false);
      }
      for (const summary of entry.summaries) addLookups(lookups, new IndexedObject(uri, summary, entry, this), summary.kind, summary.nameKey);
    }
    this.lookups = lookups;
    return lookups;
  }

  private pin(uri: string, entry: FileEntry): void {
    entry.pinned = true;
    if (this.kept.delete(uri)) this.keptChars -= entry.text.length;
  }

  /** Number of files held (tests check closed documents are dropped). */
  get size(): number {
    return this.files.size;
  }

  /** Number of files whose parse is held (tests check the budget). */
  get parsesHeld(): number {
    let n = 0;
    for (const entry of this.files.values()) if (entry.ast) n++;
    return n;
  }

  clear(): void {
    this.files.clear();
    this.kept.clear();
    this.keptChars = 0;
    this.lastList = undefined;
    this.changed();
  }
}

/** The index of this process (one per CLI run, one per server). */
export const workspaceIndex = new WorkspaceIndex();

function addLookups(l: Lookups, located: Located, kind: string, nameKey: string | undefined): void {
  push(l.byKind, kind, located);
  if (nameKey !== undefined) push(l.byName, nameKey, located);
}

function labelLookup(l: Lookups, objects: () => Iterable<Located>): Map<string, Located[]> {
  if (!l.byLabel) {
    l.byLabel = new Map();
    for (const x of objects()) {
      const pod = x.summary.pod;
      if (!pod) continue;
      push(l.byLabel, '', x);
      for (const key of pod.labelKeys) push(l.byLabel, key, x);
    }
  }
  return l.byLabel;
}

/** Namespaces match when equal or when either is left to `kubectl -n`. */
export function sameNamespace(a: { namespace?: string }, b: { namespace?: string }): boolean {
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
    this.objects = ast.objects.map((obj, i) => new LocalObject(obj, i));
    for (const l of this.objects) addLookups(this.local, l, l.obj.kind, l.obj.nameKey);
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
    return [...(pick(this.local) ?? EMPTY), ...this.others(pick)].filter((l) => sameNamespace(from, l.summary));
  }

  /** Any object with a pod template in the namespace of `from` (usually the first one tried). */
  hasWorkloads(from: K8sObject): boolean {
    if (labelLookup(this.local, () => this.objects).get('')?.some((l) => sameNamespace(from, l.summary))) return true;
    return this.index ? (this.globalLabels().get('')?.some((l) => l.uri !== this.self && sameNamespace(from, l.summary)) ?? false) : false;
  }

  /** Objects with a pod template (or Pods) in the namespace of `from` carrying every label given. */
  workloads(from: K8sObject, labels?: Map<string, string>): Located[] {
    const first = labels && labels.size > 0 ? [...labels][0] : undefined;
    const key = first ? `${first[0]}=${first[1]}` : '';
    const candidates = [...(labelLookup(this.local, () => this.objects).get(key) ?? EMPTY), ...(this.index ? (this.globalLabels().get(key) ?? EMPTY).filter((l) => l.uri !== this.self) : EMPTY)];
    return candidates.filter((l) => sameNamespace(from, l.summary) && (!labels || [...labels].every(([k, v]) => l.summary.pod!.labels.get(k) === v)));
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
