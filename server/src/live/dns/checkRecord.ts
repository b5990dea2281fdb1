// "Does the live DNS match this zone file?": a code lens on a zone file's owner name sends
// its RRset here; we ask the zone's authoritative servers (without recursion) and compare
// the answer record by record, both sides in the same normalized presentation form.

import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import type { CheckRecordArgs, Report } from '../../protocol';
import { type ClientOptions, DEFAULT_CLIENT_OPTIONS, query, type Server, serverLabel } from './client';
import { lookup } from './lookup';
import type { Question } from './message';
import { formatName, parseName, sameName } from './names';
import { presentIPv6, quoteText } from './rdata';
import { expandIPv6 } from './reverse';
import { configServers, serverAddresses, systemResolverConfig } from './resolvers';
import { typeCode, typeName } from './types';

const TITLE = 'Live record check';

/** Splits presentation text into tokens; quoted strings stay one token (with quotes). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) { i++; continue; }
    let j = i;
    if (text[i] === '"') {
      j++;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      j++;
    } else while (j < text.length && !/\s/.test(text[j])) j += text[j] === '\\' ? 2 : 1;
    out.push(text.slice(i, Math.min(j, text.length)));
    i = j;
  }
  return out;
}

/** A character-string token (quoted or not) -> dig's quoted form. */
function requote(token: string): string {
  const inner = token.startsWith('"') ? token.slice(1, token.endsWith('"') && token.length > 1 ? -1 : undefined) : token;
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && /^\d{3}$/.test(inner.slice(i + 1, i + 4))) { bytes.push(Number(inner.slice(i + 1, i + 4)) & 0xff); i += 3; }
    else if (inner[i] === '\\' && i + 1 < inner.length) { bytes.push(...Buffer.from(inner[i + 1])); i++; }
    else bytes.push(...Buffer.from(inner[i]));
  }
  return quoteText(Buffer.from(bytes));
}

const NAME_FIELDS: Record<string, number[]> = { NS: [0], CNAME: [0], PTR: [0], DNAME: [0], MX: [1], SRV: [3], SOA: [0, 1], RP: [0, 1], NAPTR: [5], AFSDB: [1], KX: [1] };
const HEX_TAIL: Record<string, number> = { DS: 3, CDS: 3, TLSA: 3, SMIMEA: 3, SSHFP: 2 };
const BASE64_TAIL: Record<string, number> = { DNSKEY: 3, CDNSKEY: 3, RRSIG: 8 };

function absolute(name: string, origin: string | undefined): string {
  const n = name === '@' ? (origin ?? '.') : name.endsWith('.') ? name : origin ? `${name}.${origin === '.' ? '' : origin}` : `${name}.`;
  return n.replace(/\.\.$/, '.').toLowerCase();
}

/** One normalized form for both the zone file's rdata and the live answer's. */
export function normalizeRdata(type: string, text: string, origin?: string): string {
  const t = tokens(text.trim());
  switch (type) {
    case 'A':
      return t.join(' ');
    case 'AAAA':
      try {
        return presentIPv6(Buffer.from(expandIPv6(t[0]), 'hex'));
      } catch {
        return t.join(' ').toLowerCase();
      }
    case 'TXT':
    case 'SPF':
      return t.map(requote).join(' ');
    case 'CAA':
      return t.length >= 3 ? `${t[0]} ${t[1].toLowerCase()} ${requote(t.slice(2).join(' '))}` : t.join(' ');
  }
  if (HEX_TAIL[type] !== undefined) {
    const n = HEX_TAIL[type];
    return [...t.slice(0, n), t.slice(n).join('').toUpperCase()].join(' ');
  }
  if (BASE64_TAIL[type] !== undefined) {
    const n = BASE64_TAIL[type];
    return [...t.slice(0, n).map((x, i) => (type === 'RRSIG' && i === 7 ? absolute(x, origin) : x)), t.slice(n).join('')].join(' ');
  }
  const names = NAME_FIELDS[type];
  if (names) return t.map((x, i) => (names.includes(i) ? absolute(x, origin) : x)).join(' ');
  return t.join(' ');
}

export interface ServerCheck {
  server: string;
  outcome: 'answer' | 'no-reply' | 'malformed';
  status?: string;
  authoritative?: boolean;
  live: string[];
  missing: string[];
  extra: string[];
  matches: boolean;
  error?: string;
}

function isCheckArgs(a: unknown): a is CheckRecordArgs {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as CheckRecordArgs;
  return typeof x.name === 'string' && typeof x.type === 'string' && Array.isArray(x.expected) && x.expected.every((e) => typeof e === 'string')
    && (x.servers === undefined || (Array.isArray(x.servers) && x.servers.every((s) => typeof s === 'string')))
    && (x.port === undefined || (Number.isInteger(x.port) && x.port > 0 && x.port < 65536));
}

