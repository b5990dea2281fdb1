// +trace: iterative resolution from the root, reporting each hop. Unlike dig (which looks
// NS names up through getaddrinfo) we use in-bailiwick glue and resolve glueless NS names
// iteratively ourselves, bounded by a depth limit, a query budget and a visited set.

import { isIPv4 } from 'node:net';
import { type ClientOptions, query, type QueryOutcome, type Server, serverLabel, type Transport } from './client';
import { recordJson, type RecordJson } from './format';
import type { DnsMessage, Question, ResourceRecord } from './message';
import { formatName, isSubdomain, parseName, sameName } from './names';

/** IANA root hints (named.root), used when no private roots are configured. */
export const IANA_ROOT_HINTS: ReadonlyArray<readonly [string, string, string]> = [
  ['a', '198.41.0.4', '2001:503:ba3e::2:30'], ['b', '170.247.170.2', '2801:1b8:10::b'],
  ['c', '192.33.4.12', '2001:500:2::c'], ['d', '199.7.91.13', '2001:500:2d::d'],
  ['e', '192.203.230.10', '2001:500:a8::e'], ['f', '192.5.5.241', '2001:500:2f::f'],
  ['g', '192.112.36.4', '2001:500:12::d0d'], ['h', '198.97.190.53', '2001:500:1::53'],
  ['i', '192.36.148.17', '2001:7fe::53'], ['j', '192.58.128.30', '2001:503:c27::2:30'],
  ['k', '193.0.14.129', '2001:7fd::1'], ['l', '199.7.83.42', '2001:500:9f::42'],
  ['m', '202.12.27.33', '2001:dc3::35'],
];

export interface NsTarget {
  name: string;
  labels: Buffer[];
  addresses: string[];
}

export interface TraceHop {
  /** The zone whose servers answered this step. */
  zone: string;
  kind: 'priming' | 'referral' | 'answer' | 'nxdomain' | 'nodata';
  server: string;
  serverName?: string;
  status: string;
  records: RecordJson[];
  transport: Transport;
  timeMs: number;
  size: number;
  /** Servers that failed before this one answered usefully. */
  failures: string[];
}

export interface TraceResult {
  hops: TraceHop[];
  outcome: 'answer' | 'nxdomain' | 'nodata' | 'failed';
  error?: string;
  queries: number;
}

export interface TraceLimits {
  /** Nested lookups of glueless NS names. */
  maxDepth: number;
  /** All queries of one trace, nested ones included. */
  maxQueries: number;
  maxReferrals: number;
}

/** Glueless roots resolved at most until this many roots have an address. */
const ROOTS_NEEDED = 3;

export const DEFAULT_TRACE_LIMITS: TraceLimits = { maxDepth: 8, maxQueries: 100, maxReferrals: 32 };

export type TraceStart = { kind: 'hints'; roots: NsTarget[] } | { kind: 'prime'; servers: Server[] };

export function rootHintTargets(addresses: string[]): NsTarget[] {
  if (addresses.length) return addresses.map((a) => ({ name: a, labels: [], addresses: [a] }));
  return IANA_ROOT_HINTS.map(([letter, v4, v6]) => {
    const name = `${letter}.root-servers.net.`;
    return { name, labels: (parseName(name) as { labels: Buffer[] }).labels, addresses: [v4, v6] };
  });
}

interface State {
  queries: number;
  limits: TraceLimits;
  options: ClientOptions;
  port: number;
  visited: Set<string>;
  /** Where nested lookups of glueless NS names start. */
  roots: NsTarget[];
}

type Classified =
  | { kind: 'final'; hop: 'answer' | 'nxdomain' | 'nodata' }
  | { kind: 'referral'; zone: Buffer[]; ns: ResourceRecord[] }
  | { kind: 'unusable'; reason: string };

function classify(m: DnsMessage, q: Question, zone: Buffer[]): Classified {
  if (m.status === 'NXDOMAIN') return { kind: 'final', hop: 'nxdomain' };
  if (m.status !== 'NOERROR') return { kind: 'unusable', reason: m.status };
  if (m.answer.length > 0) return { kind: 'final', hop: 'answer' };
  if (m.authority.some((r) => r.type === 'SOA')) return { kind: 'final', hop: 'nodata' };
  const ns = m.authority.filter((r) => r.type === 'NS' && r.target);
  if (ns.length === 0) return { kind: 'unusable', reason: 'lame: neither an answer nor a referral' };
  const cut = ns[0].labels;
  const set = ns.filter((r) => sameName(r.labels, cut));
  if (!isSubdomain(q.labels, cut)) return { kind: 'unusable', reason: `BAD REFERRAL to ${formatName(cut)}` };
  if (!isSubdomain(cut, zone) || cut.length <= zone.length) return { kind: 'unusable', reason: `BAD (HORIZONTAL) REFERRAL to ${formatName(cut)}` };
  return { kind: 'referral', zone: cut, ns: set };
}

