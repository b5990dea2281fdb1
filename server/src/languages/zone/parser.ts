// The master-file parser: entries from the lexer -> directives and records with absolute
// owners, TTLs, classes, types and RDATA read by the record-type table. BIND semantics:
// blank owner = previous owner, '@' = current origin, TTL and class in either order,
// $ORIGIN/$TTL/$INCLUDE/$GENERATE. It never throws; every problem becomes a finding on the
// exact token, and the next entry is read as if nothing happened (per-record recovery).

import { IncludeRefused } from '../../core/includePolicy';
import { noteReparse } from './incrementalLint';
import type { Finding, Severity } from '../../core/finding';
import { lineRange } from '../../core/finding';
import type { AnalysisContext, TextChange } from '../../core/languageService';
import { EntryLexer, lexEntries, MAX_PAREN_RECOVERIES, type Entry, type Token } from './lexer';
import type { Directive, EntryTable, ParseSnapshot, ZoneAst, ZoneRecord } from './model';
import { isAtOrBelow, originFromFileName, parseName } from './names';
import { checkWire, readGenericRdata, readRdata, type RdataProblem } from './rdata';
import { lookupClass, lookupType, typeCodeInRdata } from './recordTypes';
import { tokenRange } from './ruleKit';
import { badIpv4 } from './rules/bad-ipv4';
import { badRdata } from './rules/bad-rdata';
import { classMismatch } from './rules/class-mismatch';
import { generate } from './rules/generate';
import { include } from './rules/include';
import { nameTooLong } from './rules/name-too-long';
import { noTtl } from './rules/no-ttl';
import { syntax } from './rules/syntax';
import { splitStringFix, txtStringTooLong } from './rules/txt-string-too-long';
import { ttlTooLarge } from './rules/ttl-too-large';
import { unknownType } from './rules/unknown-type';
import { looksLikeTtl, MAX_TTL, readTtl, readUint } from './values';

/**
 * $GENERATE records made per file, all lines together (BIND has no limit; an editor needs
 * one): a line that would go over it is not expanded. The characters generated are bounded
 * too, since a template can be as long as its line.
 */
export const MAX_GENERATE = 65536;
const MAX_GENERATE_CHARS = 8 << 20;
/** No name or character string is longer: a wider ${offset,width} field can only be wrong. */
const MAX_GENERATE_WIDTH = 255;
const MAX_INCLUDE_DEPTH = 20;
/** Characters read through $INCLUDE per parse, all files together (bounds include diamonds). */
const MAX_INCLUDE_CHARS = 64 << 20;

export interface ParseOptions {
  /**
   * Called with each record as it is read, in file order (the CLI's streaming check), and
   * the offset of its entry in its file's text when rereadRecord() can read it there again
   * (-1 for $GENERATE records and entries past the lexer's paren recoveries).
   */
  onRecord?: (record: ZoneRecord, offset: number) => void;
  /** Keep the records in ast.records (default true); false when streaming. */
  keepRecords?: boolean;
  /** The AST to fill (from newAst), when the caller needs it before the parse ends. */
  ast?: ZoneAst;
}

interface FileState {
  uri: string;
  origin: string;
  owner?: string;
  /** Path of the file, for resolving $INCLUDE relative to it. */
  dir?: string;
}

