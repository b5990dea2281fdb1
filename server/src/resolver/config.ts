// The resolver configuration glibc (res_vinit_1 + res_setoptions, glibc 2.36) or musl
// (__get_resolv_conf, musl 1.2) derives from a resolv.conf text, every value with the line
// it came from, plus notes on what each reader did with the lines it skipped or changed
// (languages/resolvconf's rules and hovers read those notes). The DNS lookup commands
// (live/dns), the k8s pod DNS rules and the container reading use resolverConfig() and
// candidateNames() too, which is why this model has a room of its own.

import type { Range } from '../core/finding';
import { classfulMask, formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './address';
import { type ResolvConfAst, type ResolvLine, type Word, makeWord, parseResolvConf } from './parser';
import {
  DEFDNAME_SIZE,
  FLAG_OPTIONS,
  type FlagName,
  type Libc,
  MAXDNSRCH,
  MAXNS,
  MAXRESOLVSORT,
  MUSL_MAX_LINE,
  REMOVED_OPTIONS,
  VALUE_OPTIONS,
} from './options';

export { type CandidatePlanOptions, candidateNames } from './plan';
export { MAXNS } from './options';
export type { Libc } from './options';

/** glibc's caps (resolv/resolv.h); musl's are in options.ts. */
export const MAX_NDOTS = 15;
export const MAX_TIMEOUT = 30;
export const MAX_ATTEMPTS = 5;

/** Where a value came from: a file line, the environment, the hostname, or the default. */
export type SourceKind = 'file' | 'default' | 'RES_OPTIONS' | 'LOCALDOMAIN' | 'hostname';

export interface Source {
  kind: SourceKind;
  /** 0-based editor line; -1 when the value does not come from the file. */
  line: number;
  /** The token in the file. */
  range?: Range;
  /** The text as written (file token or environment word). */
  written?: string;
}

export interface Nameserver {
  /**
   * The address queries go to, as inet_ntop prints it (10.1 → 10.0.0.1), with the `%scope`
   * of a link-local IPv6 server appended as sockets take it (fe80::1%eth0).
   */
  address: string;
  /** 0-based line of the nameserver line it came from; -1 for the 127.0.0.1 fallback. */
  line: number;
  family: 4 | 6;
  /** The %scope of a link-local IPv6 server, as written. */
  scope?: string;
  source: Source;
}

export interface SearchDomain {
  name: string;
  source: Source;
}

export interface NumberSetting {
  /** The value the resolver uses. */
  value: number;
  source: Source;
  /** What was written, when the resolver changed it (capped, wrapped, unparsable). */
  requested?: string;
}

export interface SortlistEntry {
  address: string;
  mask: string;
  source: Source;
}

export type NoteKind =
  | 'ignored-line' // indented, wrong case, no separator, or keyword alone
  | 'unknown-keyword'
  | 'missing-value'
  | 'nameserver-invalid'
  | 'nameserver-past-limit'
  | 'nameserver-scope'
  | 'search-replaced'
  | 'domain-extra-words'
  | 'localdomain-override'
  | 'value-changed' // capped, wrapped or unparsable numeric option
  | 'option-unknown'
  | 'option-prefix'
  | 'option-deprecated'
  | 'option-ignored' // an option the selected libc does not read
  | 'option-overridden' // a later options line (or RES_OPTIONS) set it again
  | 'line-too-long' // musl skips lines of 255+ characters
  | 'crlf'
  | 'sortlist-invalid'
  | 'sortlist-mask'
  | 'sortlist-past-limit'
  | 'sortlist-hang';

export interface Note {
  kind: NoteKind;
  /** 0-based editor line. */
  line: number;
  range: Range;
  /** The token concerned, as written. */
  text: string;
  /** A short statement of what the resolver does, used in messages and hovers. */
  detail: string;
  /** For value-changed: the option, the cap and the value used. */
  option?: string;
  cap?: number;
  value?: number;
  /** For option-prefix: the flag the word turned on. */
  flag?: FlagName;
  /** The line that wins over this one (search-replaced, option-overridden). */
  otherLine?: number;
}

export interface ResolverConfig {
  libc: Libc;
  /** Servers in the order queries go to them (at most MAXNS; 127.0.0.1 when none is valid). */
  nameservers: Nameserver[];
  /** Every domain searched, in order (glibc ≥ 2.26 and musl have no count limit). */
  search: string[];
  searchDomains: SearchDomain[];
  /** Which line (or variable) set the search list. */
  searchSource: Source;
  /** glibc's public `_res.dnsrch` view: at most 6 domains in 256 bytes (what res_ninit shows). */
  dnsrchView: string[];
  ndots: number;
  timeout: number;
  attempts: number;
  rotate: boolean;
  settings: { ndots: NumberSetting; timeout: NumberSetting; attempts: NumberSetting };
  /** Flags in force (glibc only; musl reads none), each with the word that set it. */
  flags: Partial<Record<FlagName, Source>>;
  sortlist: SortlistEntry[];
  /** glibc never returns from res_init on this file (a sortlist quirk): the line that hangs it. */
  hangsAt?: Source;
  notes: Note[];
}

export interface ResolverOptions {
  /** Default glibc. */
  libc?: Libc;
  /** RES_OPTIONS / LOCALDOMAIN as the process sees them (glibc reads both; musl neither). */
  env?: { RES_OPTIONS?: string; LOCALDOMAIN?: string };
  /** The machine's hostname: glibc takes the search domain from it when the file sets none. */
  hostname?: string;
}

const DEFAULT_SOURCE: Source = { kind: 'default', line: -1 };

export function resolverConfig(text: string, options: ResolverOptions = {}): ResolverConfig {
  return evaluate(parseResolvConf(text), options);
}

/** The configuration from an already parsed file (the language server caches the parse). */
export function evaluate(ast: ResolvConfAst, options: ResolverOptions = {}): ResolverConfig {
  return (options.libc ?? 'glibc') === 'musl' ? evaluateMusl(ast) : evaluateGlibc(ast, options);
}

function emptyConfig(libc: Libc): ResolverConfig {
  const setting = (name: 'ndots' | 'timeout' | 'attempts'): NumberSetting => ({
    value: VALUE_OPTIONS.find((o) => o.name === name)!.default,
    source: DEFAULT_SOURCE,
  });
  return {
    libc,
    nameservers: [],
    search: [],
    searchDomains: [],
    searchSource: DEFAULT_SOURCE,
    dnsrchView: [],
    ndots: 1,
    timeout: 5,
    attempts: 2,
    rotate: false,
    settings: { ndots: setting('ndots'), timeout: setting('timeout'), attempts: setting('attempts') },
    flags: {},
    sortlist: [],
    notes: [],
  };
}

function fileSource(l: ResolvLine, w: Word): Source {
  return { kind: 'file', line: l.line, range: w.range, written: w.text };
}

const KEYWORDS = ['nameserver', 'domain', 'search', 'sortlist', 'options'];

/** glibc's MATCH: the keyword at column 0, then a space or a tab. */
function glibcKeyword(l: ResolvLine): string | undefined {
  if (l.kind !== 'keyword') return undefined;
  return KEYWORDS.includes(l.keyword.text) ? l.keyword.text : undefined;
}

/** Notes for lines neither resolver reads: they vanish without a trace. */
function noteIgnoredLine(l: ResolvLine, cfg: ResolverConfig): void {
  if (l.kind === 'blank' || l.kind === 'comment') return;
  const word = l.keyword;
  if (word.text.startsWith('#') || word.text.startsWith(';')) return; // an indented comment: skipped, as meant
  if (l.kind === 'keyword' && KEYWORDS.includes(word.text)) return;
  const lower = word.text.toLowerCase();
  const keyword = KEYWORDS.find((k) => lower === k || lower.startsWith(k));
  let kind: NoteKind = 'ignored-line';
  let detail: string;
  if (word.offset !== l.offset) detail = keyword ? `'${word.text}' is indented: keywords only count in column 0` : 'an indented line is skipped';
  else if (keyword && word.text === keyword) {
    kind = 'missing-value';
    detail = `'${keyword}' has no value`;
  } else if (keyword && lower === keyword) detail = `keywords are lowercase: '${word.text}' is not '${keyword}'`;
  else if (keyword && word.text.startsWith(keyword)) detail = `'${keyword}' must be followed by a space or a tab`;
  else {
    kind = 'unknown-keyword';
    detail = 'the resolver skips this line';
  }
  cfg.notes.push({ kind, line: l.line, range: word.range, text: word.text, detail });
}

// ---------------------------------------------------------------------------- glibc

function evaluateGlibc(ast: ResolvConfAst, options: ResolverOptions): ResolverConfig {
  const cfg = emptyConfig('glibc');
  const env = options.env ?? {};
  const validServers: Nameserver[] = [];
  let searchLine: { l: ResolvLine; word: Word } | undefined;
  const localdomain = env.LOCALDOMAIN;
  if (localdomain !== undefined) {
    cfg.searchDomains = splitLocaldomain(localdomain).map((name) => ({ name, source: { kind: 'LOCALDOMAIN', line: -1, written: name } }));
    cfg.searchSource = { kind: 'LOCALDOMAIN', line: -1, written: localdomain };
  }
  let crlfNoted = false;
  for (const l of ast.lines) {
    if (l.raw.endsWith('\r') && !crlfNoted && l.kind !== 'blank') {
      crlfNoted = true;
      cfg.notes.push({ kind: 'crlf', line: l.line, range: ast.index.rangeOf(l.offset + l.raw.length - 1, l.offset + l.raw.length - 1), text: '\r', detail: 'glibc keeps the \\r in the last word of every line' });
    }
    const keyword = glibcKeyword(l);
    if (!keyword) {
      noteIgnoredLine(l, cfg);
      continue;
    }
    if (keyword === 'options') {
      setOptions(cfg, l.raw.slice(7) + (l.hasNewline ? '\n' : ''), l.offset + 7, ast, l);
      continue;
    }
    if (l.values.length === 0) {
      if (keyword !== 'sortlist') cfg.notes.push({ kind: 'missing-value', line: l.line, range: l.keyword.range, text: keyword, detail: `'${keyword}' has no value: the line is skipped` });
      continue;
    }
    if (keyword === 'domain' || keyword === 'search') {
      if (localdomain !== undefined) {
        cfg.notes.push({ kind: 'localdomain-override', line: l.line, range: l.keyword.range, text: keyword, detail: 'LOCALDOMAIN is set: glibc ignores this line' });
        continue;
      }
      if (searchLine) {
        cfg.notes.push({ kind: 'search-replaced', line: searchLine.l.line, range: searchLine.word.range, text: searchLine.word.text, detail: `replaced by the '${keyword}' line ${l.line + 1}`, otherLine: l.line });
      }
      searchLine = { l, word: l.keyword };
      const words = keyword === 'domain' ? l.values.slice(0, 1) : l.values;
      if (keyword === 'domain' && l.values.length > 1) {
        const extra = l.values[1];
        const last = l.values[l.values.length - 1];
        cfg.notes.push({ kind: 'domain-extra-words', line: l.line, range: { start: extra.range.start, end: last.range.end }, text: extra.text, detail: "glibc keeps only the first word of 'domain'" });
      }
      cfg.searchDomains = words.map((w) => ({ name: w.text, source: fileSource(l, w) }));
      cfg.searchSource = fileSource(l, l.keyword);
      continue;
    }
    if (keyword === 'nameserver') {
      const w = l.values[0];
      const parsed = parseNameserver(w.text, 'glibc');
      if (!parsed) {
        cfg.notes.push({ kind: 'nameserver-invalid', line: l.line, range: w.range, text: w.text, detail: invalidNameserverDetail(w.text) });
        continue;
      }
      validServers.push({ ...parsed, line: l.line, source: fileSource(l, w) });
      continue;
    }
    if (keyword === 'sortlist') {
      if (readSortlist(cfg, ast, l)) break;
    }
  }
  if (cfg.hangsAt) return cfg;
  finishNameservers(cfg, validServers);
  if (cfg.searchDomains.length === 0 && options.hostname?.includes('.')) {
    const domain = options.hostname.slice(options.hostname.indexOf('.') + 1);
    cfg.searchDomains = [{ name: domain, source: { kind: 'hostname', line: -1, written: options.hostname } }];
    cfg.searchSource = { kind: 'hostname', line: -1, written: options.hostname };
  }
  if (env.RES_OPTIONS !== undefined) setOptions(cfg, env.RES_OPTIONS, undefined, ast, undefined);
  cfg.search = cfg.searchDomains.map((d) => d.name);
  cfg.dnsrchView = dnsrchView(cfg.search);
  if (cfg.sortlist.length > MAXRESOLVSORT) {
    for (const e of cfg.sortlist.slice(MAXRESOLVSORT)) {
      cfg.notes.push({ kind: 'sortlist-past-limit', line: e.source.line, range: e.source.range!, text: e.source.written ?? '', detail: `only the first ${MAXRESOLVSORT} sortlist entries are used` });
    }
    cfg.sortlist = cfg.sortlist.slice(0, MAXRESOLVSORT);
  }
  return cfg;
}

/** LOCALDOMAIN is split on spaces and tabs; glibc keeps a leading empty entry. */
function splitLocaldomain(value: string): string[] {
  const cut = value.indexOf('\n');
  const v = cut >= 0 ? value.slice(0, cut) : value;
  const out: string[] = [];
  let current = '';
  let inName = true;
  for (const ch of v) {
    if (ch === ' ' || ch === '\t') {
      if (inName) out.push(current);
      current = '';
      inName = false;
    } else {
      current += ch;
      inName = true;
    }
  }
  if (inName) out.push(current);
  return out;
}

/** glibc ≥ 2.26 searches every domain; `_res.dnsrch` shows at most 6 that fit in 256 bytes. */
function dnsrchView(search: string[]): string[] {
  const view: string[] = [];
  let used = 0;
  for (const d of search) {
    if (view.length === MAXDNSRCH) break;
    const size = Buffer.byteLength(d, 'utf8') + 1;
    if (used + size > DEFDNAME_SIZE) break;
    used += size;
    view.push(d);
  }
  return view;
}

function finishNameservers(cfg: ResolverConfig, valid: Nameserver[]): void {
  for (const ns of valid.slice(MAXNS)) {
    cfg.notes.push({ kind: 'nameserver-past-limit', line: ns.line, range: ns.source.range!, text: ns.source.written ?? ns.address, detail: `only the first ${MAXNS} nameservers are used; this one is never asked` });
  }
  cfg.nameservers = valid.slice(0, MAXNS);
  if (cfg.nameservers.length === 0) cfg.nameservers = [{ address: '127.0.0.1', line: -1, family: 4, source: DEFAULT_SOURCE }];
}

function parseNameserver(token: string, libc: Libc): Omit<Nameserver, 'line' | 'source'> | undefined {
  const v4 = parseIPv4(token);
  if (v4 !== undefined) return { address: formatIPv4(v4), family: 4 };
  const percent = token.indexOf('%');
  const addressPart = percent >= 0 ? token.slice(0, percent) : token;
  const groups = parseIPv6(addressPart);
  if (!groups) return undefined;
  const scope = percent >= 0 ? token.slice(percent + 1) : undefined;
  if (libc === 'musl' && scope !== undefined && !/^[0-9]+$/.test(scope)) {
    // musl resolves a named scope with if_nametoindex, and only for link-local addresses.
    const linkLocal = (groups[0] & 0xffc0) === 0xfe80 || (groups[0] & 0xff0f) === 0xff02;
    if (!linkLocal) return undefined;
  }
  // glibc ignores a scope it cannot parse (__inet6_scopeid_pton fails: scope id 0).
  const usableScope = scope !== undefined && /^[A-Za-z0-9_.:-]{1,15}$/.test(scope) ? scope : undefined;
  return { address: usableScope !== undefined ? `${formatIPv6(groups)}%${usableScope}` : formatIPv6(groups), family: 6, scope: usableScope };
}

function invalidNameserverDetail(token: string): string {
  if (token.endsWith('\r')) return 'the \\r of a CRLF line ending makes the address invalid';
  if (/^\[.*\]$/.test(token)) return 'brackets are not allowed around an IPv6 address';
  if (/^[0-9.]+:[0-9]+$/.test(token)) return 'a port cannot be given: resolvers always use port 53';
  if (/^[0-9.]+[;,#]/.test(token)) return 'text after the address makes it invalid (comments need a space before them)';
  if (/[a-z]/i.test(token) && !token.includes(':')) return 'a nameserver must be an IP address, not a host name';
  return 'not a valid IPv4 or IPv6 address';
}

/** Returns true when glibc would hang on this line (res_init never returns). */
function readSortlist(cfg: ResolverConfig, ast: ResolvConfAst, l: ResolvLine): boolean {
  const s = l.raw + (l.hasNewline ? '\n' : '');
  const isMask = (c: string) => c === '/' || c === '&';
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
  const isAscii = (c: string) => c.charCodeAt(0) < 128;
  let i = 8;
  for (;;) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length || s[i] === '\n' || s[i] === ';') return false;
    const netStart = i;
    while (i < s.length && !isMask(s[i]) && s[i] !== ';' && isAscii(s[i]) && !isSpace(s[i])) i++;
    const net = s.slice(netStart, i);
    if (net === '') {
      // glibc's loop does not advance past this character: res_init spins forever.
      const c = s[i];
      const what = c === '\r' ? 'the \\r of a CRLF line ending' : isMask(c) ? `'${c}' with no address before it` : `the non-ASCII character '${c}'`;
      cfg.notes = cfg.notes.filter((n) => !(n.kind === 'sortlist-invalid' && n.line === l.line));
      // A CRLF is one line break in editor positions: the range covers both or it would end between them.
      const width = c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      cfg.hangsAt = { kind: 'file', line: l.line, range: ast.index.rangeOf(l.offset + i, l.offset + i + width), written: c };
      cfg.notes.push({ kind: 'sortlist-hang', line: l.line, range: cfg.hangsAt.range!, text: c, detail: `glibc's sortlist reader loops forever on ${what}: every program that resolves a name on this machine hangs` });
      return true;
    }
    const addr = parseIPv4(net);
    const sep = s[i] ?? '';
    if (addr === undefined) {
      cfg.notes.push({ kind: 'sortlist-invalid', line: l.line, range: ast.index.rangeOf(l.offset + netStart, l.offset + i), text: net, detail: 'not an IPv4 address: the entry is skipped' });
      continue;
    }
    let mask = classfulMask(addr);
    let end = i;
    if (isMask(sep)) {
      i++;
      const maskStart = i;
      while (i < s.length && s[i] !== ';' && isAscii(s[i]) && !isSpace(s[i])) i++;
      const maskText = s.slice(maskStart, i);
      const parsed = parseIPv4(maskText);
      end = i;
      const maskRange = ast.index.rangeOf(l.offset + maskStart, l.offset + i);
      if (parsed !== undefined) {
        mask = parsed;
        if (/^[0-9]{1,2}$/.test(maskText)) {
          cfg.notes.push({ kind: 'sortlist-mask', line: l.line, range: maskRange, text: maskText, detail: `'${sep}${maskText}' is read as the netmask ${formatIPv4(parsed)}, not a prefix length` });
        }
      } else {
        cfg.notes.push({ kind: 'sortlist-mask', line: l.line, range: maskRange, text: maskText, detail: `'${maskText}' is not a netmask: the classful mask ${formatIPv4(mask)} is used` });
      }
    }
    const word = makeWord(s.slice(netStart, end), l.offset + netStart, ast.index);
    cfg.sortlist.push({ address: formatIPv4(addr), mask: formatIPv4(mask >>> 0), source: fileSource(l, word) });
  }
}

/**
 * glibc's res_setoptions over one `options` line (or RES_OPTIONS): words split on spaces and
 * tabs; ndots:/timeout:/attempts: read with atoi from there to the end of the text; any other
 * word is compared with each flag by prefix.
 */
function setOptions(cfg: ResolverConfig, s: string, baseOffset: number | undefined, ast: ResolvConfAst, l: ResolvLine | undefined): void {
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && s[i] !== ' ' && s[i] !== '\t') i++;
    const tokenText = s.slice(start, i);
    if (tokenText === '\n') continue;
    const visible = tokenText.replace(/[\r\n]+$/, '');
    const range = baseOffset !== undefined ? ast.index.rangeOf(baseOffset + start, baseOffset + start + visible.length) : undefined;
    const source: Source = l ? { kind: 'file', line: l.line, range, written: visible } : { kind: 'RES_OPTIONS', line: -1, written: visible };
    const note = (n: Omit<Note, 'line' | 'range' | 'text'>) => {
      if (l && range) cfg.notes.push({ line: l.line, range, text: visible, ...n });
    };
    const valueOption = VALUE_OPTIONS.find((o) => tokenText.startsWith(`${o.name}:`));
    if (valueOption) {
      const raw = atoi(s.slice(start + valueOption.name.length + 1));
      const cap = valueOption.caps.glibc;
      let value = raw <= cap ? raw : cap;
      // ndots lives in a 4-bit field of _res: negative values wrap (-1 → 15).
      if (valueOption.name === 'ndots') value = value & 15;
      const setting: NumberSetting = { value, source };
      const argument = visible.slice(valueOption.name.length + 1);
      if (raw > cap) {
        setting.requested = argument;
        note({ kind: 'value-changed', option: valueOption.name, cap, value, detail: `${valueOption.name}:${argument} is capped at ${cap} by glibc` });
      } else if (value !== raw || raw < 0) {
        setting.requested = argument;
        note({ kind: 'value-changed', option: valueOption.name, cap, value, detail: `${valueOption.name}:${argument} is negative: glibc uses ${value}` });
      } else if (!/^[0-9]+$/.test(argument)) {
        setting.requested = argument;
        note({ kind: 'value-changed', option: valueOption.name, cap, value, detail: `'${argument || '(nothing)'}' is not a number: glibc reads it with atoi and uses ${value}` });
      }
      const previous = cfg.settings[valueOption.name];
      if (previous.source.kind === 'file' && l && previous.source.range) {
        cfg.notes.push({ kind: 'option-overridden', line: previous.source.line, range: previous.source.range, text: previous.source.written ?? '', detail: `overridden by ${visible} on line ${l.line + 1}`, otherLine: l.line });
      }
      cfg.settings[valueOption.name] = setting;
      cfg[valueOption.name] = value;
      continue;
    }
    const flag = FLAG_OPTIONS.find((f) => tokenText.startsWith(f.spelling));
    if (flag) {
      if (flag.deprecated) note({ kind: 'option-deprecated', detail: flag.summary });
      else if (visible !== flag.spelling) note({ kind: 'option-prefix', flag: flag.flag, detail: `glibc compares only the first ${flag.spelling.length} characters: '${visible}' turns on ${flag.flag}` });
      if (!flag.deprecated) cfg.flags[flag.flag] = source;
      if (flag.flag === 'rotate') cfg.rotate = true;
      continue;
    }
    if (REMOVED_OPTIONS[visible] !== undefined) note({ kind: 'option-deprecated', detail: `${REMOVED_OPTIONS[visible]}: ignored` });
    else note({ kind: 'option-unknown', detail: 'glibc ignores words it does not know' });
  }
}

