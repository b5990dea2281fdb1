// Kubernetes objects over the `yaml` package's AST. Every document of a multi-document file
// is kept; the ones with a top-level apiVersion + kind become K8sObjects. Views read through
// aliases and `<<` merge keys, flow and block style alike, and every node keeps its exact
// offsets, so a rule can point at the one token that is wrong.

import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, parseAllDocuments, type Scalar, visit, type YAMLMap } from 'yaml';
import type { TextChange } from '../../core/languageService';
import { LineIndex } from '../../core/text';
import { findTemplateAction } from './template';

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

export interface K8sAst {
  text: string;
  index: LineIndex;
  objects: K8sObject[];
  /** YAML syntax errors, as offsets. */
  errors: SyntaxProblem[];
  /** Offsets of the first Helm / Go template action: the file is a template, not a manifest. */
  template?: [number, number];
  /** The text cut at document markers, each piece parsed on its own (reparse reuses them). */
  segments: Segment[];
}

/** A run of the text from one `---` (or the start) to the next, and its parsed documents. */
export interface Segment {
  start: number;
  text: string;
  docs: Document.Parsed[];
}

/** One entry of a mapping: the key node, the (dereferenced) value node, the pair. */
export interface Entry {
  key: Scalar;
  value: Node | undefined;
  pair: Pair;
}

/** Where the pod spec sits in each workload kind, as the API server names the path. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

export interface ContainerView {
  map: YAMLMap;
  list: ContainerList;
  index: number;
  /** Field path as the API server prints it, e.g. "spec.template.spec.containers[0]". */
  path: string;
  name?: string;
}

export interface PodView {
  spec: YAMLMap;
  /** "spec" for a Pod, "spec.template.spec" for a Deployment, … */
  path: string;
  /** The labels the pods get (the Pod's or the template's metadata.labels). */
  labels: Map<string, string>;
  /** The labels as "key=value", the workspace's lookup keys. */
  labelKeys: string[];
  containers: ContainerView[];
}

export class K8sObject {
  readonly name?: string;
  readonly namespace?: string;
  /** "Kind/name", the workspace's lookup key (computed once: objects live across reparses). */
  readonly nameKey?: string;
  private podView?: PodView | null;

  constructor(
    /** The parse this object is part of (moved to the new parse when reparse keeps its document). */
    public ast: K8sAst,
    readonly doc: Document.Parsed,
    /** Index of its document in the file (updated when reparse keeps the document). */
    public docIndex: number,
    readonly root: YAMLMap,
    readonly apiVersion: string,
    readonly kind: string,
  ) {
    const metadata = this.map(root, 'metadata');
    this.name = this.str(this.get(metadata, 'name'));
    this.namespace = this.str(this.get(metadata, 'namespace'));
    if (this.name !== undefined) this.nameKey = `${kind}/${this.name}`;
  }

  /** The node an alias points at; other nodes as they are. */
  deref(node: unknown): Node | undefined {
    if (isAlias(node)) {
      const target = anchorsOf(this.doc).get(node);
      return target && !isAlias(target) ? target : undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /**
   * A mapping entry by key, looking through `<<` merge keys (own keys win, then the sources
   * in order). Each (map, key) is answered once and remembered, so merge sources shared by
   * many maps, nested merges and merge cycles stay linear in the text instead of exponential.
   */
  entry(map: YAMLMap | undefined, key: string): Entry | undefined {
    if (!map) return undefined;
    let perKey = mergedEntries.get(map);
    if (!perKey) mergedEntries.set(map, (perKey = new Map()));
    if (perKey.has(key)) return perKey.get(key) ?? undefined;
    perKey.set(key, null); // a merge cycle back to this map finds nothing
    let own: Entry | undefined;
    const sources: Node[] = [];
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      if (pair.key.value === key) {
        own = { key: pair.key, value: this.deref(pair.value), pair };
        break;
      }
      if (pair.key.value === '<<') {
        const source = this.deref(pair.value);
        if (isSeq(source)) for (const i of source.items) { const d = this.deref(i); if (d) sources.push(d); }
        else if (source) sources.push(source);
      }
    }
    let found = own;
    if (!found) {
      const seen = new Set<Node>();
      for (const s of sources) {
        if (!isMap(s) || seen.has(s)) continue;
        seen.add(s);
        found = this.entry(s, key);
        if (found) break;
      }
    }
    perKey.set(key, found ?? null);
    return found;
  }

  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.entry(map, key)?.value;
  }

