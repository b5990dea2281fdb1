// resolv.conf rules. Each names what the resolver will actually do with the line; the
// semantics come from config.ts (one evaluation per libc), the rules only word them.

import type { Finding, Fix, Range } from '../../core/finding';
import type { AnalysisContext } from '../../core/languageService';
import { runContained } from '../../core/internalError';
import { defineRule, type RuleMeta } from '../../core/rules';
import { closestMatch } from '../../core/suggest';
import { isLoopback } from '../../resolver/address';
import { configFor, type Note, type NoteKind, type ResolverConfig } from '../../resolver/config';
import { KEYWORD_NAMES, type Libc, OPTION_SPELLINGS } from '../../resolver/options';
import type { ResolvConfAst } from '../../resolver/parser';
import { lineAt } from './hover';
import { queryPlan } from '../../resolver/plan';

/** Keywords glibc's res_init acts on (resolv/res_init.c); anything else is skipped. */
export const KEYWORDS = KEYWORD_NAMES;

const rule = (id: string, defaultSeverity: RuleMeta['defaultSeverity'], title: string): RuleMeta =>
  defineRule({ id: `resolvconf/${id}`, language: 'resolvconf', defaultSeverity, title });

export const unknownKeyword = rule('unknown-keyword', 'warning', 'Line starts with a keyword the resolver ignores');
export const ignoredLine = rule('ignored-line', 'warning', 'Keyword the resolver does not see (indented, wrong case, no space after it)');
export const missingValue = rule('missing-value', 'warning', 'Keyword without a value: the line is skipped');
export const invalidNameserver = rule('invalid-nameserver', 'error', 'Nameserver that is not an IP address: the line is dropped');
export const tooManyNameservers = rule('too-many-nameservers', 'warning', 'Nameservers past the third are never asked');
export const noNameserver = rule('no-nameserver', 'warning', 'No usable nameserver: the resolver asks 127.0.0.1');
export const duplicateNameserver = rule('duplicate-nameserver', 'warning', 'The same nameserver listed twice');
export const loopbackNameserver = rule('loopback-nameserver', 'information', 'Loopback nameserver: a local stub, or CoreDNS forwarding to itself');
export const domainAndSearch = rule('domain-and-search', 'warning', 'Several domain/search lines: only the last one counts');
export const searchLimits = rule('search-limits', 'warning', 'Search list past a resolver, kubelet or DNS limit');
export const searchRoot = rule('search-root', 'warning', "musl sends malformed queries for 'search .'");
export const valueCapped = rule('value-capped', 'warning', 'Option value past its cap, negative or unparsable: the resolver uses another value');
export const zeroTimeoutAttempts = rule('zero-timeout-attempts', 'error', 'timeout:0 or attempts:0 (or less): lookups fail or never wait');
export const unknownOption = rule('unknown-option', 'warning', 'Option the resolver does not know: ignored');
export const optionPrefixMatch = rule('option-prefix-match', 'information', 'Option that only works because the resolver matches by prefix');
export const deprecatedOption = rule('deprecated-option', 'warning', 'Option that no longer does anything');
export const ignoredByLibc = rule('ignored-by-libc', 'warning', 'Option the selected libc (musl) ignores');
export const overriddenOption = rule('overridden-option', 'information', 'Option set again later: this value is not used');
export const ndotsAmplification = rule('ndots-amplification', 'information', 'High ndots with a search list: every external lookup costs several queries');
export const rotateSingleServer = rule('rotate-single-server', 'information', 'rotate with a single nameserver does nothing');
export const singleRequestContext = rule('single-request-context', 'hint', 'What single-request(-reopen) changes, and when it is needed');
export const crlfLineEndings = rule('crlf-line-endings', 'error', 'CRLF line endings: glibc keeps the \\r in the values');
export const sortlistMask = rule('sortlist-mask', 'warning', 'sortlist entry or mask that does not mean what it looks like');
export const sortlistHang = rule('sortlist-hang', 'error', 'sortlist text that makes glibc loop forever in res_init');

