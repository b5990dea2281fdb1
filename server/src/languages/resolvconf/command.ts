// `infra-lens resolve-plan` and the editor's "Show Query Plan": the exact ordered queries
// the resolver sends for a name under a resolv.conf (an open document, a given file, or the
// node's /etc/resolv.conf); with `--send`, sent through the DNS client (live/dns).

import * as fs from 'node:fs';
import * as os from 'node:os';
import { type CommandHandler, failedReport } from '../../core/command';
import { DEFAULT_CLIENT_OPTIONS } from '../../live/dns/client';
import { configServers } from '../../live/dns/resolvers';
import type { Report, ResolvePlanArgs } from '../../protocol';
import { type ResolverConfig, resolverConfig } from '../../resolver/config';
import type { Libc } from '../../resolver/options';
import { type QueryPlan, queryPlan } from '../../resolver/plan';
import { type SendResult, sendQueryPlan } from './send';

const TITLE = 'Query plan';
const NODE_RESOLV_CONF = '/etc/resolv.conf';

export interface ResolvePlanData {
  /** In the order the resolver sends them; with --send, the ones actually sent, with their results. */
  queries: Array<{ name: string; type: 'A' | 'AAAA'; status?: string; error?: string; answers?: string[] }>;
}

function isArgs(value: unknown): value is ResolvePlanArgs {
  return typeof value === 'object' && value !== null && typeof (value as ResolvePlanArgs).name === 'string';
}

/** The handler; `port` is where --send reaches the nameservers (53; tests use a high port). */
export function makeResolvePlanCommand(port = 53): CommandHandler {
  return (rawArgs, ctx) => resolvePlan(rawArgs, ctx, port);
}

export const runResolvePlanCommand: CommandHandler = makeResolvePlanCommand();

async function resolvePlan(rawArgs: unknown, ctx: Parameters<CommandHandler>[1], port: number): Promise<Report> {
  if (!isArgs(rawArgs) || rawArgs.name.trim() === '') return failedReport(TITLE, 'a name to resolve is required', 2);
  const args = rawArgs;
  const libc: Libc = args.libc === 'musl' || args.libc === 'glibc' ? args.libc : ctx.settings.resolvconf.libc;
  let text = args.resolvConfText;
  let origin: string;
  if (text !== undefined) origin = 'the given resolv.conf';
  else if (args.uri !== undefined) {
    text = ctx.documentText?.(args.uri);
    if (text === undefined) return failedReport(TITLE, `the document ${args.uri} is not open`, 2);
    origin = args.uri;
  } else {
    if (!ctx.trusted) return failedReport(TITLE, "reading the node's /etc/resolv.conf needs a trusted workspace");
    try {
      text = fs.readFileSync(NODE_RESOLV_CONF, 'utf8');
    } catch (e) {
      return failedReport(TITLE, `cannot read ${NODE_RESOLV_CONF}: ${(e as Error).message}`, 2);
    }
    origin = NODE_RESOLV_CONF;
  }
  // The hostname only matters for a file without search/domain, read on this machine.
  const hostname = args.uri === undefined ? os.hostname() : undefined;
  const config = resolverConfig(text, { libc, env: args.env, hostname });
  if (config.hangsAt) {
    return failedReport(TITLE, `glibc never finishes reading this file: its sortlist reader loops forever on line ${config.hangsAt.line + 1}, so every lookup hangs`);
  }
  const name = args.name.trim();
  const plan = queryPlan(name, config);
  const data: ResolvePlanData = { queries: plan.queries.map((q) => ({ name: q.name, type: q.type })) };
  const rendered = renderPlan(plan, config, origin, args.env);
  if (args.send) {
    if (!ctx.trusted) return failedReport(TITLE, 'sending queries is disabled in an untrusted workspace');
    const servers = configServers(config, port);
    const sent = await sendQueryPlan(name, config, servers, {
      ...DEFAULT_CLIENT_OPTIONS,
      // The resolver's own patience: its timeout (at least 1 s, as glibc) and attempts.
      timeoutMs: Math.min(30, Math.max(1, config.timeout)) * 1000,
      tries: Math.max(1, config.attempts),
      ednsUdpSize: config.flags.edns0 ? 1232 : undefined,
      adflag: config.flags['trust-ad'] !== undefined,
      isCancelled: ctx.isCancelled,
      signal: ctx.signal,
      onTry: (server, attempt, tries, name) => ctx.progress?.(`${name} @${server.address}: try ${attempt} of ${tries}`),
    });
    const sentData: ResolvePlanData = { queries: sent.sent.map((q) => ({ name: q.name, type: q.type, status: q.status, error: q.error, answers: q.answers })) };
    const ok = sent.answeredBy !== undefined;
    return { ok: true, title: `${TITLE}: ${name} (${libc}, sent)`, text: `${rendered}\n${renderSent(sent, config)}`, data: sentData, exitCode: ok ? 0 : 1 } satisfies Report<ResolvePlanData>;
  }
  return { ok: true, title: `${TITLE}: ${name} (${libc})`, text: rendered, data } satisfies Report<ResolvePlanData>;
}

