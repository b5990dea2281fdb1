// Incremental zone checking for the editor: a keystroke in a 100,000-record zone re-checks
// only the owners it can affect, not the whole zone. The findings of the last lint are kept
// per *scope* — the owner of the record on whose line a finding starts ('' when no record is
// there: $TTL findings) — with a reverse index "name -> owners whose records name it" (NS/MX/
// SRV/CNAME targets, every name field and its ancestors below the apex). After an edit that
// replaced records of owners C, the scopes to redo are A = C plus the dependents of C; they
// are redone by running the ordinary checks (checker.ts) over a small sub-zone: the records
// of A, of the names A's records depend on (targets, their ancestors, the wildcards beside
// them), and the zone's skeleton (the apex, every NS, DNAME and SOA owner), which is everything
// a finding of A can read. Edits that touch the skeleton or a wildcard, zones with wildcards,
// $GENERATE/$INCLUDE zones, or a changed apex fall back to the whole walk. The result equals a lint from
// scratch (test/unit/languages/zone/reparse.test.ts checks it after random edits).

import type { Finding, Range } from '../../core/finding';
import type { ZoneAst, ZoneRecord } from './model';
import { isAtOrBelow, parentName } from './names';
import { targetOf } from './targets';

/** What the last lint of an AST found, kept for the next version's lint. */
export interface ZoneLintMemo {
  /** False while an incremental update is under way (a throw leaves it unusable). */
  valid: boolean;
  records: ZoneRecord[];
  origin: string;
  originSource: ZoneAst['originSource'];
  fragment: boolean;
  /** Owner -> its check findings in the order the walk made them; '' -> findings on no record's line. */
  scopes: Map<string, Finding[]>;
  /** Name -> owners (with repeats, one per record) whose records depend on the name. */
  dependents: Map<string, string[]>;
  /** Owners every sub-zone includes: the apex and every owner of NS or DNAME records. */
  skeleton: Set<string>;
  /** Owner names as small numbers, and each record's owner as one (scans of ints, not strings). */
  ids: Map<string, number>;
  ownerIds: Int32Array;
  /** Number of records it describes (reparse edits the records array in place). */
  count: number;
  /**
   * The zone has a wildcard: zone/target-no-address then asks whether names exist (any record
   * below them) to find the wildcard that covers a target, which no per-name index here
   * follows; such zones take the whole walk.
   */
  wildcards: boolean;
}

/**
 * How an AST's records differ from the memo's: records [start, newEnd) are new; those before
 * are the memo's own; those from newEnd on are the memo's from oldEnd on, their lines moved by
 * `shifts` (applied in order: lines >= fromLine move by delta).
 */
export interface ZoneEdit {
  base: ZoneLintMemo;
  /** The memo's records [start, oldEnd) (possibly line-shifted copies), taken before the splice. */
  removed: ZoneRecord[];
  start: number;
  oldEnd: number;
  newEnd: number;
  shifts: Array<{ fromLine: number; delta: number }>;
}

/** Kept beside the ASTs, not in them: an AST stays a plain value (equal to a fresh parse). */
const memos = new WeakMap<ZoneAst, ZoneLintMemo>();
const edits = new WeakMap<ZoneAst, ZoneEdit>();

/** How lints ran (tests check that the incremental path is taken). */
export const lintStats = { full: 0, incremental: 0 };

/** Findings placed at a fixed position, not at a record: they belong to the zone scope (''). */
const ZONE_WIDE = new Set(['zone/missing-soa']);

/** Rules whose messages cite a line number: their findings are made again when lines move. */
const CITES_LINES = new Set(['zone/duplicate-record']);

/** Above this many changed records a whole walk is as cheap. */
const MAX_WINDOW = 2000;

/**
 * reparse() calls this with the window it re-read: `prev.records[start, oldEnd)` became
 * `next.records[start, newEnd)`. The previous memo moves to `next` (reparse consumes prev).
 */
export function noteReparse(prev: ZoneAst, next: ZoneAst, start: number, oldEnd: number, newEnd: number, shift: { fromLine: number; delta: number } | undefined): void {
  const memo = memos.get(prev);
  const shifts = shift && shift.delta !== 0 ? [shift] : [];
  if (memo) {
    memos.delete(prev);
    if (memo.valid && memo.records === prev.records && memo.count === prev.records.length) edits.set(next, { base: memo, removed: prev.records.slice(start, oldEnd), start, oldEnd, newEnd, shifts });
    return;
  }
  // prev was never linted (its lint was cancelled): compose its edit with this one.
  const e = edits.get(prev);
  if (!e || !e.base.valid) return;
  edits.delete(prev);
  const t = Math.max(oldEnd, e.newEnd);
  // The base's records in the combined window: before e's, e's own, and after e's (prev's from e.newEnd on).
  const removed = [...prev.records.slice(Math.min(start, e.start), e.start), ...e.removed, ...prev.records.slice(e.newEnd, t)];
  edits.set(next, { base: e.base, removed, start: Math.min(e.start, start), oldEnd: e.oldEnd + (t - e.newEnd), newEnd: newEnd + (t - oldEnd), shifts: [...e.shifts, ...shifts] });
}