export const RULES: RuleMeta[] = [
  unknownKeyword,
  ignoredLine,
  missingValue,
  invalidNameserver,
  tooManyNameservers,
  noNameserver,
  duplicateNameserver,
  loopbackNameserver,
  domainAndSearch,
  searchLimits,
  searchRoot,
  valueCapped,
  zeroTimeoutAttempts,
  unknownOption,
  optionPrefixMatch,
  deprecatedOption,
  ignoredByLibc,
  overriddenOption,
  ndotsAmplification,
  rotateSingleServer,
  singleRequestContext,
  crlfLineEndings,
  sortlistMask,
  sortlistHang,
];

const LIBC_NAME: Record<Libc, string> = { glibc: 'glibc', musl: 'musl' };

/** Which rule words each note of the evaluator. */
const NOTE_RULES: Partial<Record<NoteKind, RuleMeta>> = {
  'unknown-keyword': unknownKeyword,
  'ignored-line': ignoredLine,
  'missing-value': missingValue,
  'nameserver-invalid': invalidNameserver,
  'nameserver-scope': invalidNameserver,
  'nameserver-past-limit': tooManyNameservers,
  'search-replaced': domainAndSearch,
  'domain-extra-words': domainAndSearch,
  'value-changed': valueCapped,
  'option-unknown': unknownOption,
  'option-prefix': optionPrefixMatch,
  'option-deprecated': deprecatedOption,
  'option-ignored': ignoredByLibc,
  'option-overridden': overriddenOption,
  'line-too-long': searchLimits,
  crlf: crlfLineEndings,
  'sortlist-invalid': sortlistMask,
  'sortlist-mask': sortlistMask,
  'sortlist-past-limit': sortlistMask,
  'sortlist-hang': sortlistHang,
};

export function lintResolvConf(ast: ResolvConfAst, ctx: Pick<AnalysisContext, 'settings'>): Finding[] {
  const libc = ctx.settings.resolvconf.libc;
  const config = configFor(ast, libc);
  const findings: Finding[] = [];
  for (const note of config.notes) {
    const r = NOTE_RULES[note.kind];
    if (r) findings.push(noteFinding(r, note, ast, config));
  }
  if (config.hangsAt) return findings;
  for (const f of runContained('resolvconf', RESOLVCONF_CHECKS, { ast, config, libc })) findings.push(f);
  return findings;
}

/** Each check contained (a throwing one cannot hide the others); exported for that test. Property names name them in the message. */
const NAMED_CHECKS = {
  checkNoNameserver: (c: ResolvConfCheck) => checkNoNameserver(c.ast, c.config),
  checkDuplicateNameservers: (c: ResolvConfCheck) => checkDuplicateNameservers(c.ast, c.config),
  checkLoopback: (c: ResolvConfCheck) => checkLoopback(c.config),
  checkSearchDomains: (c: ResolvConfCheck) => checkSearchDomains(c.config),
  checkZeroTimeoutAttempts: (c: ResolvConfCheck) => checkZeroTimeoutAttempts(c.config),
  checkAmplification: (c: ResolvConfCheck) => checkAmplification(c.config),
  checkRotate: (c: ResolvConfCheck) => checkRotate(c.config),
  checkSingleRequest: (c: ResolvConfCheck) => checkSingleRequest(c.config),
  checkMuslLongLines: (c: ResolvConfCheck) => (c.libc === 'glibc' ? checkMuslLongLines(c.ast) : []),
};
interface ResolvConfCheck { ast: ResolvConfAst; config: ResolverConfig; libc: Libc }
export const RESOLVCONF_CHECKS: Array<(c: ResolvConfCheck) => Finding[]> = Object.values(NAMED_CHECKS);

/** Kept for callers of the first cut: the unknown-keyword findings alone. */
export function checkUnknownKeyword(ast: ResolvConfAst): Finding[] {
  return configFor(ast, 'glibc')
    .notes.filter((n) => n.kind === 'unknown-keyword')
    .map((n) => noteFinding(unknownKeyword, n, ast, configFor(ast, 'glibc')));
}

function replaceFix(title: string, range: Range, newText: string): Fix {
  return { title, edits: [{ range, newText }], preferred: true };
}