  map(map: YAMLMap | undefined, ...path: string[]): YAMLMap | undefined {
    let cur: Node | undefined = map;
    for (const key of path) cur = isMap(cur) ? this.get(cur, key) : undefined;
    return isMap(cur) ? cur : undefined;
  }

  /** Items of a sequence (aliases dereferenced, nulls dropped) with their indexes. */
  items(node: Node | undefined): Array<{ node: Node; index: number }> {
    if (!isSeq(node)) return [];
    const out: Array<{ node: Node; index: number }> = [];
    node.items.forEach((item, index) => {
      const n = this.deref(item);
      if (n) out.push({ node: n, index });
    });
    return out;
  }

  /** Mapping entries in order (own keys only; merge sources are read by entry()). */
  entries(map: YAMLMap | undefined): Entry[] {
    if (!map) return [];
    const out: Entry[] = [];
    for (const pair of map.items) if (isScalar(pair.key) && pair.key.value !== '<<') out.push({ key: pair.key, value: this.deref(pair.value), pair });
    return out;
  }

  /** A scalar as the JSON the API server receives would spell it (numbers as numbers print). */
  str(node: unknown): string | undefined {
    const n = this.deref(node);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.value === 'object' ? undefined : String(n.value);
  }

  num(node: unknown): number | undefined {
    const n = this.deref(node);
    return isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
  }

  /** The pod spec of a Pod or of a workload's pod template, with its containers. */
  get pod(): PodView | undefined {
    if (this.podView === undefined) this.podView = this.readPod() ?? null;
    return this.podView ?? undefined;
  }

  private readPod(): PodView | undefined {
    const path = POD_SPEC_PATHS[this.kind];
    if (!path || !this.apiVersion.match(/^(v1|apps\/v1|batch\/v1|batch\/v1beta1|extensions\/v1beta1|apps\/v1beta[12])$/)) return undefined;
    const spec = this.map(this.root, ...path);
    if (!spec) return undefined;
    const pathText = path.join('.');
    const metadata = this.map(this.root, ...path.slice(0, -1), 'metadata');
    const labels = new Map<string, string>();
    for (const e of this.entries(this.map(metadata, 'labels'))) {
      const v = this.str(e.value);
      if (v !== undefined) labels.set(String(e.key.value), v);
    }
    const containers: ContainerView[] = [];
    for (const list of CONTAINER_LISTS) {
      for (const { node, index } of this.items(this.get(spec, list))) {
        if (isMap(node)) containers.push({ map: node, list, index, path: `${pathText}.${list}[${index}]`, name: this.str(this.get(node, 'name')) });
      }
    }
    return { spec, path: pathText, labels, labelKeys: [...labels].map(([k, v]) => `${k}=${v}`), containers };
  }
}

/** Merge-key lookups already answered, per mapping and key (null: not there). */
const mergedEntries = new WeakMap<YAMLMap, Map<string, Entry | null>>();
/** Alias -> the node its anchor names, for a whole document, found in one walk. */
const documentAnchors = new WeakMap<Document.Parsed, Map<Alias, Node>>();

/**
 * Every alias of a document with its target: the nearest anchor of that name before it, as
 * YAML defines. One walk per document (the yaml package's Alias.resolve walks the whole
 * document for each alias, which is quadratic in a file full of aliases).
 */
function anchorsOf(doc: Document.Parsed): Map<Alias, Node> {
  let map = documentAnchors.get(doc);
  if (map) return map;
  map = new Map();
  const latest = new Map<string, Node>();
  const out = map;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = latest.get(node.source);
      if (target) out.set(node, target);
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && (isMap(node) || isSeq(node) || isScalar(node))) latest.set(anchor, node as Node);
  });
  documentAnchors.set(doc, map);
  return map;
}