export type RunChecks = (ast: ZoneAst, records: ZoneRecord[]) => Finding[];

/** The check findings of `ast` (not the parser's), incrementally when the last lint allows. */
export function checkFindings(ast: ZoneAst, run: RunChecks): Finding[] {
  return reusedFindings(ast, run) ?? rememberWalk(ast, run(ast, ast.records));
}

/**
 * The findings without a whole walk, when the last lint allows: the memo of this AST, or
 * the previous version's memo updated over a small sub-zone. Undefined: walk it all, then
 * hand the result to rememberWalk.
 */
export function reusedFindings(ast: ZoneAst, run: RunChecks): Finding[] | undefined {
  const held = memos.get(ast);
  if (held?.valid && held.records === ast.records && held.count === ast.records.length) return collect(held);
  const edit = edits.get(ast);
  edits.delete(ast);
  if (edit && incrementalOk(ast, edit)) {
    const memo = update(ast, edit, run);
    if (memo) {
      lintStats.incremental++;
      memos.set(ast, memo);
      return collect(memo);
    }
  }
  return undefined;
}

/** A whole walk's findings, kept as the memo the next version's lint starts from. */
export function rememberWalk(ast: ZoneAst, found: Finding[]): Finding[] {
  lintStats.full++;
  const memo = memoizable(ast) ? buildMemo(ast, found) : undefined;
  if (memo) memos.set(ast, memo);
  return found;
}

function memoizable(ast: ZoneAst): boolean {
  if (ast.includes.length > 0) return false;
  for (const r of ast.records) if (r.generated || r.uri) return false;
  return true;
}

function buildMemo(ast: ZoneAst, found: Finding[]): ZoneLintMemo {
  const records = ast.records;
  const memo: ZoneLintMemo = { valid: true, records, origin: ast.origin, originSource: ast.originSource, fragment: ast.fragment, scopes: new Map(), dependents: new Map(), skeleton: new Set([ast.origin]), ids: new Map(), ownerIds: new Int32Array(records.length), count: records.length, wildcards: false };
  for (const f of found) addToScope(memo.scopes, scopeOfFinding(records, f), f);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    // An SOA below the apex too: zone/missing-soa (zone-wide, run again on each sub-zone) reads it.
    if (r.type === 'NS' || r.type === 'DNAME' || r.type === 'SOA') memo.skeleton.add(r.owner);
    if (r.owner.startsWith('*.')) memo.wildcards = true;
    memo.ownerIds[i] = idOf(memo, r.owner);
    register(memo, r);
  }
  return memo;
}

function idOf(memo: ZoneLintMemo, name: string): number {
  let id = memo.ids.get(name);
  if (id === undefined) memo.ids.set(name, (id = memo.ids.size));
  return id;
}

/** A membership mask over owner ids. */
function maskOf(memo: ZoneLintMemo, names: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(memo.ids.size);
  for (const n of names) {
    const id = memo.ids.get(n);
    if (id !== undefined) mask[id] = 1;
  }
  return mask;
}

function addToScope(scopes: Map<string, Finding[]>, scope: string, f: Finding): void {
  const list = scopes.get(scope);
  if (list) list.push(f);
  else scopes.set(scope, [f]);
}

function scopeOfFinding(records: ZoneRecord[], f: Finding): string {
  return ZONE_WIDE.has(f.ruleId) ? '' : scopeOf(records, f.range.start.line);
}

/** The owner of the record whose lines hold `line` ('' when none does). Records are in line order. */
function scopeOf(records: ZoneRecord[], line: number): string {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  const r = records[lo - 1];
  return r && r.endLine >= line ? r.owner : '';
}

/** Names a record's findings may read the records of (besides its own owner's). */
function dependencies(r: ZoneRecord, origin: string, out: (name: string) => void): void {
  const named = (name: string) => {
    // The name and its ancestors below the apex (zone/missing-trailing-dot reads them all).
    for (let n: string | undefined = name; n && n !== origin && isAtOrBelow(n, origin); n = parentName(n)) out(n);
  };
  const t = targetOf(r);
  if (t) named(t.name);
  if (!r.values) return;
  for (const v of r.values) if (typeof v.value === 'string' && (v.spec.kind === 'name' || r.type === 'CNAME')) named(v.value);
}

function register(memo: ZoneLintMemo, r: ZoneRecord): void {
  dependencies(r, memo.origin, (name) => {
    const list = memo.dependents.get(name);
    if (list) list.push(r.owner);
    else memo.dependents.set(name, [r.owner]);
  });
}

function unregister(memo: ZoneLintMemo, r: ZoneRecord): void {
  dependencies(r, memo.origin, (name) => {
    const list = memo.dependents.get(name);
    const i = list ? list.lastIndexOf(r.owner) : -1;
    if (i < 0) return;
    list!.splice(i, 1);
    if (list!.length === 0) memo.dependents.delete(name);
  });
}