function noteFinding(r: RuleMeta, note: Note, ast: ResolvConfAst, config: ResolverConfig): Finding {
  const f: Finding = { ruleId: r.id, range: note.range, message: '' };
  const who = LIBC_NAME[config.libc];
  switch (note.kind) {
    case 'unknown-keyword': {
      const suggestion = closestMatch(note.text, KEYWORDS);
      f.message = `Unknown keyword '${note.text}': the resolver silently ignores this line.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`;
      if (suggestion) f.fixes = [replaceFix(`Change to '${suggestion}'`, note.range, suggestion)];
      break;
    }
    case 'ignored-line': {
      f.message = `${note.detail}: ${who} ignores this whole line.`;
      const l = lineAt(ast, note.line);
      const keyword = KEYWORDS.find((k) => note.text.toLowerCase().startsWith(k));
      if (l && keyword) {
        if (l.keyword.offset !== l.offset) {
          f.fixes = [replaceFix('Remove the indentation', ast.index.rangeOf(l.offset, l.keyword.offset), '')];
        } else if (note.text.toLowerCase() === keyword) {
          f.fixes = [replaceFix(`Change to '${keyword}'`, note.range, keyword)];
        } else if (note.text.startsWith(keyword)) {
          const at = ast.index.positionAt(l.offset + keyword.length);
          f.fixes = [replaceFix(`Insert a space after '${keyword}'`, { start: at, end: at }, ' ')];
        }
      }
      break;
    }
    case 'missing-value':
      f.message = `'${note.text}' has no value: ${who} skips the line and keeps the earlier setting.`;
      break;
    case 'nameserver-invalid':
      f.message = `'${printable(note.text)}' is not used: ${note.detail}. ${who} drops this line silently.`;
      break;
    case 'nameserver-scope':
      f.severity = 'warning';
      f.message = `${note.detail}.`;
      break;
    case 'nameserver-past-limit':
      f.message = `Nameserver ${note.text} is never asked: ${who} uses only the first 3 valid nameservers.`;
      f.tags = ['unnecessary'];
      f.fixes = deleteLineFix(ast, note.line, 'Remove this nameserver line');
      break;
    case 'search-replaced': {
      const winner = config.searchSource;
      const list = config.search.length ? config.search.map(printable).join(' ') : '(none)';
      f.message = `This '${note.text}' line is replaced by the '${winner.written ?? ''}' line ${note.otherLine! + 1}: 'domain' and 'search' overwrite each other and the last one wins. The search list is: ${list}.`;
      f.tags = ['unnecessary'];
      if (winner.range) f.related = [{ range: winner.range, message: 'the line that wins' }];
      f.fixes = deleteLineFix(ast, note.line, `Remove this '${note.text}' line (it has no effect)`);
      break;
    }
    case 'domain-extra-words':
      f.message = "glibc keeps only the first word of 'domain' (musl searches them all); use 'search' for several domains.";
      break;
    case 'value-changed':
      f.message = `${note.detail}.`;
      break;
    case 'option-unknown': {
      const suggestion = suggestOption(note.text);
      f.message = `Unknown option '${printable(note.text)}': ${who} ignores it.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`;
      if (suggestion) f.fixes = [replaceFix(`Change to '${suggestion}'`, note.range, suggestion)];
      break;
    }
    case 'option-prefix': {
      f.message = `${note.detail}. It works by accident; write it exactly.`;
      if (note.flag) f.fixes = [replaceFix(`Change to '${note.flag}'`, note.range, note.flag)];
      break;
    }
    case 'option-deprecated':
      f.message = `'${note.text}': ${note.detail.replace(/\.$/, '')}.`;
      f.tags = ['deprecated'];
      f.fixes = [replaceFix(`Remove '${note.text}'`, note.range, '')];
      f.fixes[0].preferred = false;
      break;
    case 'option-ignored':
      f.message = `${note.detail}.`;
      f.tags = ['unnecessary'];
      break;
    case 'option-overridden':
      f.message = `'${note.text}' is not used: ${note.detail} (options lines accumulate and later values win).`;
      f.tags = ['unnecessary'];
      break;
    case 'line-too-long':
      f.message = `${note.detail}: on musl (Alpine images) everything this line sets is lost.`;
      break;
    case 'crlf':
      f.message = 'This file has CRLF (Windows) line endings: glibc keeps the \\r, so nameserver lines become invalid (127.0.0.1 is used) and search domains end in \\r. Save with LF endings.';
      f.fixes = [crlfFix(ast)];
      break;
    case 'sortlist-mask': {
      const prefix = /^[0-9]{1,2}$/.test(note.text) ? Number(note.text) : undefined;
      if (prefix !== undefined && prefix <= 32) {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const dotted = [mask >>> 24, (mask >>> 16) & 255, (mask >>> 8) & 255, mask & 255].join('.');
        f.message = `${note.detail}: sortlist takes a dotted netmask, so this entry matches almost nothing. Write ${dotted}.`;
        f.fixes = [replaceFix(`Change to ${dotted}`, note.range, dotted)];
      } else f.message = `${note.detail}.`;
      break;
    }
    case 'sortlist-invalid':
    case 'sortlist-past-limit':
      f.message = `${note.detail}.`;
      break;
    case 'sortlist-hang':
      f.message = `${note.detail}.`;
      break;
  }
  return f;
}

