// The rules, one document at a time, with what an earlier lint found reused. A keystroke in
// one document of a 2,000-document stream re-runs the rules on that document only:
// - a rule that ran on a document without asking the workspace (most of them) depends on
//   nothing but that document, the settings and whether the file is a Kustomize patch, so
//   its findings stay valid while the document (kept by reparse) is unchanged; they are
//   moved by the lines the edit added or removed above it;
// - a rule that asked the workspace (a Service's pods, a StatefulSet's Service, a CRD) saw
//   only the objects the queries returned. Its findings stay valid while the other files
//   are unchanged, no line moved, none of the objects it was given changed, and every
//   object that changed kept its summary (apiVersion, kind, name, namespace, pod labels:
//   all the queries select by), so every query still returns the same objects. Otherwise
//   it runs again.
// Either way the result equals a lint from scratch (the reparse property test checks it).

import type { Document } from 'yaml';
import type { Finding, Range } from '../../core/finding';
import { type CheckContext, isPartial } from './check';
import { type K8sAst, type K8sObject, objectsOf } from './model';
import type { Located, Workspace } from './workspace';

interface RuleRun {
  findings: Finding[];
  /** The rule asked the workspace: valid only in the same world (or an equivalent one). */
  cross: boolean;
  /** This file's documents whose objects the workspace returned to it ('all': it read them all). */
  observed?: Set<Document.Parsed> | 'all';
}

interface DocumentLint {
  uri: string | undefined;
  /** Settings, Kubernetes version and Kustomize-patch status the runs were made with. */
  key: string;
  /** The line the document started on when the findings were made. */
  line: number;
  /** The file and workspace the cross runs saw. */
  world: World;
  runs: RuleRun[];
  /** Every run's findings, in rule order. */
  all: Finding[];
  /** Some run asked the workspace. */
  cross: boolean;
}

/** This file's documents and the workspace index's generation of the other files, as one lint saw them. */
interface World {
  docs: Document.Parsed[];
  generation: number;
  lines: number;
  /** Worlds that differ only by documents that kept their summaries share a class. */
  kind: WorldClass;
}

interface WorldClass {
  /** Documents replaced since the class began (a cross run that was given one is stale). */
  replaced: WeakSet<Document.Parsed>;
}

const cache = new WeakMap<Document.Parsed, DocumentLint>();
/** The world of the last lint of each file: the same documents and generation keep it. */
const lastWorld = new Map<string, World>();
const MAX_WORLDS = 1000;

/** Documents linted and reused (for tests and the report). */
export const documentLintStats = { linted: 0, reused: 0 };

export function lintDocuments(check: CheckContext, checks: Array<(ctx: CheckContext) => void>, isCancelled?: () => boolean): Finding[] {
  const { ast } = check;
  const byDoc = new Map<Document.Parsed, K8sObject[]>();
  for (const obj of ast.objects) {
    const list = byDoc.get(obj.doc);
    if (list) list.push(obj);
    else byDoc.set(obj.doc, [obj]);
  }
  const partial = isPartial(check);
  const key = JSON.stringify([check.settings, check.kubernetes, partial]);
  // Every document, with objects or not: an edit anywhere can move the lines a cross run's
  // related locations point at.
  const world = worldOf(check.uri, ast.segments.flatMap((s) => s.docs), check.workspace.generation, ast.index.lineCount);

  // One tracker per lint: it notes whether the rule now running asked the workspace, and
  // which of this file's documents the answers came from.
  let asked = false;
  let observed: Set<Document.Parsed> | 'all' = new Set();
  const note = (found: unknown) => {
    if (observed === 'all' || !Array.isArray(found)) return;
    for (const l of found as Located[]) if (l.uri === undefined) observed.add(l.obj.doc);
  };
  const tracked = new Proxy(check.workspace, {
    get(target, property) {
      asked = true;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        observed = 'all';
        return value;
      }
      if (property === 'find' || property === 'workloads') {
        return (...args: unknown[]) => {
          const found = (value as (...a: unknown[]) => unknown).apply(target, args);
          note(found);
          return found;
        };
      }
      // hasWorkloads reads whether an object with pods exists: the summaries decide it.
      if (property !== 'hasWorkloads') observed = 'all';
      return value.bind(target);
    },
  }) as Workspace;

  const findings: Finding[] = [];
  for (const [doc, objects] of byDoc) {
    if (isCancelled?.()) break;
    const line = ast.index.positionAt(doc.range[0]).line;
    const held = cache.get(doc);
    const previous = held && held.uri === check.uri && held.key === key ? held : undefined;
    // The common case (a document the edit did not touch, on the same lines): nothing to do.
    if (previous && previous.line === line && (!previous.cross || previous.world === world || previous.runs.every((r) => !r.cross || stillValid(r, previous.world, world)))) {
      documentLintStats.reused++;
      for (const f of previous.all) findings.push(f);
      continue;
    }
    const shift = previous ? line - previous.line : 0;
    const sub: CheckContext = { ...check, ast: { ...ast, objects } as K8sAst, workspace: tracked, partial, findings: [] };
    let linted = false;
    const runs = checks.map((run, i): RuleRun => {
      const old = previous?.runs[i];
      if (old && (!old.cross || stillValid(old, previous!.world, world))) return shift === 0 || old.findings.length === 0 ? old : { ...old, findings: old.findings.map((f) => shiftFinding(f, shift)) };
      linted = true;
      sub.findings = [];
      asked = false;
      observed = new Set();
      run(sub);
      return asked ? { findings: sub.findings, cross: true, observed } : { findings: sub.findings, cross: false };
    });
    const all = runs.flatMap((r) => r.findings);
    cache.set(doc, { uri: check.uri, key, line, world, runs, all, cross: runs.some((r) => r.cross) });
    if (linted) documentLintStats.linted++;
    else documentLintStats.reused++;
    for (const f of all) findings.push(f);
  }
  return findings;
}

