// The queries a resolver sends for a name, in order: glibc's __res_context_search
// (resolv/res_query.c) under getaddrinfo, and musl's name_from_dns_search
// (src/network/lookup_name.c). Each candidate name is asked for A and then AAAA.

import { parseIPv4, parseIPv6 } from './address';
import type { ResolverConfig } from './config';

export type QueryType = 'A' | 'AAAA';

export interface PlannedQuery {
  /** Absolute query name with its trailing dot. */
  name: string;
  type: QueryType;
}

/** What a server answers for a candidate: data, NOERROR without data, or NXDOMAIN. */
export type CandidateOutcome = 'answer' | 'nodata' | 'nxdomain';

export interface Candidate {
  /** Absolute name with a trailing dot, as the resolver sends it. */
  name: string;
  /** Why it is tried: as is (ndots or trailing dot), with a search domain, or as is at the end. */
  reason: 'as-is' | 'search' | 'as-is-last';
  /** The search domain appended, for reason 'search'. */
  domain?: string;
  /**
   * musl 1.2.3 encodes a name ending in two dots (`search .`) into a broken packet: the
   * server sees nonsense rather than the name.
   */
  malformed?: boolean;
  /** musl's res_mkquery rejects the name (an empty label inside it, a label over 63): the lookup fails there. */
  unencodable?: boolean;
}

export interface QueryPlan {
  libc: ResolverConfig['libc'];
  name: string;
  /** Candidates in order, up to the one that ends the search. */
  candidates: Candidate[];
  queries: PlannedQuery[];
  /** Set when no query is sent at all, with the reason. */
  noQueries?: string;
  /** Why the search stopped early, when it did. */
  stoppedBy?: string;
}

export interface CandidatePlanOptions {
  /** What the server answers per candidate (default: NXDOMAIN for all, the longest plan). */
  outcome?: (candidate: string) => CandidateOutcome;
}

/** Absolute names the resolver tries for `name`, in order, when every one is NXDOMAIN. */
export function candidateNames(name: string, config: ResolverConfig, options: CandidatePlanOptions = {}): string[] {
  return queryPlan(name, config, options).candidates.map((c) => c.name);
}

export function queryPlan(name: string, config: ResolverConfig, options: CandidatePlanOptions = {}): QueryPlan {
  const plan: QueryPlan = { libc: config.libc, name, candidates: [], queries: [] };
  if (name === '') {
    plan.noQueries = 'an empty name is not looked up';
    return plan;
  }
  if (isNumericHost(name)) {
    plan.noQueries = 'an address literal: getaddrinfo converts it without asking DNS';
    return plan;
  }
  if (config.libc === 'glibc' && config.attempts <= 0) {
    plan.noQueries = `attempts:${config.attempts}: glibc's send loop runs zero rounds, so no query ever leaves and every lookup fails at once`;
    return plan;
  }
  if (config.libc === 'musl' && config.attempts <= 0) {
    plan.noQueries = 'attempts:0: musl divides the timeout by the attempt count and the program dies with SIGFPE (measured with musl 1.2.3)';
    return plan;
  }
  if (config.libc === 'musl' && config.timeout <= 0) {
    plan.noQueries = "timeout:0: musl's wait loop ends before it starts, so nothing is sent and getaddrinfo fails (EAI_AGAIN)";
    return plan;
  }
  const outcome = options.outcome ?? (() => 'nxdomain');
  const types: QueryType[] = config.libc === 'glibc' && config.flags['no-aaaa'] ? ['A'] : ['A', 'AAAA'];
  const candidates = config.libc === 'musl' ? muslCandidates(name, config) : glibcCandidates(name, config);
  for (const c of candidates) {
    if (c.unencodable) {
      plan.stoppedBy = `${c.name} cannot be encoded (an empty or over-long label): musl's getaddrinfo fails there (EAI_NONAME) without sending it or anything after it`;
      break;
    }
    plan.candidates.push(c);
    for (const type of types) plan.queries.push({ name: c.name, type });
    const result = c.malformed ? 'nxdomain' : outcome(c.name);
    if (result === 'answer') {
      plan.stoppedBy = `${c.name} answered`;
      break;
    }
    if (result === 'nodata' && config.libc === 'musl') {
      plan.stoppedBy = `${c.name} exists without A/AAAA data (NODATA): musl stops searching there`;
      break;
    }
  }
  return plan;
}