/** Deletes a whole line, its line break included. */
function deleteLineFix(ast: ResolvConfAst, editorLine: number, title: string): Fix[] {
  const l = lineAt(ast, editorLine);
  if (!l) return [];
  const end = l.offset + l.raw.length + (l.hasNewline ? 1 : 0);
  return [{ title, edits: [{ range: ast.index.rangeOf(l.offset, end), newText: '' }] }];
}

function crlfFix(ast: ResolvConfAst): Fix {
  const edits = ast.lines
    .filter((l) => l.raw.endsWith('\r'))
    .map((l) => {
      // The \r and its \n together: in editor positions a CRLF is one line break, so an
      // edit of the \r alone would end between the two and do nothing.
      const at = ast.index.rangeOf(l.offset + l.raw.length - 1, l.offset + l.raw.length + (l.hasNewline ? 1 : 0));
      return { range: at, newText: '\n' };
    });
  return { title: 'Convert to LF line endings', edits, preferred: true };
}

function suggestOption(word: string): string | undefined {
  const m = /^(ndots|timeout|attempts)[=\s]?([0-9]+)$/.exec(word);
  if (m) return `${m[1]}:${m[2]}`;
  // A misspelt name with a value ("timout:3"): correct the name, keep the value.
  const valued = /^([^:]+):(.*)$/.exec(word);
  if (valued) {
    const name = closestMatch(valued[1], OPTION_SPELLINGS.filter((o) => o.endsWith(':')).map((o) => o.slice(0, -1)));
    if (name) return `${name}:${valued[2]}`;
  }
  return closestMatch(word, OPTION_SPELLINGS);
}

function printable(s: string): string {
  return s.replace(/\r/g, '\\r');
}

/** Fires when the file tries to name servers but none survives (a file with no nameserver line may mean a local resolver). */
function checkNoNameserver(ast: ResolvConfAst, config: ResolverConfig): Finding[] {
  if (config.nameservers[0]?.source.kind !== 'default') return [];
  const attempts = ast.lines.filter((l) => (l.kind === 'keyword' || l.kind === 'other') && l.keyword.text.toLowerCase().startsWith('nameserver'));
  if (attempts.length === 0) return [];
  return [
    {
      ruleId: noNameserver.id,
      range: attempts[0].keyword.range,
      message: `None of the ${attempts.length} nameserver line${attempts.length > 1 ? 's' : ''} gives ${LIBC_NAME[config.libc]} a usable server: it queries 127.0.0.1 instead.`,
      related: attempts.slice(1).map((l) => ({ range: l.keyword.range, message: 'also not used' })),
    },
  ];
}

function checkDuplicateNameservers(ast: ResolvConfAst, config: ResolverConfig): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const ns of config.nameservers) {
    if (ns.source.kind !== 'file' || !ns.source.range) continue;
    const key = ns.address;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, ns.line);
      continue;
    }
    out.push({
      ruleId: duplicateNameserver.id,
      range: ns.source.range,
      message: `${ns.address} is already the nameserver on line ${first + 1}: this slot (of 3) asks the same server again instead of a backup.`,
      tags: ['unnecessary'],
      fixes: deleteLineFix(ast, ns.line, 'Remove the duplicate nameserver line'),
    });
  }
  return out;
}

/** A kubelet-written pod file: a cluster search domain or ndots:5. */
function looksLikePod(config: ResolverConfig): boolean {
  return config.search.some((d) => /(^|\.)svc\./.test(d) || d === 'cluster.local') || config.ndots >= 5;
}