interface ParseState {
  ctx: AnalysisContext;
  zoneClass: string;
  defaultTtl?: number;
  /** Last explicit TTL (RFC 1035 semantics when there is no $TTL). */
  lastTtl?: number;
  warnedRfc1035Ttl: boolean;
  ast: ZoneAst;
  /** Normalised paths of the files being read, outermost first (cycle detection). */
  includeStack: string[];
  includeChars: number;
  generated: number;
  generatedChars: number;
  firstSoa?: ZoneRecord;
  /** An $INCLUDE was met: its file may change under us, so reparse() starts over. */
  sawInclude?: boolean;
  emit: (record: ZoneRecord, offset: number) => void;
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

/**
 * The one spelling of a path: `.`, `..` and repeated slashes resolved, then symlinks when
 * the context can resolve them, so `./self`, `sub/../self` and a link to it are one file.
 */
export function normalizePath(path: string, ctx?: Pick<AnalysisContext, 'realPath'>): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const lexical = `/${out.join('/')}`;
  if (!path.startsWith('/')) return path;
  try {
    return ctx?.realPath?.(lexical) ?? lexical;
  } catch {
    return lexical;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

function normalizeOrigin(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const r = parseName(t.endsWith('.') ? t : `${t}.`, '.');
  return r.key;
}

export function parseZone(text: string, ctx: AnalysisContext, options: ParseOptions = {}): ZoneAst {
  const ast = options.ast ?? newAst(text, ctx);
  const state = newState(ast, ctx, options);
  const path = uriToPath(ctx.uri);
  const keep = options.keepRecords !== false;
  const entries: EntryTable | undefined = keep ? newEntryTable(ast) : undefined;
  parseText(text, state, { uri: ctx.uri, origin: ast.origin, dir: path ? dirOf(path) : undefined }, true, entries);
  if (entries) ast.entries = entries;
  settleApex(ast, state.firstSoa);
  return ast;
}

export function newAst(text: string, ctx: AnalysisContext): ZoneAst {
  const ast: ZoneAst = { origin: '.', originSource: 'none', records: [], fragment: false, directives: [], findings: [], includes: [], multiLine: [], text, uri: ctx.uri };
  // The apex: the first $ORIGIN before any record, else the setting (--origin), else the file name.
  const firstOrigin = leadingOrigin(text);
  const fromSetting = normalizeOrigin(ctx.settings.zone?.origin ?? '');
  const fromName = originFromFileName(ctx.uri);
  if (firstOrigin) [ast.origin, ast.originSource] = [firstOrigin, '$ORIGIN'];
  else if (fromSetting) [ast.origin, ast.originSource] = [fromSetting, 'setting'];
  else if (fromName) [ast.origin, ast.originSource] = [fromName, 'file name'];
  return ast;
}

function newState(ast: ZoneAst, ctx: AnalysisContext, options: ParseOptions): ParseState {
  const keep = options.keepRecords !== false;
  const onRecord = options.onRecord;
  const state: ParseState = {
    ctx,
    zoneClass: 'IN',
    warnedRfc1035Ttl: false,
    ast,
    includeStack: [normalizePath(uriToPath(ctx.uri) ?? ctx.uri, ctx)],
    includeChars: 0,
    generated: 0,
    generatedChars: 0,
    emit: (r, offset) => {
      if (!state.firstSoa && r.type === 'SOA') state.firstSoa = r;
      if (keep) ast.records.push(r);
      onRecord?.(r, offset);
    },
  };
  return state;
}

function newEntryTable(ast: ZoneAst): EntryTable {
  return { offset: [], line: [], stateIn: [], recordsEnd: [], findingsEnd: [], directivesEnd: [], multiLineEnd: [], unsafe: false, startOrigin: ast.origin, originSource: ast.originSource };
}

/**
 * The apex once the first SOA is known: an SOA is always at the apex, so its owner wins when
 * $ORIGIN named a parent ("$ORIGIN com." then "example SOA …") or nothing named the zone.
 * No SOA at all: a fragment (an $INCLUDEd piece). Sets ast.origin, originSource, fragment.
 */
export function settleApex(ast: ZoneAst, soa: ZoneRecord | undefined): void {
  ast.fragment = !soa;
  if (soa && soa.owner !== ast.origin && (ast.originSource === 'none' || (ast.originSource === '$ORIGIN' && isAtOrBelow(soa.owner, ast.origin)))) {
    [ast.origin, ast.originSource] = [soa.owner, 'SOA owner'];
  }
}

/** The argument of a $ORIGIN that comes before the first record, read cheaply. */
function leadingOrigin(text: string): string | undefined {
  for (const entry of lexEntries(text)) {
    const first = entry.tokens[0];
    if (!first || entry.blankOwner) return undefined;
    if (first.text.toUpperCase() === '$ORIGIN') {
      const arg = entry.tokens[1];
      return arg && arg.text.endsWith('.') ? parseName(arg.text, '.').key : undefined;
    }
    if (first.text.toUpperCase() === '$TTL' || first.text.toUpperCase() === '$INCLUDE') continue;
    return undefined;
  }
  return undefined;
}

/** Entries parsed between two offers of the findings so far (AnalysisContext.onPartialFindings). */
const OFFER_EVERY = 4096;

/**
 * The parser's findings so far as parserFindings will keep them: before any SOA the file may
 * be a fragment, whose records take their TTL from the including file (no zone/no-ttl yet).
 */
function findingsSoFar(state: ParseState): Finding[] {
  return state.ast.findings.filter((f) => state.firstSoa || !(f.ruleId === noTtl.id && f.severity === undefined));
}

function parseText(text: string, state: ParseState, file: FileState, isDocument: boolean, table?: EntryTable): void {
  const lexer = new EntryLexer(text);
  const offer = isDocument ? state.ctx.onPartialFindings : undefined;
  let sinceOffer = 0;
  for (let entry = lexer.next(); entry; entry = lexer.next()) {
    if (state.ctx.isCancelled?.()) {
      if (table) table.unsafe = true;
      return;
    }
    if (offer && ++sinceOffer === OFFER_EVERY) {
      sinceOffer = 0;
      offer(() => findingsSoFar(state));
    }
    if (table) {
      table.offset.push(entry.offset);
      table.line.push(entry.line);
      table.stateIn.push(snapshot(state, file));
    }
    parseEntry(entry, state, file, isDocument);
    if (table) {
      table.recordsEnd.push(state.ast.records.length);
      table.findingsEnd.push(state.ast.findings.length);
      table.directivesEnd.push(state.ast.directives.length);
      table.multiLineEnd.push(state.ast.multiLine.length);
      if (entry.recoveries > 0 || state.sawInclude) table.unsafe = true;
    }
  }
}

// ---- Incremental parsing -----------------------------------------------------------------

/**
 * parseZone(text) for a text that differs from the previous parse's in one region: the
 * entries before the region are kept, the entries it touches are lexed and parsed again,
 * and the entries after it are kept (their lines shifted) from the first one whose parser
 * state is the same as last time — a changed $TTL or owner re-reads only as far as it
 * matters. The region is found by comparing the texts (memcmp speed), so it is right
 * whatever `changes` says. Files with $INCLUDE or an unclosed '(' are parsed again whole.
 */
export function reparseZone(prev: ZoneAst, text: string, _changes: TextChange[], ctx: AnalysisContext): ZoneAst {
  const table = prev.entries;
  if (!table || table.unsafe || prev.uri !== ctx.uri) return parseZone(text, ctx);
  const ast = newAst(text, ctx);
  if (ast.origin !== table.startOrigin || ast.originSource !== table.originSource) return parseZone(text, ctx);
  const old = prev.text;
  const min = Math.min(old.length, text.length);
  // Equal chunks compare as strings (memcmp), the last one character by character.
  let a = 0;
  while (a + CHUNK <= min && old.slice(a, a + CHUNK) === text.slice(a, a + CHUNK)) a += CHUNK;
  while (a < min && old.charCodeAt(a) === text.charCodeAt(a)) a++;
  let suffix = 0;
  while (suffix + CHUNK <= min - a && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
  while (suffix < min - a && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const bNew = text.length - suffix;
  const delta = text.length - old.length;
  const n = table.offset.length;
  // The first entry to read again: the last one starting before the change (its line is unchanged).
  // -1: the change comes before the first entry, so everything is read again.
  const i0 = upperBound(table.offset, a - 1) - 1;
  const kept = Math.max(0, i0);
  const endsAt = (end: number[], j: number) => (j > 0 ? end[j - 1] : 0);
  const state = newState(ast, ctx, {});
  const path = uriToPath(ctx.uri);
  const file: FileState = { uri: ctx.uri, origin: ast.origin, dir: path ? dirOf(path) : undefined };
  // The entries read again go to a window table and the AST's lists (empty so far); then they
  // are spliced into the previous parse's lists in place: no copy of 100,000 rows per keystroke.
  const window = newEntryTable(ast);
  const from = i0 >= 0 ? table.offset[i0] : 0;
  if (i0 >= 0) restore(table.stateIn[i0], state, file);
  const row = (entry: Entry) => {
    window.offset.push(entry.offset);
    window.line.push(entry.line);
    window.stateIn.push(snapshot(state, file));
    parseEntry(entry, state, file, true);
    pushEnds(window, ast);
  };
  // Lex from i0 until an entry starts where an old entry started, past the change.
  let sync = -1;
  let lineDelta = 0;
  for (const entry of lexEntries(text, from, i0 >= 0 ? table.line[i0] : 0)) {
    if (entry.recoveries > 0) return parseZone(text, ctx);
    if (entry.offset >= bNew) {
      const j = upperBound(table.offset, entry.offset - delta) - 1;
      if (j >= 0 && table.offset[j] === entry.offset - delta) {
        sync = j;
        lineDelta = entry.line - table.line[j];
        break;
      }
    }
    row(entry);
    if (state.sawInclude) return parseZone(text, ctx);
  }
  // After the change: read old entries again until the parser's state is what it was there.
  // `tail`: the first old entry kept after the window (n: none).
  let tail = n;
  for (let k = sync; k >= 0 && k < n; k++) {
    if (sameSnapshot(snapshot(state, file), table.stateIn[k])) {
      tail = k;
      break;
    }
    const it = lexEntries(text, table.offset[k] + delta, table.line[k] + lineDelta).next();
    if (it.done) break;
    row(it.value);
    if (state.sawInclude) return parseZone(text, ctx);
  }
  if (tail === n) lineDelta = 0;
  // prev.records[start, oldEnd) became the window's records; the ones after move by lineDelta lines.
  const start = endsAt(table.recordsEnd, kept);
  const oldEnd = endsAt(table.recordsEnd, tail);
  noteReparse(prev, ast, start, oldEnd, start + ast.records.length, tail < n ? { fromLine: table.line[tail], delta: lineDelta } : undefined);
  const lists = [
    ['records', table.recordsEnd, shiftRecord],
    ['findings', table.findingsEnd, shiftFinding],
    ['directives', table.directivesEnd, shiftDirective],
    ['multiLine', table.multiLineEnd, (m: { line: number; endLine: number }, d: number) => ({ line: m.line + d, endLine: m.endLine + d })],
  ] as const;
  const moved: Record<string, number> = {};
  for (const [name, ends, shift] of lists) {
    const at = endsAt(ends, kept);
    const to = endsAt(ends, tail);
    const windowItems = ast[name] as unknown[];
    moved[name] = at + windowItems.length - to;
    const list = spliceIn(prev[name] as unknown[], at, to - at, windowItems);
    if (lineDelta !== 0) for (let i = at + windowItems.length; i < list.length; i++) list[i] = (shift as (x: unknown, d: number) => unknown)(list[i], lineDelta);
    (ast as unknown as Record<string, unknown[]>)[name] = list;
  }
  // The entry table: window rows (their ends counted from the window's start) in place of the
  // rows re-read; the rows after it move by delta characters, lineDelta lines and `moved` items.
  const rows = window.offset.length;
  const endColumns = [
    ['recordsEnd', 'records'],
    ['findingsEnd', 'findings'],
    ['directivesEnd', 'directives'],
    ['multiLineEnd', 'multiLine'],
  ] as const;
  const entries: EntryTable = { ...table, startOrigin: ast.origin, originSource: ast.originSource, unsafe: false };
  for (const [column, list] of endColumns) {
    const base = endsAt(table[column], kept);
    const w = window[column];
    for (let i = 0; i < w.length; i++) w[i] += base;
    entries[column] = spliceIn(table[column], kept, tail - kept, w);
    const add = moved[list];
    if (add !== 0) for (let i = kept + rows; i < entries[column].length; i++) entries[column][i] += add;
  }
  entries.offset = spliceIn(table.offset, kept, tail - kept, window.offset);
  entries.line = spliceIn(table.line, kept, tail - kept, window.line);
  entries.stateIn = spliceIn(table.stateIn, kept, tail - kept, window.stateIn);
  if (delta !== 0 || lineDelta !== 0) {
    for (let i = kept + rows; i < entries.offset.length; i++) {
      entries.offset[i] += delta;
      entries.line[i] += lineDelta;
    }
  }
  prev.entries = undefined; // its rows are the new parse's now
  ast.entries = entries;
  settleApex(ast, ast.records.find((r) => r.type === 'SOA'));
  return ast;
}

/** list with list[at, at + remove) replaced by items: in place, or a new array for a big window. */
function spliceIn<T>(list: T[], at: number, remove: number, items: T[]): T[] {
  if (items.length > 10000) return list.slice(0, at).concat(items, list.slice(at + remove));
  list.splice(at, remove, ...items);
  return list;
}

/** Index of the first element greater than `x` in an ascending list. */
function upperBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushEnds(table: EntryTable, ast: ZoneAst): void {
  table.recordsEnd.push(ast.records.length);
  table.findingsEnd.push(ast.findings.length);
  table.directivesEnd.push(ast.directives.length);
  table.multiLineEnd.push(ast.multiLine.length);
}

function restore(s: ParseSnapshot, state: ParseState, file: FileState): void {
  file.origin = s.origin;
  file.owner = s.owner;
  state.defaultTtl = s.defaultTtl;
  state.lastTtl = s.lastTtl;
  state.warnedRfc1035Ttl = s.warnedRfc1035Ttl;
  state.generated = s.generated;
  state.generatedChars = s.generatedChars;
}

/** Texts are compared in chunks this long first. */
const CHUNK = 4096;

function shiftToken(t: Token, d: number, seen: Map<Token, Token>): Token {
  let s = seen.get(t);
  if (!s) {
    s = { ...t, line: t.line + d };
    seen.set(t, s);
  }
  return s;
}

function shiftRecord(r: ZoneRecord, d: number): ZoneRecord {
  const seen = new Map<Token, Token>();
  const t = (x: Token) => shiftToken(x, d, seen);
  const out: ZoneRecord = { ...r, typeToken: t(r.typeToken), rdata: r.rdata.map(t), line: r.line + d, endLine: r.endLine + d };
  if (r.ownerToken) out.ownerToken = t(r.ownerToken);
  if (r.ttlToken) out.ttlToken = t(r.ttlToken);
  if (r.classToken) out.classToken = t(r.classToken);
  if (r.values) out.values = r.values.map((v) => ({ ...v, tokens: v.tokens.map(t) }));
  return out;
}

function shiftRange(r: Finding['range'], d: number): Finding['range'] {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

function shiftFinding(f: Finding, d: number): Finding {
  if (f.uri) return f;
  const out: Finding = { ...f, range: shiftRange(f.range, d) };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: shiftRange(e.range, d) })) }));
  if (f.related) out.related = f.related.map((x) => (x.uri ? x : { ...x, range: shiftRange(x.range, d) }));
  return out;
}