/** C atoi as glibc implements it: strtol (leading white space, a sign, digits), then cast to int. */
export function atoi(s: string): number {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  let value = 0n;
  const LONG_MAX = (1n << 63n) - 1n;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') {
    value = value * 10n + BigInt(s.charCodeAt(i) - 48);
    if (value > LONG_MAX + 1n) value = LONG_MAX + 1n;
    i++;
  }
  let long = negative ? -value : value;
  if (long > LONG_MAX) long = LONG_MAX;
  return Number(BigInt.asIntN(32, long));
}

// ---------------------------------------------------------------------------- musl

const MUSL_SPACE = ' \t\n\v\f\r';

/** musl's isspace(line[n]): the line as fgets returns it, '\n' included. */
function muslSpaceAfter(l: ResolvLine, n: number): boolean {
  if (n < l.raw.length) return MUSL_SPACE.includes(l.raw[n]);
  return n === l.raw.length && l.hasNewline;
}

function evaluateMusl(ast: ResolvConfAst): ResolverConfig {
  const cfg = emptyConfig('musl');
  const valid: Nameserver[] = [];
  let searchLine: { l: ResolvLine; word: Word } | undefined;
  for (const l of ast.lines) {
    if (l.raw.length > MUSL_MAX_LINE) {
      if (l.kind !== 'comment') cfg.notes.push({ kind: 'line-too-long', line: l.line, range: l.keyword.range, text: l.keyword.text, detail: `musl skips lines of ${MUSL_MAX_LINE + 1} characters or more (this one has ${l.raw.length})` });
      continue;
    }
    const raw = l.raw;
    if (raw.startsWith('options') && muslSpaceAfter(l, 7)) {
      readMuslOptions(cfg, ast, l);
      continue;
    }
    if (raw.startsWith('nameserver') && muslSpaceAfter(l, 10)) {
      let p = 11;
      while (p < raw.length && MUSL_SPACE.includes(raw[p])) p++;
      let z = p;
      while (z < raw.length && !MUSL_SPACE.includes(raw[z])) z++;
      const word = makeWord(raw.slice(p, z), l.offset + p, ast.index);
      if (word.text === '') {
        cfg.notes.push({ kind: 'missing-value', line: l.line, range: l.keyword.range, text: 'nameserver', detail: "'nameserver' has no value: the line is skipped" });
        continue;
      }
      const parsed = parseNameserver(word.text, 'musl');
      if (!parsed) {
        const scoped = word.text.includes('%') && parseNameserver(word.text, 'glibc');
        const detail = scoped ? 'musl accepts a named %scope only on a link-local address (glibc ignores the scope)' : invalidNameserverDetail(word.text);
        cfg.notes.push({ kind: 'nameserver-invalid', line: l.line, range: word.range, text: word.text, detail });
        continue;
      }
      if (parsed.scope !== undefined && !/^[0-9]+$/.test(parsed.scope)) {
        cfg.notes.push({ kind: 'nameserver-scope', line: l.line, range: word.range, text: word.text, detail: `musl drops this server unless an interface named '${parsed.scope}' exists where it runs` });
      }
      valid.push({ ...parsed, line: l.line, source: fileSource(l, word) });
      continue;
    }
    if ((raw.startsWith('domain') || raw.startsWith('search')) && muslSpaceAfter(l, 6)) {
      if (searchLine) {
        cfg.notes.push({ kind: 'search-replaced', line: searchLine.l.line, range: searchLine.word.range, text: searchLine.word.text, detail: `replaced by the '${raw.slice(0, 6)}' line ${l.line + 1}`, otherLine: l.line });
      }
      const keywordWord = makeWord(raw.slice(0, 6), l.offset, ast.index);
      searchLine = { l, word: keywordWord };
      // musl keeps the rest of the line and splits it on white space later: `domain a b` searches both.
      cfg.searchDomains = [];
      let p = 7;
      while (p < raw.length) {
        while (p < raw.length && MUSL_SPACE.includes(raw[p])) p++;
        const s = p;
        while (p < raw.length && !MUSL_SPACE.includes(raw[p])) p++;
        if (p > s) cfg.searchDomains.push({ name: raw.slice(s, p), source: fileSource(l, makeWord(raw.slice(s, p), l.offset + s, ast.index)) });
      }
      cfg.searchSource = fileSource(l, keywordWord);
      continue;
    }
    if (l.kind === 'keyword' && l.keyword.text === 'sortlist') {
      cfg.notes.push({ kind: 'option-ignored', line: l.line, range: l.keyword.range, text: 'sortlist', detail: 'musl ignores sortlist lines' });
      continue;
    }
    noteIgnoredLine(l, cfg);
  }
  finishNameservers(cfg, valid);
  cfg.search = cfg.searchDomains.map((d) => d.name);
  cfg.dnsrchView = cfg.search;
  return cfg;
}