function checkLoopback(config: ResolverConfig): Finding[] {
  const out: Finding[] = [];
  const pod = looksLikePod(config);
  for (const ns of config.nameservers) {
    if (ns.source.kind !== 'file' || !ns.source.range || !isLoopback(ns.address)) continue;
    const stub = ns.address === '127.0.0.53' ? 'systemd-resolved\'s stub (127.0.0.53)' : `a local resolver on ${ns.address}`;
    out.push({
      ruleId: loopbackNameserver.id,
      range: ns.source.range,
      severity: pod ? 'warning' : undefined,
      message: pod
        ? `This looks like a pod's resolv.conf, but ${ns.address} is the pod itself: unless something in the pod listens there, every lookup fails. CoreDNS pods given this file ('forward . /etc/resolv.conf') forward to themselves and the loop plugin stops them ("Loop ... detected").`
        : `${stub}: fine on the node, but CoreDNS reads the node's file for 'forward . /etc/resolv.conf' and would forward to itself (the loop plugin's fatal "Loop ... detected"). Point kubelet's --resolv-conf at the real upstreams${ns.address === '127.0.0.53' ? ' (/run/systemd/resolve/resolv.conf)' : ''}.`,
    });
  }
  return out;
}

const KUBELET_MAX_SEARCH = 32;
const KUBELET_MAX_SEARCH_CHARS = 2048;

function checkSearchDomains(config: ResolverConfig): Finding[] {
  const out: Finding[] = [];
  for (const d of config.searchDomains) {
    if (d.source.kind !== 'file' || !d.source.range) continue;
    const name = d.name.replace(/\r$/, '');
    if (name === '.' ) {
      if (config.libc === 'musl') {
        out.push({ ruleId: searchRoot.id, range: d.source.range, message: "musl appends '.' and sends a malformed query for 'name..' before the real one (measured with musl 1.2.3); drop 'search .' in images that use musl." });
      }
      continue;
    }
    // glibc drops one leading dot of a search domain; musl keeps it and cannot encode the name.
    const looked = config.libc === 'glibc' && name.startsWith('.') ? name.slice(1) : name;
    const labels = looked.replace(/\.$/, '').split('.');
    let problem: string | undefined;
    if (name.length > 253) problem = `is ${name.length} characters long (a DNS name has at most 253)`;
    else if (labels.some((l) => l.length > 63)) problem = 'has a label longer than 63 characters';
    else if (labels.some((l) => l === '') && looked !== '') problem = name.startsWith('.') ? 'starts with a dot' : 'has an empty label (two dots in a row)';
    if (problem) {
      const effect = config.libc === 'musl' ? "musl's getaddrinfo fails when it reaches this domain, without sending it or anything after it (measured with musl 1.2.3)" : 'glibc cannot send a name with it and stops the search list there';
      out.push({ ruleId: searchLimits.id, range: d.source.range, message: `Search domain '${name}' ${problem}: ${effect}.` });
    }
  }
  const fromFile = config.searchDomains.filter((d) => d.source.kind === 'file' && d.source.range);
  if (fromFile.length === 0) return out;
  const totalChars = config.search.join(' ').length;
  const first = fromFile[0].source.range!;
  const last = fromFile[fromFile.length - 1].source.range!;
  const span = { start: first.start, end: last.end };
  if (fromFile.length > KUBELET_MAX_SEARCH || totalChars > KUBELET_MAX_SEARCH_CHARS) {
    out.push({
      ruleId: searchLimits.id,
      range: span,
      message: `${fromFile.length} search domains (${totalChars} characters): Kubernetes allows at most ${KUBELET_MAX_SEARCH} domains and ${KUBELET_MAX_SEARCH_CHARS} characters; kubelet trims the list it gives pods ("Search Line limits were exceeded").`,
    });
  } else if (fromFile.length > 6 || totalChars > 255) {
    out.push({
      ruleId: searchLimits.id,
      range: span,
      severity: 'information',
      message: `${fromFile.length} search domains (${totalChars} characters): glibc 2.26+ and musl search them all, but glibc before 2.26 stopped at 6 domains / 256 characters, and every extra domain adds 2 queries to each lookup of a short name.`,
    });
  }
  return out;
}