function shiftDirective(dir: Directive, d: number): Directive {
  const seen = new Map<Token, Token>();
  return { ...dir, name: shiftToken(dir.name, d, seen), args: dir.args.map((x) => shiftToken(x, d, seen)), line: dir.line + d, endLine: dir.endLine + d };
}

function snapshot(state: ParseState, file: FileState): ParseSnapshot {
  return { origin: file.origin, owner: file.owner, defaultTtl: state.defaultTtl, lastTtl: state.lastTtl, warnedRfc1035Ttl: state.warnedRfc1035Ttl, generated: state.generated, generatedChars: state.generatedChars };
}

export function sameSnapshot(a: ParseSnapshot, b: ParseSnapshot): boolean {
  return a.origin === b.origin && a.owner === b.owner && a.defaultTtl === b.defaultTtl && a.lastTtl === b.lastTtl && a.warnedRfc1035Ttl === b.warnedRfc1035Ttl && a.generated === b.generated && a.generatedChars === b.generatedChars;
}

function report(state: ParseState, file: FileState, ruleId: string, range: Finding['range'], message: string, extra: Partial<Finding> = {}): void {
  state.ast.findings.push({ ruleId, range, message, ...(file.uri !== state.ctx.uri ? { uri: file.uri } : {}), ...extra });
}