function renderSent(r: SendResult, config: ResolverConfig): string {
  const out: string[] = [`Sent${config.libc === 'musl' ? ' (to the servers in order; musl would ask them all at once)' : ''}:`];
  r.sent.forEach((q, i) => {
    const result = q.status ?? q.error ?? 'no reply';
    out.push(`${String(i + 1).padStart(4)}  ${printable(q.name)} ${q.type} -> ${result}${q.status === 'NOERROR' && q.answers.length === 0 ? ' (no data)' : ''}${q.timeMs !== undefined ? ` (${q.timeMs} ms from ${q.server})` : ''}`);
    for (const a of q.answers) out.push(`        ${a}`);
  });
  // Names are absolute (trailing dot): no second full stop after one.
  if (r.answeredBy) out.push(`Answered by ${r.answeredBy}${r.answeredBy.endsWith('.') ? '' : '.'}`);
  else if (r.stoppedBy) out.push(`Stopped: ${r.stoppedBy}.`);
  else out.push('No candidate answered: the lookup fails (getaddrinfo: Name or service not known).');
  return `${out.join('\n')}\n`;
}

/** Control characters (a CRLF file's \r) shown the way dig does: \013. */
function printable(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString().padStart(3, '0')}`);
}

function where(line: number): string {
  return line >= 0 ? `line ${line + 1}` : 'default';
}

function sourceLabel(s: ResolverConfig['settings']['ndots']['source']): string {
  if (s.kind === 'file') return where(s.line);
  return s.kind;
}

export function renderPlan(plan: QueryPlan, config: ResolverConfig, origin: string, env: ResolvePlanArgs['env'] = {}): string {
  const out: string[] = [];
  out.push(`Query plan for "${plan.name}" with ${config.libc}, from ${origin}`);
  const servers = config.nameservers.map((n) => `${n.address} (${where(n.line)})`).join(', ');
  const search = config.search.length ? config.search.map(printable).join(' ') : '(none)';
  const searchFrom = config.searchSource.kind === 'file' ? `${config.searchSource.written} on ${where(config.searchSource.line)}` : config.searchSource.kind;
  out.push(`  nameservers: ${servers}`);
  out.push(`  search:      ${search}${config.search.length ? ` (${searchFrom})` : ''}`);
  out.push(`  ndots:${config.ndots} (${sourceLabel(config.settings.ndots.source)})  timeout:${config.timeout} (${sourceLabel(config.settings.timeout.source)})  attempts:${config.attempts} (${sourceLabel(config.settings.attempts.source)})`);
  const flags = Object.keys(config.flags);
  if (flags.length) out.push(`  options:     ${flags.join(' ')}`);
  if (config.libc === 'glibc' && (env?.RES_OPTIONS !== undefined || env?.LOCALDOMAIN !== undefined)) {
    out.push(`  environment: ${[env.RES_OPTIONS !== undefined ? `RES_OPTIONS=${JSON.stringify(env.RES_OPTIONS)}` : '', env.LOCALDOMAIN !== undefined ? `LOCALDOMAIN=${JSON.stringify(env.LOCALDOMAIN)}` : ''].filter(Boolean).join(' ')}`);
  }
  out.push('');
  if (plan.noQueries) {
    out.push(`No query is sent: ${plan.noQueries}.`);
    return `${out.join('\n')}\n`;
  }
  const dots = plan.name.replace(/\.$/, '').split('.').length - 1;
  if (plan.name.endsWith('.')) out.push(`"${plan.name}" ends with a dot: it is asked as is, with no search domain.`);
  else if (dots >= config.ndots) {
    out.push(
      config.libc === 'musl'
        ? `"${plan.name}" has ${dots} dot${dots === 1 ? '' : 's'} (>= ndots ${config.ndots}): musl asks it as is and never uses the search list.`
        : `"${plan.name}" has ${dots} dot${dots === 1 ? '' : 's'} (>= ndots ${config.ndots}): asked as is first, then with each search domain.`,
    );
  } else if (config.search.length === 0) out.push(`"${plan.name}" has ${dots} dot${dots === 1 ? '' : 's'} (< ndots ${config.ndots}), but there is no search list: asked as is.`);
  else out.push(`"${plan.name}" has ${dots} dot${dots === 1 ? '' : 's'} (< ndots ${config.ndots}): each search domain first, then as is.`);
  out.push('');
  const width = Math.max(5, ...plan.queries.map((q) => printable(q.name).length));
  out.push(`   #  ${'query'.padEnd(width)}  type  why`);
  let n = 0;
  for (const c of plan.candidates) {
    const why = c.reason === 'search' ? `search domain ${printable(c.domain ?? '')}${c.malformed ? ' (musl 1.2.3 sends a malformed packet)' : ''}` : c.reason === 'as-is' ? 'as is' : 'as is, after the search list';
    for (const q of plan.queries.filter((x) => x.name === c.name)) {
      n++;
      out.push(`${String(n).padStart(4)}  ${printable(q.name).padEnd(width)}  ${q.type.padEnd(4)}  ${q.type === 'A' || !plan.queries.some((x) => x.name === c.name && x.type === 'A') ? why : ''}`.trimEnd());
    }
  }
  out.push('');
  const types = config.libc === 'glibc' && config.flags['no-aaaa'] ? 'A only (no-aaaa)' : 'A and AAAA';
  out.push(`${plan.queries.length} quer${plan.queries.length === 1 ? 'y' : 'ies'} (${plan.candidates.length} name${plan.candidates.length === 1 ? '' : 's'}, ${types}) if every name is NXDOMAIN; the first answer ends the search${config.libc === 'musl' ? ', and so does a name that exists without A/AAAA data' : ''}.`);
  if (config.libc === 'glibc') {
    const first = config.flags.rotate ? 'a rotating first server' : config.nameservers[0].address;
    out.push(`Each query goes to ${first}, then the next server after ${Math.max(1, config.timeout)} s, for ${config.attempts} round${config.attempts === 1 ? '' : 's'}${config.flags['single-request'] || config.flags['single-request-reopen'] ? '; A and AAAA one after the other (single-request)' : '; A and AAAA in parallel'}.`);
  } else {
    out.push(`Each query goes to all ${config.nameservers.length} nameserver${config.nameservers.length === 1 ? '' : 's'} at once (musl); the first reply wins; retried every ${config.attempts > 0 ? (config.timeout / config.attempts).toFixed(1) : '?'} s for ${config.timeout} s.`);
  }
  out.push('Before DNS, getaddrinfo consults /etc/hosts (nsswitch "files dns"); a name found there sends nothing.');
  return `${out.join('\n')}\n`;
}