function isNumericHost(name: string): boolean {
  if (parseIPv4(name) !== undefined) return true;
  const percent = name.indexOf('%');
  return parseIPv6(percent >= 0 ? name.slice(0, percent) : name) !== undefined;
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** A name res_mkquery can encode: labels of 1–63 octets, at most 255 octets on the wire. */
function encodable(name: string): boolean {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed === '') return true;
  const labels = trimmed.split('.');
  if (labels.some((l) => l.length === 0 || Buffer.byteLength(l, 'utf8') > 63)) return false;
  return Buffer.byteLength(trimmed, 'utf8') + 2 <= 255;
}

/** __res_context_search with RES_DEFNAMES and RES_DNSRCH on (the defaults). */
function glibcCandidates(name: string, config: ResolverConfig): Candidate[] {
  const out: Candidate[] = [];
  const dots = countDots(name);
  const trailingDot = name.endsWith('.');
  let triedAsIs = false;
  if (dots >= config.ndots || trailingDot) {
    out.push({ name: absolute(name), reason: 'as-is' });
    if (trailingDot) return out;
    triedAsIs = true;
  }
  let searched = false;
  let rootOnList = false;
  for (const entry of config.search) {
    searched = true;
    const domain = entry.startsWith('.') ? entry.slice(1) : entry;
    if (domain === '') rootOnList = true;
    const full = `${name}.${domain}`;
    // A name res_mkquery cannot encode fails with NO_RECOVERY, which ends the search list.
    if (!encodable(full)) break;
    out.push({ name: absolute(full), reason: 'search', domain: entry });
  }
  if ((dots > 0 || !searched || !config.flags['no-tld-query']) && !(triedAsIs || rootOnList)) {
    out.push({ name: absolute(name), reason: 'as-is-last' });
  }
  return out;
}

/** name_from_dns_search: no search list once the name has ndots dots; the bare name last. */
function muslCandidates(name: string, config: ResolverConfig): Candidate[] {
  const out: Candidate[] = [];
  const dots = countDots(name);
  let length = name.length;
  const trailingDot = name.endsWith('.');
  const search = dots >= config.ndots || trailingDot ? [] : config.search;
  if (trailingDot) length--;
  if (length === 0 || name[length - 1] === '.') return out;
  const base = name.slice(0, length);
  for (const domain of search) {
    if (domain.length >= 256 - length - 1) continue;
    const full = `${base}.${domain}`;
    // res_mkquery drops one trailing dot; 1.2.3 does not reject a second one and sends garbage.
    const malformed = full.endsWith('..');
    out.push({ name: malformed ? full : absolute(full), reason: 'search', domain, malformed: malformed || undefined, unencodable: !muslEncodable(full) || undefined });
  }
  out.push({ name: absolute(base), reason: search.length > 0 ? 'as-is-last' : 'as-is', unencodable: !muslEncodable(base) || undefined });
  return out;
}

/**
 * musl 1.2.3's __res_mkquery: one trailing dot is dropped, then every label must have 1–63
 * octets, except that a second trailing dot slips through (and makes a broken packet).
 */
function muslEncodable(name: string): boolean {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed.length > 253) return false;
  const labels = trimmed.split('.');
  if (labels.length > 1 && labels[labels.length - 1] === '') labels.pop();
  return labels.every((l) => l.length >= 1 && l.length <= 63);
}

function countDots(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) n++;
  return n;
}