/** Under glibc, still say when a musl image would lose a long line. */
function checkMuslLongLines(ast: ResolvConfAst): Finding[] {
  return configFor(ast, 'musl')
    .notes.filter((n) => n.kind === 'line-too-long')
    .map((n) => ({
      ruleId: searchLimits.id,
      range: n.range,
      severity: 'information' as const,
      message: `${n.detail}: glibc reads it, but containers built on musl (Alpine) lose everything this line sets.`,
    }));
}

function checkZeroTimeoutAttempts(config: ResolverConfig): Finding[] {
  const out: Finding[] = [];
  const { timeout, attempts } = config.settings;
  if (attempts.value <= 0 && attempts.source.range) {
    out.push({
      ruleId: zeroTimeoutAttempts.id,
      range: attempts.source.range,
      message:
        config.libc === 'glibc'
          ? `attempts:${attempts.value}: glibc's send loop runs zero rounds, so no query is ever sent and every lookup fails at once.`
          : 'attempts:0: musl divides the timeout by the attempt count, so every program that looks up a name dies with SIGFPE (measured with musl 1.2.3); use at least 1.',
    });
  }
  if (timeout.value <= 0 && timeout.source.range) {
    out.push({
      ruleId: zeroTimeoutAttempts.id,
      range: timeout.source.range,
      severity: config.libc === 'glibc' ? 'warning' : undefined,
      message:
        config.libc === 'glibc'
          ? `timeout:${timeout.value}: glibc waits 1 second per try anyway (it never waits less); write the timeout you mean.`
          : 'timeout:0: musl\'s wait loop ends before it starts, so no query is sent and every lookup fails at once.',
    });
  }
  return out;
}

function checkAmplification(config: ResolverConfig): Finding[] {
  const ndots = config.settings.ndots;
  if (config.ndots < 2 || config.search.length === 0 || !ndots.source.range) return [];
  // A typical external name: two dots (api.github.com), or one when ndots is 2.
  const example = config.ndots > 2 ? 'api.github.com' : 'example.com';
  const dots = example.split('.').length - 1;
  const plan = queryPlan(example, config);
  const perCandidate = plan.candidates.length ? plan.queries.length / plan.candidates.length : 2;
  const wasted = plan.queries.length - perCandidate;
  if (wasted <= 0) return [];
  return [
    {
      ruleId: ndotsAmplification.id,
      range: ndots.source.range,
      message: `ndots:${config.ndots} with ${config.search.length} search domain${config.search.length > 1 ? 's' : ''}: a name with fewer than ${config.ndots} dots, such as ${example} (${dots}), is tried with every search domain before itself, so one lookup costs ${plan.queries.length} queries, ${wasted} of them NXDOMAIN. Use fully qualified names with a trailing dot (${example}.), or a lower ndots (dnsConfig options ndots:2).`,
    },
  ];
}

function checkRotate(config: ResolverConfig): Finding[] {
  const rotate = config.flags.rotate;
  if (!rotate?.range || config.nameservers.length > 1) return [];
  return [{ ruleId: rotateSingleServer.id, range: rotate.range, message: 'rotate spreads queries over the nameservers, but there is only one: it does nothing here.', tags: ['unnecessary'] }];
}

function checkSingleRequest(config: ResolverConfig): Finding[] {
  const out: Finding[] = [];
  const reopen = config.flags['single-request-reopen'];
  const single = config.flags['single-request'];
  if (reopen?.range) {
    out.push({
      ruleId: singleRequestContext.id,
      range: reopen.range,
      message: `single-request-reopen: glibc sends A and AAAA one after the other and opens a new socket when an answer is lost. It works around stateful firewalls and conntrack races (the Linux/Kubernetes 5-second DNS delay) at the cost of serial queries${single ? '; together with single-request, reopen adds nothing for the common case' : ''}. musl ignores it.`,
    });
  } else if (single?.range) {
    out.push({
      ruleId: singleRequestContext.id,
      range: single.range,
      message: 'single-request: glibc sends A and AAAA one after the other on the same socket (slower, but avoids conntrack races that drop one of two parallel queries); musl ignores it.',
    });
  }
  return out;
}