/** The zone a name lives in and its servers' addresses, asked of `system` (the node's resolvers). */
export async function authorities(labels: Buffer[], port: number, system: Server[], options: ClientOptions): Promise<{ zone?: string; servers: Server[]; error?: string }> {
  for (let i = 0; i < labels.length; i++) {
    const zone = labels.slice(i);
    const o = await lookup(system, { labels: zone, type: 2, class: 1 }, { ...options, recurse: true }, true);
    if (o.kind !== 'answer') return { servers: [], error: `the node's resolver did not reply (${o.kind === 'malformed' ? o.error : o.detail})` };
    const ns = o.message.answer.filter((r) => r.type === 'NS' && r.target && sameName(r.labels, zone));
    if (!ns.length) continue;
    const servers: Server[] = [];
    for (const r of ns) {
      const glue = o.message.additional.filter((a) => a.address && sameName(a.labels, r.target!)).map((a) => a.address!);
      if (glue.length) servers.push(...glue.map((address) => ({ address, port })));
      else for (const type of [1, 28]) {
        const a = await lookup(system, { labels: r.target!, type, class: 1 }, { ...options, recurse: true }, true);
        if (a.kind === 'answer') servers.push(...a.message.answer.filter((x) => x.address).map((x) => ({ address: x.address!, port })));
      }
    }
    return { zone: formatName(zone), servers, error: servers.length ? undefined : `no address for the servers of ${formatName(zone)}` };
  }
  return { servers: [], error: 'no zone cut found above the name' };
}

/** The zone a server is authoritative for around `labels`, from the SOA it returns. */
async function zoneOf(servers: Server[], labels: Buffer[], options: ClientOptions): Promise<string | undefined> {
  if (!servers.length) return undefined;
  const o = await query(servers[0], { labels, type: 6, class: 1 }, options);
  if (o.kind !== 'answer') return undefined;
  const soa = [...o.message.answer, ...o.message.authority].find((r) => r.type === 'SOA');
  return soa?.name;
}

export const runCheckRecordCommand: CommandHandler = async (args, ctx: CommandContext) => {
  if (!ctx.trusted) return failedReport(TITLE, 'DNS lookups are disabled in an untrusted workspace');
  if (!isCheckArgs(args)) return failedReport(TITLE, 'expected { name, type, expected: string[], servers?, port? }');
  const name = parseName(args.name);
  if (!name.ok) return failedReport(TITLE, `'${args.name}' is not a valid name: ${name.error}`);
  const code = typeCode(args.type);
  if (code === undefined) return failedReport(TITLE, `unknown record type '${args.type}'`);
  const type = typeName(code);
  const port = args.port ?? 53;
  const options: ClientOptions = { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: ctx.settings.dns.timeoutMs, tries: ctx.settings.dns.tries, recurse: false, adflag: false, isCancelled: ctx.isCancelled, signal: ctx.signal, onTry: (server, attempt, tries, name) => ctx.progress?.(`${name} @${server.address}: try ${attempt} of ${tries}`) };
  let servers: Server[] = [];
  let zone: string | undefined;
  if (args.servers?.length) {
    for (const s of args.servers) {
      const found = await serverAddresses(s, port);
      if (found.error) return failedReport(TITLE, found.error);
      servers.push(...found.servers);
    }
  } else {
    const found = await authorities(name.labels, port, configServers(systemResolverConfig().config, 53), options);
    if (found.error) return failedReport(TITLE, `cannot find the authoritative servers of ${name.text}: ${found.error}`, 9);
    servers = found.servers;
    zone = found.zone;
  }
  // Relative names in the file's rdata are relative to the zone: ask for it if not known yet.
  const origin = zone ?? (await zoneOf(servers, name.labels, options)) ?? formatName(name.labels.slice(1));
  const expected = args.expected.map((e) => normalizeRdata(type, e, origin)).sort();
  const q: Question = { labels: name.labels, type: code, class: 1 };
  const checks: ServerCheck[] = await Promise.all(servers.map(async (s) => {
    const o = await query(s, q, options);
    if (o.kind !== 'answer') return { server: serverLabel(s), outcome: o.kind, live: [], missing: [], extra: [], matches: false, error: o.kind === 'malformed' ? o.error : o.detail };
    const live = o.message.answer.filter((r) => r.typeCode === code && sameName(r.labels, name.labels)).map((r) => normalizeRdata(type, r.data)).sort();
    const missing = expected.filter((e) => !live.includes(e));
    const extra = live.filter((l) => !expected.includes(l));
    const matches = o.message.status === 'NOERROR' || (o.message.status === 'NXDOMAIN' && expected.length === 0) ? missing.length === 0 && extra.length === 0 : false;
    return { server: serverLabel(s), outcome: 'answer' as const, status: o.message.status, authoritative: o.message.flags.aa, live, missing, extra, matches };
  }));
  const replied = checks.filter((c) => c.outcome === 'answer');
  const allMatch = replied.length > 0 && replied.every((c) => c.matches) && replied.length === checks.length;
  const lines = [`;; ${name.text} ${type}: ${expected.length} record(s) in the file, asked ${checks.length} server(s)${zone ? ` of ${zone}` : ''}`, ''];
  for (const c of checks) {
    if (c.outcome !== 'answer') { lines.push(`?? ${c.server}  no answer: ${c.error}`); continue; }
    lines.push(`${c.matches ? 'ok' : '!!'} ${c.server}  ${c.status}${c.authoritative ? ' (authoritative)' : ' (NOT authoritative)'}  ${c.matches ? 'matches the file' : 'differs from the file'}`);
    for (const m of c.missing) lines.push(`     - in the file, not live: ${m}`);
    for (const e of c.extra) lines.push(`     + live, not in the file: ${e}`);
  }
  lines.push('', allMatch ? ';; The live answer matches the zone file.' : replied.length ? ';; The live answer does NOT match the zone file.' : ';; No server replied.');
  const report: Report = {
    ok: replied.length > 0, title: `${TITLE}: ${name.text} ${type}`, text: lines.join('\n') + '\n',
    data: { name: name.text, type, zone, expected, servers: checks, matches: allMatch },
    exitCode: replied.length === 0 ? 9 : allMatch ? 0 : 1,
  };
  if (!replied.length) report.error = 'no server replied';
  return report;
};