function atToken(state: ParseState, file: FileState, ruleId: string, t: Token, message: string, extra: Partial<Finding> = {}): void {
  report(state, file, ruleId, tokenRange(t), message, extra);
}

/** Range for "near eol": just after the last token of the entry. */
function eolRange(entry: Pick<Entry, 'tokens'>): Finding['range'] {
  const last = entry.tokens[entry.tokens.length - 1];
  return lineRange(last.line, last.end, last.end);
}

function parseEntry(entry: Entry, state: ParseState, file: FileState, isDocument: boolean): void {
  for (let k = 0; k < entry.problems.length; k++) {
    const p = entry.problems[k];
    report(state, file, syntax.id, lineRange(p.line, p.start, p.end), p.message === 'unbalanced quotes' ? 'Unbalanced quotes: a quoted string must end on the line it starts (named-checkzone: "unbalanced quotes")' : 'Unbalanced parentheses (named-checkzone: "unbalanced parentheses")');
  }
  if (entry.tokens.length === 0) return;
  if (isDocument && entry.endLine > entry.line) state.ast.multiLine.push({ line: entry.line, endLine: entry.endLine });
  const first = entry.tokens[0];
  if (!entry.blankOwner && first.text.startsWith('$') && !first.quoted) {
    parseDirective(entry, state, file);
    return;
  }
  parseRecord(entry.tokens, entry, state, file, false);
}