/** A cross run made in `then` is still right in `now`. */
function stillValid(run: RuleRun, then: World, now: World): boolean {
  if (then === now) return true;
  if (then.kind !== now.kind || run.observed === 'all' || !run.observed) return false;
  for (const d of run.observed) if (now.kind.replaced.has(d)) return false;
  return true;
}

function worldOf(uri: string | undefined, docs: Document.Parsed[], generation: number, lines: number): World {
  const key = uri ?? '';
  const last = lastWorld.get(key);
  if (last && last.generation === generation && last.lines === lines && last.docs.length === docs.length && last.docs.every((d, i) => d === docs[i])) return last;
  let kind: WorldClass = { replaced: new WeakSet() };
  if (last && last.generation === generation && last.lines === lines) {
    // Same other files, no line moved: equivalent when the documents that changed kept their summaries.
    const now = new Set(docs);
    const before = new Set(last.docs);
    const gone = last.docs.filter((d) => !now.has(d));
    const added = docs.filter((d) => !before.has(d));
    if (sameSummaries(gone, added)) {
      kind = last.kind;
      for (const d of gone) kind.replaced.add(d);
    }
  }
  const world = { docs, generation, lines, kind };
  if (lastWorld.size >= MAX_WORLDS && !lastWorld.has(key)) lastWorld.clear();
  lastWorld.set(key, world);
  return world;
}

/** What every workspace query selects by, for each object of these documents, as a multiset. */
function sameSummaries(gone: Document.Parsed[], added: Document.Parsed[]): boolean {
  const count = new Map<string, number>();
  const tally = (docs: Document.Parsed[], by: number): boolean => {
    for (const d of docs) {
      const objects = objectsOf(d);
      if (!objects) return false;
      for (const o of objects) {
        const k = [o.apiVersion, o.kind, o.name ?? '\u0000', o.namespace ?? '\u0000', o.pod ? o.pod.labelKeys.join('\u0000') : '\u0001'].join('\u0002');
        count.set(k, (count.get(k) ?? 0) + by);
      }
    }
    return true;
  };
  if (!tally(gone, 1) || !tally(added, -1)) return false;
  for (const n of count.values()) if (n !== 0) return false;
  return true;
}

/** A finding of this file moved down (or up) by `lines`; other files' locations stay. */
function shiftFinding(f: Finding, lines: number): Finding {
  const move = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  return {
    ...f,
    range: f.uri ? f.range : move(f.range),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: move(e.range) })) })) } : {}),
    ...(f.related ? { related: f.related.map((r) => (r.uri ? r : { ...r, range: move(r.range) })) } : {}),
  };
}