/** NS targets of a referral, with in-bailiwick glue only (out-of-bailiwick glue is ignored). */
function targetsOf(ns: ResourceRecord[], zone: Buffer[], additional: ResourceRecord[]): NsTarget[] {
  return ns.map((r) => {
    const labels = r.target!;
    const inBailiwick = isSubdomain(labels, zone);
    const addresses = inBailiwick ? additional.filter((a) => a.address && sameName(a.labels, labels)).map((a) => a.address!) : [];
    return { name: formatName(labels), labels, addresses };
  });
}

function shuffled<T>(items: T[]): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** IPv4 first (more often reachable), random order within a family. */
function addressOrder(addresses: string[]): string[] {
  return [...shuffled(addresses.filter((a) => isIPv4(a))), ...shuffled(addresses.filter((a) => !isIPv4(a)))];
}

async function ask(state: State, address: string, q: Question, recurse: boolean): Promise<QueryOutcome | undefined> {
  if (state.queries >= state.limits.maxQueries) return undefined;
  state.queries++;
  return query({ address, port: state.port }, q, { ...state.options, recurse });
}

interface Step {
  outcome: QueryOutcome & { kind: 'answer' };
  classified: Classified & { kind: 'final' | 'referral' };
  serverName: string;
  failures: string[];
}

/** Asks the zone's servers in turn until one gives an answer or a proper referral. */
async function askZone(state: State, zone: Buffer[], targets: NsTarget[], q: Question, depth: number): Promise<Step | { error: string; failures: string[] }> {
  const failures: string[] = [];
  const tryTarget = async (t: NsTarget): Promise<Step | undefined> => {
    for (const address of addressOrder(t.addresses)) {
      const key = `${formatName(q.labels)}|${q.type}|${formatName(zone)}|${address}`;
      if (state.visited.has(key)) continue;
      state.visited.add(key);
      const outcome = await ask(state, address, q, false);
      if (!outcome) return undefined;
      if (outcome.kind !== 'answer') {
        failures.push(`${serverLabel({ address, port: state.port })}(${t.name}): ${outcome.kind === 'malformed' ? 'malformed reply: ' + outcome.error : outcome.detail}`);
        continue;
      }
      const classified = classify(outcome.message, q, zone);
      if (classified.kind === 'unusable') {
        failures.push(`${serverLabel({ address, port: state.port })}(${t.name}): ${classified.reason}`);
        continue;
      }
      return { outcome, classified, serverName: t.name, failures };
    }
    return undefined;
  };
  const ordered = shuffled(targets);
  for (const t of ordered.filter((x) => x.addresses.length)) {
    const step = await tryTarget(t);
    if (step) return step;
  }
  // No glued server answered: look the glueless names up ourselves (bounded).
  for (const t of ordered.filter((x) => !x.addresses.length)) {
    if (depth >= state.limits.maxDepth) {
      failures.push(`${t.name}: not resolved (depth limit ${state.limits.maxDepth})`);
      continue;
    }
    t.addresses = await resolveAddresses(state, t.labels, depth + 1);
    if (!t.addresses.length) {
      failures.push(`couldn't get address for '${t.name}'`);
      continue;
    }
    const step = await tryTarget(t);
    if (step) return step;
  }
  const budget = state.queries >= state.limits.maxQueries ? ` (query budget of ${state.limits.maxQueries} used up)` : '';
  return { error: `no server for ${formatName(zone)} gave a usable answer${budget}`, failures };
}

async function resolveAddresses(state: State, labels: Buffer[], depth: number): Promise<string[]> {
  const out: string[] = [];
  for (const type of [1, 28]) {
    const r = await iterate(state, { labels, type, class: 1 }, state.roots, [], depth);
    if (r.outcome === 'answer') {
      const last = r.hops[r.hops.length - 1];
      for (const rec of last.records) if ((rec.type === 'A' || rec.type === 'AAAA') && canonical(rec.name) === canonical(formatName(labels))) out.push(rec.data);
    }
    if (out.length) break;
  }
  return out;
}

function canonical(name: string): string {
  return name.toLowerCase();
}