function parseDirective(entry: Entry, state: ParseState, file: FileState): void {
  const [name, ...args] = entry.tokens;
  const directive: Directive = { name, args, line: entry.line, endLine: entry.endLine, ...(file.uri !== state.ctx.uri ? { uri: file.uri } : {}) };
  state.ast.directives.push(directive);
  const upper = name.text.toUpperCase();
  const need = (n: number, what: string): boolean => {
    if (args.length >= n) return true;
    report(state, file, syntax.id, lineRange(name.line, name.end, name.end), `${name.text} needs ${what} (unexpected end of input)`);
    return false;
  };
  const extra = (max: number) => {
    if (args.length > max) atToken(state, file, syntax.id, args[max], `Extra text after ${name.text} (extra input text)`);
  };
  switch (upper) {
    case '$ORIGIN': {
      if (!need(1, 'a domain name')) return;
      const r = parseName(args[0].text, file.origin);
      if (r.error || !r.key) {
        atToken(state, file, r.error === 'label too long' || r.error === 'ran out of space' || r.error === 'name too long' ? nameTooLong.id : syntax.id, args[0], `$ORIGIN '${args[0].text}': ${r.error}`);
        return;
      }
      // The apex's own string when it names the apex: every record carries the origin, and
      // the checks compare it with the apex per record (one pointer, not 20-odd characters).
      file.origin = r.key === state.ast.origin ? state.ast.origin : r.key;
      extra(1);
      return;
    }
    case '$TTL': {
      if (!need(1, 'a TTL')) return;
      const r = readTtl(args[0].text);
      if (r.error !== undefined) {
        atToken(state, file, syntax.id, args[0], `$TTL '${args[0].text}' is not a TTL (seconds or units like 1h30m)`);
        return;
      }
      let ttl = r.value;
      if (ttl > MAX_TTL) {
        atToken(state, file, ttlTooLarge.id, args[0], `$TTL ${ttl} > MAXTTL, setting $TTL to 0 (RFC 2181 §8)`);
        ttl = 0;
      }
      state.defaultTtl = ttl;
      extra(1);
      return;
    }
    case '$INCLUDE':
      state.sawInclude = true;
      if (!need(1, 'a file name')) return;
      followInclude(directive, args, state, file);
      extra(2);
      return;
    case '$GENERATE':
      expandGenerate(entry, args, state, file);
      return;
    default:
      atToken(state, file, syntax.id, name, `Unknown directive '${name.text}' (expected $ORIGIN, $TTL, $INCLUDE or $GENERATE)`);
  }
}

function followInclude(directive: Directive, args: Token[], state: ParseState, file: FileState): void {
  const nameToken = args[0];
  const rawName = nameToken.quoted ? nameToken.text.slice(1, -1) : nameToken.text.replace(/\\(.)/g, '$1');
  if (!state.ctx.readFile || !file.dir) {
    atToken(state, file, include.id, nameToken, `$INCLUDE ${rawName} is not followed here (restricted workspace or unsaved file); its records are not checked`, { severity: 'information' });
    return;
  }
  const path = normalizePath(rawName.startsWith('/') ? rawName : `${file.dir}/${rawName}`, state.ctx);
  const uri = `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  if (state.includeStack.includes(path) || state.includeStack.length > MAX_INCLUDE_DEPTH) {
    atToken(state, file, include.id, nameToken, `$INCLUDE ${rawName} includes itself (include cycle: ${[...state.includeStack, path].map((u) => u.slice(u.lastIndexOf('/') + 1)).join(' -> ')})`);
    return;
  }
  if (state.includeChars >= MAX_INCLUDE_CHARS) {
    atToken(state, file, include.id, nameToken, `$INCLUDE ${rawName} is not followed: this zone's includes already read ${MAX_INCLUDE_CHARS >> 20} MiB`, { severity: 'warning' });
    return;
  }
  let text: string | undefined;
  try {
    text = state.ctx.readFile(path);
  } catch (e) {
    // The include policy refused it (outside the workspace, a device, not a zone file…).
    if (e instanceof IncludeRefused) {
      atToken(state, file, include.id, nameToken, `$INCLUDE ${rawName} is not followed: ${e.reason}`, { severity: 'warning' });
      return;
    }
    text = undefined;
  }
  if (text === undefined) {
    atToken(state, file, include.id, nameToken, `${rawName}: file not found (named-checkzone rejects the zone)`);
    return;
  }
  state.includeChars += text.length;
  let origin = file.origin;
  if (args[1]) {
    const r = parseName(args[1].text, file.origin);
    if (!r.key) {
      atToken(state, file, syntax.id, args[1], `$INCLUDE origin '${args[1].text}': ${r.error}`);
      return;
    }
    origin = r.key;
  }
  state.ast.includes.push({ directive, uri, path, text });
  state.includeStack.push(path);
  // The included file starts with the given origin and the current owner; afterwards the
  // includer's origin and owner are restored (RFC 1035 §5.1).
  parseText(text, state, { uri, origin, owner: file.owner, dir: dirOf(path) }, false);
  state.includeStack.pop();
}

/** /^\d/.test(text) without a regex (every record's type token is asked). */
function startsWithDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isBlankOwnerEntry(entry: Pick<Entry, 'blankOwner'>): boolean {
  return entry.blankOwner;
}

/**
 * Reads `[owner] [ttl] [class] type rdata` from tokens. For $GENERATE, `generated` is true
 * and the tokens carry the positions of the template.
 */
