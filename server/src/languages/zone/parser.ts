// The master-file parser: entries from the lexer -> directives and records with absolute
// owners, TTLs, classes, types and RDATA read by the record-type table. BIND semantics:
// blank owner = previous owner, '@' = current origin, TTL and class in either order,
// $ORIGIN/$TTL/$INCLUDE/$GENERATE. It never throws; every problem becomes a finding on the
// exact token, and the next entry is read as if nothing happened (per-record recovery).

import { IncludeRefused } from '../../core/includePolicy';
import type { Finding, Severity } from '../../core/finding';
import { lineRange } from '../../core/finding';
import type { AnalysisContext } from '../../core/languageService';
import { lexEntries, type Entry, type Token } from './lexer';
import type { Directive, ZoneAst, ZoneRecord } from './model';
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

/** $GENERATE ranges larger than this are refused (BIND has no limit; an editor needs one). */
const MAX_GENERATE = 65536;
const MAX_INCLUDE_DEPTH = 20;

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
  includeStack: string[];
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
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

export function parseZone(text: string, ctx: AnalysisContext): ZoneAst {
  const ast: ZoneAst = { origin: '.', originSource: 'none', records: [], fragment: false, directives: [], findings: [], includes: [], multiLine: [], text, uri: ctx.uri };
  // The apex: the first $ORIGIN before any record, else the setting (--origin), else the file name.
  const firstOrigin = leadingOrigin(text);
  const fromSetting = normalizeOrigin(ctx.settings.zone?.origin ?? '');
  const fromName = originFromFileName(ctx.uri);
  if (firstOrigin) [ast.origin, ast.originSource] = [firstOrigin, '$ORIGIN'];
  else if (fromSetting) [ast.origin, ast.originSource] = [fromSetting, 'setting'];
  else if (fromName) [ast.origin, ast.originSource] = [fromName, 'file name'];
  const state: ParseState = { ctx, zoneClass: 'IN', warnedRfc1035Ttl: false, ast, includeStack: [ctx.uri] };
  const path = uriToPath(ctx.uri);
  parseText(text, state, { uri: ctx.uri, origin: ast.origin, dir: path ? dirOf(path) : undefined }, true);
  // An SOA is always at the apex: prefer its owner when $ORIGIN named a parent
  // ("$ORIGIN com." then "example SOA …") or nothing named the zone.
  const soa = ast.records.find((r) => r.type === 'SOA');
  ast.fragment = !soa;
  if (soa && soa.owner !== ast.origin && (ast.originSource === 'none' || (ast.originSource === '$ORIGIN' && isAtOrBelow(soa.owner, ast.origin)))) {
    [ast.origin, ast.originSource] = [soa.owner, 'SOA owner'];
  }
  return ast;
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

function parseText(text: string, state: ParseState, file: FileState, isDocument: boolean): void {
  for (const entry of lexEntries(text)) {
    if (state.ctx.isCancelled?.()) return;
    parseEntry(entry, state, file, isDocument);
  }
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
  for (const p of entry.problems) report(state, file, syntax.id, lineRange(p.line, p.start, p.end), p.message === 'unbalanced quotes' ? 'Unbalanced quotes: a quoted string must end on the line it starts (named-checkzone: "unbalanced quotes")' : 'Unbalanced parentheses (named-checkzone: "unbalanced parentheses")');
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
      file.origin = r.key;
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
  const path = rawName.startsWith('/') ? rawName : `${file.dir}/${rawName}`;
  const uri = `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  if (state.includeStack.includes(uri) || state.includeStack.length > MAX_INCLUDE_DEPTH) {
    atToken(state, file, include.id, nameToken, `$INCLUDE ${rawName} includes itself (include cycle: ${[...state.includeStack, uri].map((u) => u.slice(u.lastIndexOf('/') + 1)).join(' -> ')})`);
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
  state.includeStack.push(uri);
  // The included file starts with the given origin and the current owner; afterwards the
  // includer's origin and owner are restored (RFC 1035 §5.1).
  parseText(text, state, { uri, origin, owner: file.owner, dir: dirOf(path) }, false);
  state.includeStack.pop();
}

function isBlankOwnerEntry(entry: Pick<Entry, 'blankOwner'>): boolean {
  return entry.blankOwner;
}

/**
 * Reads `[owner] [ttl] [class] type rdata` from tokens. For $GENERATE, `generated` is true
 * and the tokens carry the positions of the template.
 */
function parseRecord(tokens: Token[], entry: Pick<Entry, 'blankOwner' | 'line' | 'endLine' | 'endChar' | 'tokens'>, state: ParseState, file: FileState, generated: boolean): ZoneRecord | undefined {
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
    } else if (!classToken && !t.quoted && lookupClass(t.text)) {
      classToken = t;
      cls = lookupClass(t.text);
      i++;
    } else if (!ttlToken && !t.quoted && /^\d/.test(t.text) && readTtl(t.text).error === 'out of range') {
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
  const rdata = tokens.slice(i);

  // TTL: explicit, else $TTL, else the SOA minimum or the last explicit TTL (BIND's fallbacks).
  let ttl: number;
  if (ttlToken) {
    ttl = readTtl(ttlToken.text).value ?? 0;
    if (ttl > MAX_TTL) {
      atToken(state, file, ttlTooLarge.id, ttlToken, `TTL ${ttl} > MAXTTL, setting TTL to 0 (RFC 2181 §8)`);
      ttl = 0;
    }
    state.lastTtl = ttl;
  } else if (state.defaultTtl !== undefined) ttl = state.defaultTtl;
  else if (type === 'SOA' && rdata.length >= 7 && readTtl(rdata[6].text).value !== undefined && !rdata.some((t) => t.text === '\\#')) {
    ttl = readTtl(rdata[6].text).value!;
    atToken(state, file, noTtl.id, typeToken, 'No TTL specified; using SOA MINTTL instead (add a $TTL line)', { severity: 'warning' });
    state.lastTtl = ttl;
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
    ...(file.uri !== state.ctx.uri ? { uri: file.uri } : {}),
    ...(generated ? { generated } : {}),
  };

  const problem = readRecordData(record);
  if (problem) {
    reportRdataProblem(problem, record, entry, state, file);
    return undefined;
  }
  state.ast.records.push(record);
  return record;
}

const readContext = (origin: string) => ({ origin, typeCode: typeCodeInRdata });

/** Reads the record's RDATA into values (or wire octets); returns BIND's first problem. */
function readRecordData(record: ZoneRecord): RdataProblem | undefined {
  const { rdata, spec } = record;
  if (rdata.length > 0 && rdata[0].text === '\\#' && !rdata[0].quoted) {
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
        parts.push({ offset: Number(m[1]), width: Number(m[2] ?? 0), base: m[3] ?? 'd' });
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
      switch (p.base) {
        case 'o':
          s = v.toString(8);
          break;
        case 'x':
          s = v.toString(16);
          break;
        case 'X':
          s = v.toString(16).toUpperCase();
          break;
        case 'n':
        case 'N':
          s = nibbles(v, p.base === 'N');
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
  if ((stop - start) / step >= MAX_GENERATE) {
    atToken(state, file, generate.id, rangeToken, `$GENERATE range '${rangeToken.text}' makes more than ${MAX_GENERATE} records; not expanded here`, { severity: 'warning' });
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