/** Records whose change can reach beyond their owner and its dependents: the whole walk then. */
function reachesFar(r: ZoneRecord, origin: string): boolean {
  return r.generated === true || r.uri !== undefined || r.owner === origin || r.type === 'NS' || r.type === 'DNAME' || r.type === 'SOA' || r.owner.includes('*');
}

function incrementalOk(ast: ZoneAst, e: ZoneEdit): boolean {
  const b = e.base;
  if (!b.valid || b.wildcards || b.origin !== ast.origin || b.originSource !== ast.originSource || b.fragment !== ast.fragment || ast.includes.length > 0) return false;
  if (e.oldEnd - e.start > MAX_WINDOW || e.newEnd - e.start > MAX_WINDOW) return false;
  if (ast.records.length - e.newEnd !== b.count - e.oldEnd || e.removed.length !== e.oldEnd - e.start) return false;
  for (const r of e.removed) if (reachesFar(r, ast.origin)) return false;
  for (let i = e.start; i < e.newEnd; i++) if (reachesFar(ast.records[i], ast.origin)) return false;
  return true;
}

function update(ast: ZoneAst, e: ZoneEdit, run: RunChecks): ZoneLintMemo | undefined {
  const memo = e.base;
  const origin = ast.origin;
  memo.valid = false;
  // The owner ids of the new records: the memo's before and after the window, the window's new.
  const ids = new Int32Array(ast.records.length);
  ids.set(memo.ownerIds.subarray(0, e.start));
  for (let i = e.start; i < e.newEnd; i++) ids[i] = idOf(memo, ast.records[i].owner);
  ids.set(memo.ownerIds.subarray(e.oldEnd), e.newEnd);
  // C: the owners whose records changed; A: C and the owners whose findings read C's records.
  const changed = new Set<string>();
  for (const r of e.removed) changed.add(r.owner);
  for (let i = e.start; i < e.newEnd; i++) changed.add(ast.records[i].owner);
  const affected = new Set<string>(changed);
  for (const c of changed) for (const o of memo.dependents.get(c) ?? []) affected.add(o);
  if (e.shifts.length) for (const [scope, list] of memo.scopes) if (scope !== '' && list.some((f) => CITES_LINES.has(f.ruleId))) affected.add(scope);
  // The sub-zone: A, the skeleton, and what A's records depend on (found in a first pass).
  const wanted = new Set<string>(affected);
  for (const s of memo.skeleton) wanted.add(s);
  const wildcardBeside = (name: string) => {
    const p = parentName(name);
    if (p) wanted.add(p === '.' ? '*.' : `*.${p}`);
  };
  for (const a of affected) wildcardBeside(a);
  const inA = maskOf(memo, affected);
  for (let i = 0; i < ids.length; i++) {
    if (!inA[ids[i]]) continue;
    dependencies(ast.records[i], origin, (name) => {
      wanted.add(name);
      wildcardBeside(name);
    });
  }
  const inSub = maskOf(memo, wanted);
  const sub: ZoneRecord[] = [];
  for (let i = 0; i < ids.length; i++) if (inSub[ids[i]]) sub.push(ast.records[i]);
  const found = run({ ...ast, records: sub, text: '' }, sub);
  // Replace the findings of A and of '' with the sub-zone's; move the others' lines.
  const fresh = new Map<string, Finding[]>();
  for (const f of found) {
    const scope = scopeOfFinding(ast.records, f);
    if (scope === '' || affected.has(scope)) addToScope(fresh, scope, f);
  }
  for (const [scope, list] of memo.scopes) {
    if (scope === '' || affected.has(scope)) memo.scopes.delete(scope);
    else if (e.shifts.length) for (let i = 0; i < list.length; i++) list[i] = shiftFinding(list[i], e.shifts);
  }
  for (const [scope, list] of fresh) memo.scopes.set(scope, list);
  for (const r of e.removed) unregister(memo, r);
  for (let i = e.start; i < e.newEnd; i++) register(memo, ast.records[i]);
  memo.records = ast.records;
  memo.ownerIds = ids;
  memo.count = ast.records.length;
  memo.valid = true;
  return memo;
}

function collect(memo: ZoneLintMemo): Finding[] {
  const out: Finding[] = [];
  for (const list of memo.scopes.values()) for (const f of list) out.push(f);
  return out;
}

function shiftLine(line: number, shifts: ZoneEdit['shifts']): number {
  for (const s of shifts) if (line >= s.fromLine) line += s.delta;
  return line;
}

function shiftRange(r: Range, shifts: ZoneEdit['shifts']): Range {
  return { start: { line: shiftLine(r.start.line, shifts), character: r.start.character }, end: { line: shiftLine(r.end.line, shifts), character: r.end.character } };
}

function shiftFinding(f: Finding, shifts: ZoneEdit['shifts']): Finding {
  const out: Finding = { ...f, range: shiftRange(f.range, shifts) };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((d) => ({ ...d, range: shiftRange(d.range, shifts) })) }));
  if (f.related) out.related = f.related.map((x) => (x.uri ? x : { ...x, range: shiftRange(x.range, shifts) }));
  return out;
}