function parseRecord(tokens: Token[], entry: Pick<Entry, 'blankOwner' | 'line' | 'endLine' | 'endChar' | 'tokens'> & Partial<Pick<Entry, 'offset' | 'recoveries'>>, state: ParseState, file: FileState, generated: boolean): ZoneRecord | undefined {
  let i = 0;
  let owner: string | undefined;
  let ownerToken: Token | undefined;
  if (isBlankOwnerEntry(entry)) {
    owner = file.owner;
    if (!owner) {
      report(state, file, syntax.id, tokenRange(tokens[0]), 'No current owner name: the first record needs an owner in column 1');
      return undefined;
    }
  } else {
    ownerToken = tokens[i++];
    const r = parseName(ownerToken.text, file.origin);
    if (!r.key || ownerToken.quoted) {
      const error = r.error ?? 'syntax error';
      atToken(state, file, error === 'label too long' || error === 'ran out of space' || error === 'name too long' ? nameTooLong.id : syntax.id, ownerToken, `Owner '${ownerToken.text}': ${error}`);
      return undefined;
    }
    owner = r.key;
    if (!generated) file.owner = owner;
  }
  let ttlToken: Token | undefined;
  let classToken: Token | undefined;
  let cls: string | undefined;
  for (let k = 0; k < 2 && i < tokens.length; k++) {
    const t = tokens[i];
    if (!ttlToken && !t.quoted && looksLikeTtl(t.text)) {
      ttlToken = t;
      i++;
    } else if (!classToken && !t.quoted && (cls = lookupClass(t.text)) !== undefined) {
      classToken = t;
      i++;
    } else if (!ttlToken && !t.quoted && startsWithDigit(t.text) && readTtl(t.text).error === 'out of range') {
      atToken(state, file, syntax.id, t, `TTL '${t.text}' is out of range (at most 4294967295)`);
      return undefined;
    } else break;
  }
  const typeToken = tokens[i++];
  if (!typeToken) {
    const last = tokens[tokens.length - 1];
    report(state, file, syntax.id, lineRange(last.line, last.end, last.end), 'Record has no type (unexpected end of line)');
    return undefined;
  }
  const looked = lookupType(typeToken.text);
  if (looked.code === undefined || looked.unknownToBind || typeToken.quoted) {
    atToken(state, file, unknownType.id, typeToken, `Unknown RR type '${typeToken.text}'${/^TYPE\d+$/i.test(typeToken.text) ? ' (TYPEnnn must be 0-65535)' : ''}`);
    return undefined;
  }
  if (looked.meta) {
    atToken(state, file, unknownType.id, typeToken, `Invalid use of a meta type: '${typeToken.text}' is a query type, not data`);
    return undefined;
  }
  const spec = looked.type;
  const type = spec?.name ?? `TYPE${looked.code}`;
  // The RDATA is the rest of the entry's own token array, its head dropped in place (no copy
  // per record): nothing reads the entry's tokens after this. shift() is a builtin; setting
  // `length` is a runtime call, ~5x slower on these short arrays.
  const rdata = tokens;
  for (let k = 0; k < i; k++) tokens.shift();

  // TTL: explicit, else $TTL, else the SOA minimum or the last explicit TTL (BIND's fallbacks,
  // in dns_master_load's order: the SOA minimum only while no TTL has been seen, and then it
  // stands as the default, like a $TTL, so later records take it without another warning).
  let ttl: number;
  if (ttlToken) {
    ttl = readTtl(ttlToken.text).value ?? 0;
    if (ttl > MAX_TTL) {
      atToken(state, file, ttlTooLarge.id, ttlToken, `TTL ${ttl} > MAXTTL, setting TTL to 0 (RFC 2181 §8)`);
      ttl = 0;
    }
    state.lastTtl = ttl;
  } else if (state.defaultTtl !== undefined) ttl = state.defaultTtl;
  else if (type === 'SOA' && state.lastTtl === undefined && rdata.length >= 7 && readTtl(rdata[6].text).value !== undefined && !rdata.some((t) => t.text === '\\#')) {
    ttl = readTtl(rdata[6].text).value!;
    if (ttl > MAX_TTL) ttl = 0; // limit_ttl(): BIND warns "$TTL … > MAXTTL" and takes 0
    atToken(state, file, noTtl.id, typeToken, 'No TTL specified; using SOA MINTTL instead (add a $TTL line)', { severity: 'warning' });
    state.lastTtl = ttl;
    state.defaultTtl = ttl;
  } else if (state.lastTtl !== undefined) {
    ttl = state.lastTtl;
    if (!state.warnedRfc1035Ttl) {
      state.warnedRfc1035Ttl = true;
      atToken(state, file, noTtl.id, typeToken, `No TTL specified; using the previous record's TTL ${ttl} (RFC 1035 semantics; add a $TTL line)`, { severity: 'warning' });
    }
  } else {
    ttl = 0;
    atToken(state, file, noTtl.id, typeToken, 'No TTL specified and no $TTL: named-checkzone rejects the zone');
  }

  const klass = cls ?? state.zoneClass;
  if (klass !== state.zoneClass) {
    atToken(state, file, classMismatch.id, classToken!, `Class '${classToken!.text.toUpperCase()}' != zone class '${state.zoneClass}'`);
    return undefined;
  }

  const record: ZoneRecord = {
    owner,
    ownerToken,
    ttl,
    ttlToken,
    class: klass,
    classToken,
    type,
    code: looked.code,
    typeToken,
    spec,
    rdata,
    line: entry.line,
    endLine: entry.endLine,
    endChar: entry.endChar,
    origin: file.origin,
  };
  if (file.uri !== state.ctx.uri) record.uri = file.uri;
  if (generated) record.generated = true;

  const problem = readRecordData(record);
  if (problem) {
    reportRdataProblem(problem, record, entry, state, file);
    return undefined;
  }
  // Lexed again from its offset, the entry is the same unless the lexer had run out of paren
  // recoveries (a fresh lexer would recover) or the tokens are a $GENERATE line's.
  state.emit(record, !generated && entry.offset !== undefined && entry.recoveries! < MAX_PAREN_RECOVERIES ? entry.offset : -1);
  return record;
}