/** [start, end) of a node's value (without trailing comments), or of the pair's key when there is none. */
export function offsetsOf(node: Node | undefined | null): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/**
 * Where the text is cut: before every line that starts with a document marker (`---` or
 * `...` at column 0, which YAML forbids inside any scalar or collection), so each piece holds
 * whole documents and parses the same alone as in the stream.
 */
export function segmentStarts(text: string): number[] {
  const starts = [0];
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const next = nl < 0 ? text.length : nl + 1;
    if (i > 0 && (text.startsWith('---', i) || text.startsWith('...', i))) {
      const c = text[i + 3];
      if (c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (text.startsWith('...', i)) {
          if (next < text.length) starts.push(next); // `...` ends the document before it
        } else starts.push(i);
      }
    }
    i = next;
  }
  return [...new Set(starts)];
}

/** The unchanged head and tail of `text` after the one edit in `changes`, if it is one and fits. */
function editBounds(previous: K8sAst, text: string, changes: TextChange[] | undefined): { prefix: number; suffix: number } | undefined {
  if (changes?.length !== 1) return undefined;
  const [c] = changes;
  const start = previous.index.offsetAt(c.range.start);
  const end = previous.index.offsetAt(c.range.end);
  if (end < start || previous.text.length - (end - start) + c.text.length !== text.length || !text.startsWith(c.text, start)) return undefined;
  return { prefix: start, suffix: previous.text.length - end };
}

function parseSegment(text: string, start: number): Segment {
  let docs: Document.Parsed[] = [];
  const piece = text;
  try {
    const parsed = parseAllDocuments(piece, { prettyErrors: false });
    if (Array.isArray(parsed)) docs = parsed as Document.Parsed[];
  } catch (e) {
    // The yaml package does not throw on bad input; this is a guard against a bug in it.
    return { start, text: piece, docs: [], error: (e as Error).message } as Segment;
  }
  if (start !== 0) shiftDocuments(docs, start);
  return { start, text: piece, docs };
}

/**
 * Every offset triple of a document (its own range and each node's, each once), found in one
 * walk and remembered: a document after the edit point moves on every keystroke, and a
 * loop over this list is much cheaper than walking its nodes again.
 */
const documentRanges = new WeakMap<Document.Parsed, number[][]>();

function rangesOf(doc: Document.Parsed): number[][] {
  let list = documentRanges.get(doc);
  if (list) return list;
  const seen = new Set<number[]>([doc.range as number[]]);
  const out: number[][] = [doc.range as number[]];
  visit(doc, (_key, node) => {
    const range = (node as { range?: number[] | null } | null)?.range;
    if (!range || seen.has(range)) return;
    seen.add(range);
    out.push(range);
  });
  documentRanges.set(doc, (list = out));
  return list;
}

/** Moves every offset of parsed documents by `delta` (a piece parsed alone, or reused after an edit). */
function shiftDocuments(docs: Document.Parsed[], delta: number): void {
  if (delta === 0) return;
  for (const doc of docs) {
    for (const r of rangesOf(doc)) {
      r[0] += delta;
      r[1] += delta;
      r[2] += delta;
    }
    for (const e of doc.errors) {
      e.pos[0] += delta;
      e.pos[1] += delta;
    }
    for (const e of doc.warnings) {
      e.pos[0] += delta;
      e.pos[1] += delta;
    }
  }
}