async function iterate(state: State, q: Question, roots: NsTarget[], hops: TraceHop[], depth: number): Promise<TraceResult> {
  let zone: Buffer[] = [];
  let targets = roots;
  for (let referrals = 0; referrals <= state.limits.maxReferrals; referrals++) {
    const step = await askZone(state, zone, targets, q, depth);
    if ('error' in step) return { hops, outcome: 'failed', error: step.error + (step.failures.length ? ': ' + step.failures.join('; ') : ''), queries: state.queries };
    const m = step.outcome.message;
    const shown = step.classified.kind === 'referral'
      ? [...step.classified.ns, ...m.authority.filter((r) => (r.type === 'DS' || r.type === 'RRSIG') && sameName(r.labels, (step.classified as { zone: Buffer[] }).zone))]
      : step.classified.hop === 'answer' ? [...m.answer, ...m.authority] : m.authority; // dig shows the answer's authority too
    const hop: TraceHop = {
      zone: formatName(zone),
      kind: step.classified.kind === 'referral' ? 'referral' : step.classified.hop,
      server: serverLabel(step.outcome.server),
      serverName: step.serverName,
      status: m.status,
      records: shown.map(recordJson),
      transport: step.outcome.transport,
      timeMs: step.outcome.timeMs,
      size: m.size,
      failures: step.failures,
    };
    hops.push(hop);
    if (step.classified.kind === 'final') return { hops, outcome: step.classified.hop, queries: state.queries };
    zone = step.classified.zone;
    targets = targetsOf(step.classified.ns, zone, m.additional);
  }
  return { hops, outcome: 'failed', error: `more than ${state.limits.maxReferrals} referrals`, queries: state.queries };
}

/** Traces `q` from the given start: root hints, or a priming `. NS` query to a server. */
export async function trace(q: Question, start: TraceStart, options: ClientOptions, port: number, limits: TraceLimits = DEFAULT_TRACE_LIMITS): Promise<TraceResult> {
  const state: State = { queries: 0, limits, options, port, visited: new Set(), roots: [] };
  const hops: TraceHop[] = [];
  let roots: NsTarget[];
  if (start.kind === 'hints') roots = start.roots;
  else {
    // dig's first step: `. NS` to the given server, with recursion.
    const prime = { labels: [], type: 2, class: 1 };
    let primed: (QueryOutcome & { kind: 'answer' }) | undefined;
    const failures: string[] = [];
    for (const s of start.servers) {
      if (state.queries >= limits.maxQueries) break;
      state.queries++;
      const o = await query(s, prime, { ...options, recurse: true });
      if (o.kind === 'answer' && o.message.status === 'NOERROR' && o.message.answer.some((r) => r.type === 'NS')) {
        primed = o;
        break;
      }
      failures.push(`${serverLabel(s)}: ${o.kind === 'answer' ? `${o.message.status} without root NS records` : o.kind === 'malformed' ? 'malformed reply' : o.detail}`);
    }
    if (!primed) return { hops, outcome: 'failed', error: `priming query (. NS) failed: ${failures.join('; ')}`, queries: state.queries };
    const m = primed.message;
    const ns = m.answer.filter((r) => r.type === 'NS' && r.target && r.labels.length === 0);
    hops.push({ zone: '.', kind: 'priming', server: serverLabel(primed.server), status: m.status, records: m.answer.filter((r) => r.labels.length === 0 && (r.type === 'NS' || r.type === 'RRSIG')).map(recordJson), transport: primed.transport, timeMs: primed.timeMs, size: m.size, failures });
    roots = targetsOf(ns, [], m.additional);
    // Root servers without glue: ask the priming server for their addresses, as a stub would,
    // until a few roots have one, and within the query budget (a priming reply of 300
    // glueless roots must not cost 600 lookups).
    const glueless = roots.filter((x) => !x.addresses.length);
    let usable = roots.length - glueless.length;
    for (const t of glueless) {
      if (usable >= ROOTS_NEEDED || state.queries >= limits.maxQueries) break;
      for (const type of [1, 28]) {
        if (state.queries >= limits.maxQueries) break;
        state.queries++;
        const o = await query(primed.server, { labels: t.labels, type, class: 1 }, { ...options, recurse: true });
        if (o.kind === 'answer') t.addresses.push(...o.message.answer.filter((r) => r.address && sameName(r.labels, t.labels)).map((r) => r.address!).slice(0, 16));
      }
      if (t.addresses.length) usable++;
    }
    if (!roots.some((t) => t.addresses.length)) {
      return { hops, outcome: 'failed', error: `no root server address: ${glueless.length} root NS names without glue, and none resolved within the query budget of ${limits.maxQueries}`, queries: state.queries };
    }
  }
  state.roots = roots;
  return iterate(state, q, roots, hops, 0);
}