/**
 * The record of the entry at `offset` of `text` (a file parseZone read, with `onRecord`'s
 * offset), read again as it was the first time: `origin` and, for a blank owner, `owner` as
 * they were there. The CLI's index keeps no record objects; it reads one again when a finding
 * needs a token's position or its RDATA is compared. Undefined when the entry is not a record.
 */
export function rereadRecord(text: string, offset: number, line: number, origin: string, owner: string, uri: string, documentUri: string): ZoneRecord | undefined {
  const entry = new EntryLexer(text, offset, line).next();
  if (!entry || entry.tokens.length === 0 || (!entry.blankOwner && entry.tokens[0].text.startsWith('$') && !entry.tokens[0].quoted)) return undefined;
  const ctx: AnalysisContext = { uri: documentUri, settings: {} as AnalysisContext['settings'] };
  const ast: ZoneAst = { origin, originSource: 'none', records: [], fragment: false, directives: [], findings: [], includes: [], multiLine: [], text: '', uri: documentUri };
  // A default TTL: the record's TTL is not what is asked for, and no no-ttl finding is made.
  const state: ParseState = { ctx, zoneClass: 'IN', defaultTtl: 0, warnedRfc1035Ttl: true, ast, includeStack: [], includeChars: 0, generated: 0, generatedChars: 0, emit: () => {} };
  return parseRecord(entry.tokens, entry, state, { uri, origin, owner }, false) ?? undefined;
}

/** One read context per origin (the origin rarely changes). */
let lastReadContext = { origin: '', typeCode: typeCodeInRdata };
const readContext = (origin: string) => (lastReadContext.origin === origin ? lastReadContext : (lastReadContext = { origin, typeCode: typeCodeInRdata }));

/** Reads the record's RDATA into values (or wire octets); returns BIND's first problem. */
function readRecordData(record: ZoneRecord): RdataProblem | undefined {
  const { rdata, spec } = record;
  // BIND 9.18 reads a TXT's unquoted \# as the string "#" unless a length (digits) follows
  // it: `TXT \# -1` is "#" "-1" (named-checkzone accepts it); other types say "not a number".
  const txtHash = record.type === 'TXT' && rdata.length > 0 && (rdata.length === 1 || rdata[1].quoted || !/^[0-9]+$/.test(rdata[1].text));
  if (rdata.length > 0 && rdata[0].text === '\\#' && !rdata[0].quoted && !txtHash) {
    const g = readGenericRdata(rdata);
    if (g.problem) return g.problem;
    record.wire = g.wire;
    if (spec && spec.fields.length > 0) {
      const problem = checkWire(spec.fields, g.wire!) ?? (spec.minWire && g.wire!.length < spec.minWire ? 'unexpected end of input' : undefined);
      if (problem) return { message: problem };
    }
    return undefined;
  }
  if (rdata.length === 0 && (!spec || spec.fields.length === 0)) return { message: 'unexpected end of input' };
  if (!spec) return { message: `unknown type: RDATA must be in RFC 3597 form '\\# length hex'`, token: rdata[0] };
  if (spec.fields.length === 0) return undefined;
  const r = readRdata(spec.fields, rdata, readContext(record.origin));
  if (r.problem) return r.problem;
  const bad = spec.check?.(r.values);
  if (bad) return { message: bad };
  record.values = r.values;
  return undefined;
}

function reportRdataProblem(problem: RdataProblem, record: ZoneRecord, entry: Pick<Entry, 'tokens'>, state: ParseState, file: FileState): void {
  const range = problem.token ? tokenRange(problem.token) : eolRange({ tokens: record.rdata.length ? record.rdata : [record.typeToken] });
  void entry;
  const near = problem.token ? `'${problem.token.text}'` : 'end of record';
  if (problem.kind === 'ipv4') {
    report(state, file, badIpv4.id, range, `'${problem.token!.text}' is not an IPv4 address (bad dotted quad)`);
  } else if (problem.kind === 'txt-too-long') {
    const fix = problem.token ? splitStringFix(problem.token) : undefined;
    report(state, file, txtStringTooLong.id, range, `${record.type} string is over 255 octets; split it into several quoted strings (named-checkzone: syntax error)`, fix && !record.generated ? { fixes: [fix] } : {});
  } else if (problem.kind === 'name-length') {
    report(state, file, nameTooLong.id, range, `${record.type} name ${near}: ${problem.message} (labels at most 63 octets, names at most 255)`);
  } else {
    report(state, file, badRdata.id, range, `${record.type} record: ${problem.message} near ${near}${fieldHint(record)}`);
  }
}

/** "(fields: preference exchange)" so the message says what the type expects. */
function fieldHint(record: ZoneRecord): string {
  const fields = record.spec?.fields;
  return fields && fields.length ? ` (expected: ${fields.map((f) => f.name).join(', ')})` : '';
}

// ---- $GENERATE (BIND) -------------------------------------------------------------------

interface Template {
  token: Token;
  parts: Array<string | { offset: number; width: number; base: string }>;
}