/** musl finds each of ndots:, attempts:, timeout: with strstr (first occurrence) anywhere on the line. */
function readMuslOptions(cfg: ResolverConfig, ast: ResolvConfAst, l: ResolvLine): void {
  const line = l.raw + (l.hasNewline ? '\n' : '');
  const seen = new Set<number>();
  for (const spec of VALUE_OPTIONS) {
    const key = `${spec.name}:`;
    const at = line.indexOf(key);
    if (at < 0) continue;
    let end = at + key.length;
    while (end < l.raw.length && !MUSL_SPACE.includes(l.raw[end])) end++;
    const tokenStart = tokenStartBefore(l.raw, at);
    seen.add(tokenStart);
    const written = l.raw.slice(tokenStart, end);
    const word = makeWord(written, l.offset + tokenStart, ast.index);
    const after = line.slice(at + key.length);
    const okStart = /^[0-9]/.test(after) || (spec.name === 'timeout' && after.startsWith('.'));
    const digits = /^[0-9]+/.exec(after)?.[0];
    if (!okStart || digits === undefined) {
      cfg.notes.push({ kind: 'value-changed', line: l.line, range: word.range, text: written, option: spec.name, cap: spec.caps.musl, value: cfg[spec.name], detail: `musl needs a digit right after '${key}': this one is ignored` });
      continue;
    }
    const requested = Number(digits);
    const cap = spec.caps.musl;
    const value = requested > cap ? cap : requested;
    const setting: NumberSetting = { value, source: fileSource(l, word) };
    if (requested > cap) {
      setting.requested = digits;
      cfg.notes.push({ kind: 'value-changed', line: l.line, range: word.range, text: written, option: spec.name, cap, value, detail: `${spec.name}:${digits} is capped at ${cap} by musl` });
    }
    if (tokenStart !== at) {
      cfg.notes.push({ kind: 'option-prefix', line: l.line, range: word.range, text: written, detail: `musl finds '${key}' anywhere on the line: '${written}' sets ${spec.name}` });
    }
    const previous = cfg.settings[spec.name];
    if (previous.source.kind === 'file' && previous.source.range) {
      cfg.notes.push({ kind: 'option-overridden', line: previous.source.line, range: previous.source.range, text: previous.source.written ?? '', detail: `overridden by line ${l.line + 1}`, otherLine: l.line });
    }
    cfg.settings[spec.name] = setting;
    cfg[spec.name] = value;
  }
  // Every other word: a flag musl ignores, or a repeated value option only the first of which counts.
  for (const w of l.values) {
    const visible = w.text.replace(/\r$/, '');
    if (visible === '' || seen.has(w.offset - l.offset)) continue;
    const spec = VALUE_OPTIONS.find((o) => visible.startsWith(`${o.name}:`));
    if (spec) {
      cfg.notes.push({ kind: 'option-ignored', line: l.line, range: w.range, text: visible, detail: `musl reads only the first '${spec.name}:' of a line` });
      continue;
    }
    const flag = FLAG_OPTIONS.find((f) => visible.startsWith(f.spelling));
    if (flag && !flag.deprecated) cfg.notes.push({ kind: 'option-ignored', line: l.line, range: w.range, text: visible, flag: flag.flag, detail: `musl ignores '${visible}' (it reads only ndots, timeout and attempts)` });
    else if (flag || REMOVED_OPTIONS[visible] !== undefined) cfg.notes.push({ kind: 'option-deprecated', line: l.line, range: w.range, text: visible, detail: flag ? flag.summary : `${REMOVED_OPTIONS[visible]}: ignored` });
    else cfg.notes.push({ kind: 'option-unknown', line: l.line, range: w.range, text: visible, detail: 'musl ignores words it does not know' });
  }
}

function tokenStartBefore(raw: string, at: number): number {
  let s = at;
  while (s > 0 && !MUSL_SPACE.includes(raw[s - 1])) s--;
  return s;
}

const cache = new WeakMap<ResolvConfAst, Partial<Record<Libc, ResolverConfig>>>();

/** The file's configuration for one libc, computed once per parse (rules, hovers and hints share it). */
export function configFor(ast: ResolvConfAst, libc: Libc): ResolverConfig {
  let entry = cache.get(ast);
  if (!entry) cache.set(ast, (entry = {}));
  return (entry[libc] ??= evaluate(ast, { libc }));
}