function buildAst(text: string, segments: Segment[]): K8sAst {
  const ast: K8sAst = { text, index: new LineIndex(text), objects: [], errors: [], segments };
  const docs: Document.Parsed[] = [];
  for (const seg of segments) {
    const failed = (seg as Segment & { error?: string }).error;
    if (failed) ast.errors.push({ start: seg.start, end: seg.start, message: `YAML could not be parsed: ${failed}` });
    docs.push(...seg.docs);
  }
  for (const doc of docs) {
    for (const err of doc.errors) {
      // sigs.k8s.io/yaml's words for a key given twice (what `kubectl apply` prints).
      const key = err.code === 'DUPLICATE_KEY' ? /^(["']?)([^\n]*?)\1[ \t]*:/.exec(text.slice(err.pos[0], err.pos[0] + 256))?.[2] : undefined;
      const message = key !== undefined ? `key ${JSON.stringify(key)} already set in map` : err.message;
      ast.errors.push({ start: err.pos[0], end: key !== undefined ? err.pos[0] + key.length + (text[err.pos[0]] === '"' || text[err.pos[0]] === "'" ? 2 : 0) : err.pos[1], message });
    }
  }
  ast.template = findTemplateAction(text, docs, ast.errors.length > 0);
  if (ast.template) return ast;
  docs.forEach((doc, docIndex) => {
    // A document reparse kept: its objects (and what they memoized) move to this parse.
    const kept = documentObjects.get(doc);
    if (kept) {
      for (const obj of kept) {
        obj.ast = ast;
        obj.docIndex = docIndex;
        ast.objects.push(obj);
      }
      return;
    }
    const found = objectsOfDocument(ast, doc, docIndex);
    documentObjects.set(doc, found);
    ast.objects.push(...found);
  });
  return ast;
}

/** The objects of each parsed document, built once per document. */
const documentObjects = new WeakMap<Document.Parsed, K8sObject[]>();

/** The objects of a document of some parse (undefined: not one buildAst has seen). */
export function objectsOf(doc: Document.Parsed): readonly K8sObject[] | undefined {
  return documentObjects.get(doc);
}

function objectsOfDocument(ast: K8sAst, doc: Document.Parsed, docIndex: number): K8sObject[] {
  const objects: K8sObject[] = [];
  const root = doc.contents;
  if (!isMap(root)) return objects;
  const probe = new K8sObject(ast, doc, docIndex, root, '', '');
  const apiVersion = probe.str(probe.get(root, 'apiVersion'));
  const kind = probe.str(probe.get(root, 'kind'));
  if (!apiVersion || !kind) return objects;
  if (kind === 'List' && apiVersion === 'v1') {
    // `kubectl get -o yaml` output: each item is an object of its own.
    for (const { node } of probe.items(probe.get(root, 'items'))) {
      if (!isMap(node)) continue;
      const itemVersion = probe.str(probe.get(node, 'apiVersion'));
      const itemKind = probe.str(probe.get(node, 'kind'));
      if (itemVersion && itemKind) objects.push(new K8sObject(ast, doc, docIndex, node, itemVersion, itemKind));
    }
    return objects;
  }
  objects.push(new K8sObject(ast, doc, docIndex, root, apiVersion, kind));
  return objects;
}

export function parseK8s(text: string): K8sAst {
  const starts = segmentStarts(text);
  return buildAst(text, starts.map((s, i) => parseSegment(text.slice(s, starts[i + 1] ?? text.length), s)));
}

/**
 * parseK8s(text) for a text that differs from `previous.text` by an edit: the pieces before
 * the edit are kept, those after it kept and moved, only the pieces the edit touches are
 * parsed again. `previous` is consumed (its documents move to the new parse).
 */
export function reparseK8s(previous: K8sAst, text: string, changes?: TextChange[]): K8sAst {
  const old = previous.text;
  // One edit (a keystroke): where it starts and ends says what is unchanged, without
  // comparing the two texts character by character.
  let { prefix, suffix } = editBounds(previous, text, changes) ?? { prefix: 0, suffix: 0 };
  const max = Math.min(old.length, text.length);
  if (!changes || changes.length !== 1 || prefix + suffix === 0) {
    prefix = 0;
    suffix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  }
  const delta = text.length - old.length;
  const byOldStart = new Map(previous.segments.map((s) => [s.start, s]));
  const starts = segmentStarts(text);
  const segments = starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    // Inside the common prefix or suffix, a piece of the same start and length has the same
    // text: no need to compare the characters (that would read the whole file per keystroke).
    // Untouched and before the edit: the same piece at the same place.
    const same = end <= prefix ? byOldStart.get(start) : undefined;
    if (same && same.text.length === end - start) return same;
    // Untouched and after the edit: the same piece, moved by the edit's length.
    const moved = start >= text.length - suffix ? byOldStart.get(start - delta) : undefined;
    if (moved && moved.text.length === end - start && !(moved as Segment & { error?: string }).error) {
      shiftDocuments(moved.docs, delta);
      return { start, text: moved.text, docs: moved.docs };
    }
    return parseSegment(text.slice(start, end), start);
  });
  return buildAst(text, segments);
}