function compileTemplate(token: Token): Template | string {
  const text = token.quoted ? token.text.slice(1, -1) : token.text;
  const parts: Template['parts'] = [];
  let lit = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      lit += '$';
      i++;
    } else if (c === '$') {
      if (lit) parts.push(lit);
      lit = '';
      if (text[i + 1] === '{') {
        const close = text.indexOf('}', i);
        if (close < 0) return `unterminated \${ in '${text}'`;
        const m = /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(text.slice(i + 2, close));
        if (!m) return `bad modifier '${text.slice(i, close + 1)}' (expected \${offset[,width[,base]]})`;
        const width = Number(m[2] ?? 0);
        if (width > MAX_GENERATE_WIDTH) return `width ${m[2]} in '${text.slice(i, close + 1)}' is over ${MAX_GENERATE_WIDTH} (no name or string can be that long)`;
        parts.push({ offset: Number(m[1]), width, base: m[3] ?? 'd' });
        i = close;
      } else parts.push({ offset: 0, width: 0, base: 'd' });
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return { token, parts };
}

function nibbles(value: number, upper: boolean): string {
  const hex = value.toString(16);
  return [...hex].reverse().join('.')[upper ? 'toUpperCase' : 'toLowerCase']();
}

function expand(t: Template, n: number): string {
  let out = '';
  for (const p of t.parts) {
    if (typeof p === 'string') out += p;
    else {
      const v = n + p.offset;
      if (v > 0x7fffffff || v < -0x80000000) return '\u0000';
      let s: string;
      // genname() prints the int with %o/%x/%X (and nibbles() in hex): a negative value
      // comes out as its unsigned 32-bit form, -976 as fffffc30.
      const u = v >>> 0;
      switch (p.base) {
        case 'o':
          s = u.toString(8);
          break;
        case 'x':
          s = u.toString(16);
          break;
        case 'X':
          s = u.toString(16).toUpperCase();
          break;
        case 'n':
        case 'N':
          s = nibbles(u, p.base === 'N');
          break;
        default:
          s = String(v);
      }
      out += s.padStart(p.width, '0');
    }
  }
  return out;
}

function expandGenerate(entry: Entry, args: Token[], state: ParseState, file: FileState): void {
  const name = entry.tokens[0];
  if (args.length < 4) {
    report(state, file, generate.id, tokenRange(name), '$GENERATE needs: range lhs [ttl] [class] type rhs');
    return;
  }
  const rangeToken = args[0];
  const m = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(rangeToken.text);
  if (!m) {
    atToken(state, file, generate.id, rangeToken, `$GENERATE: invalid range '${rangeToken.text}' (expected start-stop[/step])`);
    return;
  }
  const [start, stop, step] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  if (start > stop || step < 1 || readUint(m[1], 0xffffffff).error || readUint(m[2], 0xffffffff).error) {
    atToken(state, file, generate.id, rangeToken, `$GENERATE: invalid range '${rangeToken.text}'${start > stop ? ' (start is after stop)' : ''}`);
    return;
  }
  const count = Math.floor((stop - start) / step) + 1;
  if (count > MAX_GENERATE) {
    atToken(state, file, generate.id, rangeToken, `$GENERATE range '${rangeToken.text}' makes more than ${MAX_GENERATE} records; not expanded here`, { severity: 'warning' });
    return;
  }
  if (state.generated + count > MAX_GENERATE) {
    atToken(state, file, generate.id, rangeToken, `$GENERATE range '${rangeToken.text}' would bring this zone's $GENERATE lines over ${MAX_GENERATE} records in all; not expanded here`, { severity: 'warning' });
    return;
  }
  const lhs = compileTemplate(args[1]);
  const rhsToken = args[args.length - 1];
  const rhs = compileTemplate(rhsToken);
  for (const [t, c] of [
    [args[1], lhs],
    [rhsToken, rhs],
  ] as const) {
    if (typeof c === 'string') {
      atToken(state, file, generate.id, t, `$GENERATE: ${c}`);
      return;
    }
  }
  const middle = args.slice(2, -1);
  const savedOwner = file.owner;
  const first = { count: 0 };
  for (let n = start; n <= stop; n += step) {
    const owner = { ...args[1], text: expand(lhs as Template, n), quoted: false };
    // The right-hand side is RDATA text: lex it again and keep the template's position.
    const rhsText = expand(rhs as Template, n);
    state.generated++;
    state.generatedChars += owner.text.length + rhsText.length;
    if (state.generatedChars > MAX_GENERATE_CHARS) {
      atToken(state, file, generate.id, rangeToken, `$GENERATE: this zone's $GENERATE lines make more than ${MAX_GENERATE_CHARS >> 20} MiB of text; expansion stopped at iteration ${n}`, { severity: 'warning' });
      break;
    }
    if (owner.text.includes('\u0000') || rhsText.includes('\u0000')) {
      atToken(state, file, generate.id, owner.text.includes('\u0000') ? args[1] : rhsToken, `$GENERATE: iteration ${n}: the offset makes the value out of range`);
      break;
    }
    const rhsTokens: Token[] = [];
    for (const e of lexEntries(rhsText)) for (const t of e.tokens) rhsTokens.push({ ...t, line: rhsToken.line, start: rhsToken.start, end: rhsToken.end });
    const tokens = [owner, ...middle, ...rhsTokens];
    const before = state.ast.findings.length;
    parseRecord(tokens, { blankOwner: false, line: entry.line, endLine: entry.endLine, endChar: entry.endChar, tokens }, state, file, true);
    // One finding per $GENERATE line is enough: stop at the first bad iteration.
    if (state.ast.findings.length > before) {
      const f = state.ast.findings[state.ast.findings.length - 1];
      f.message = `$GENERATE iteration ${n}: ${f.message}`;
      break;
    }
    first.count++;
  }
  file.owner = savedOwner;
}

export type { Severity };
