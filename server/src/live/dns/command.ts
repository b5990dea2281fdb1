// `infra-lens dig …` and the editor's "DNS Lookup…": dig's argv in, a dig-like report out.
// Modes: a plain lookup, +trace, +compare (every resolver side by side) and +search (the
// node's search-list expansion). Exit status follows dig: 0 on any answer (NXDOMAIN and
// SERVFAIL included), 1 on a usage error, 9 when no server replied.

import { isIP } from 'node:net';
import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import type { DigArgs, Report } from '../../protocol';
import { DIG_USAGE, type DigRequest, parseDigArgs, requestedQuestion } from './args';
import { type ClientOptions, DEFAULT_CLIENT_OPTIONS, type Server } from './client';
import { compareResolvers, compareText } from './compare';
import { lookupJson, lookupText, lookupWarnings, recordLine } from './format';
import { lookup } from './lookup';
import type { Question } from './message';
import { parseName } from './names';
import { configServers, familyFilter, serverAddresses, systemResolverConfig } from './resolvers';
import { resolverConfig, type ResolverConfig } from '../../resolver/config';
import { searchExpansion, searchText } from './search';
import { rootHintTargets, trace, type TraceResult, type TraceStart } from './trace';
import { classCode, className, typeCode, typeName } from './types';

export { runCheckRecordCommand } from './checkRecord';

const TITLE = 'DNS lookup';
export const EXIT_NO_REPLY = 9;
export const EXIT_USAGE = 1;

export function clientOptions(r: DigRequest, ctx: CommandContext): ClientOptions {
  return {
    ...DEFAULT_CLIENT_OPTIONS,
    timeoutMs: r.timeoutSec !== undefined ? r.timeoutSec * 1000 : ctx.settings.dns.timeoutMs,
    tries: r.tries ?? ctx.settings.dns.tries,
    tcp: r.tcp,
    ignoreTruncation: r.ignore,
    recurse: r.recurse,
    adflag: r.adflag,
    cdflag: r.cdflag,
    dnssec: r.dnssec,
    ednsUdpSize: r.edns ? r.bufsize : undefined,
    cookie: r.cookie,
    nsid: r.nsid,
    isCancelled: ctx.isCancelled,
    signal: ctx.signal,
    onTry: (server, attempt, tries, name) => ctx.progress?.(`${name} @${server.address}: try ${attempt} of ${tries}`),
  };
}

function argvOf(args: unknown): string[] | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const argv = (args as DigArgs).argv;
  return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : undefined;
}

function banner(r: DigRequest, servers: Server[]): string {
  if (!r.show.cmd) return '';
  return `\n; <<>> infra-lens dig <<>> ${r.argv.join(' ')}\n` + (r.servers.length ? `; (${servers.length} server${servers.length === 1 ? '' : 's'} found)\n` : '') + ';; global options: +cmd\n';
}

/** Stands in for resolv.conf where an @server makes it irrelevant. */
let unusedConfig: ResolverConfig | undefined;

export const runDigCommand: CommandHandler = async (args, ctx) => {
  if (!ctx.trusted) return failedReport(TITLE, 'DNS lookups are disabled in an untrusted workspace');
  const argv = argvOf(args);
  if (!argv) return failedReport(TITLE, 'expected { argv: string[] }', EXIT_USAGE);
  const parsed = parseDigArgs(argv);
  if (!parsed.ok) return failedReport(TITLE, parsed.error, EXIT_USAGE);
  const r = parsed.request;
  if (r.help) return { ok: true, title: 'dig usage', text: DIG_USAGE, data: { usage: DIG_USAGE }, exitCode: 0 };
  const asked = requestedQuestion(r);
  const name = parseName(asked.name);
  if (!name.ok) return failedReport(TITLE, `'${asked.name}' is not a valid name: ${name.error}`, EXIT_USAGE);
  const type = typeCode(asked.type)!;
  const klass = classCode(asked.klass)!;
  const question: Question = { labels: name.labels, type, class: klass };
  const shown = { name: name.text, type: typeName(type), klass: className(klass) };
  const port = r.port ?? 53;
  const options = clientOptions(r, ctx);
  const title = `dig ${argv.join(' ')}`.trim();

  // resolv.conf matters only without @server, or for +search/+compare; a batch of @server
  // lookups reads it not once per line.
  const needsSystem = !r.servers.length || r.search || r.compare;
  const resolv: { config: ResolverConfig; error?: string } = needsSystem ? systemResolverConfig() : { config: (unusedConfig ??= resolverConfig('')) };
  if (resolv.error && !r.servers.length) ctx.log(`dig: ${resolv.error}; using 127.0.0.1`);
  const given: Server[] = [];
  for (const word of r.servers) {
    const found = await serverAddresses(word, port, r.family);
    if (found.error) return failedReport(TITLE, found.error, EXIT_USAGE);
    given.push(...found.servers);
  }
  const system = familyFilter(configServers(resolv.config, port), r.family);
  const servers = familyFilter(given.length ? given : system, r.family);
  if (!servers.length && !r.trace) return failedReport(TITLE, `no ${r.family === 6 ? 'IPv6' : 'IPv4'} server to ask`, EXIT_USAGE);

  if (r.trace) return traceReport(r, ctx, question, shown, options, port, given, title);

  if (r.compare) {
    const all = [...system, ...given.filter((g) => !system.some((s) => s.address === g.address && s.port === g.port))];
    const result = await compareResolvers(all, question, options);
    const anyReply = result.rows.some((row) => row.outcome === 'answer');
    const asText = `${shown.name} ${shown.klass} ${shown.type}`;
    return {
      ok: anyReply, title, text: banner(r, all) + compareText(result, asText),
      data: { mode: 'compare', question: { name: shown.name, type: shown.type, class: shown.klass }, ...result },
      exitCode: anyReply ? 0 : EXIT_NO_REPLY, error: anyReply ? undefined : 'no servers could be reached',
    };
  }

  if (r.search) {
    const config = { ...resolv.config };
    if (r.ndots !== undefined) config.ndots = r.ndots;
    if (r.domain !== undefined) config.search = [r.domain];
    const bare = r.name ?? asked.name;
    // This mode plays the node's resolver, so its timeout:/attempts: apply unless +timeout/+tries say otherwise.
    const resolverOptions = { ...options, timeoutMs: r.timeoutSec !== undefined ? options.timeoutMs : config.timeout * 1000, tries: r.tries ?? config.attempts };
    const result = await searchExpansion(bare, { code: type, name: shown.type }, { code: klass, name: shown.klass }, config, servers, resolverOptions);
    const anyReply = result.steps.some((s) => s.result.outcome === 'answer');
    return {
      ok: anyReply, title, text: banner(r, servers) + searchText(result, r.short),
      data: { mode: 'search', ...result },
      exitCode: anyReply ? 0 : EXIT_NO_REPLY, error: anyReply ? undefined : 'no servers could be reached',
    };
  }

  const outcome = await lookup(servers, question, options, r.fail);
  const json = lookupJson(outcome, shown);
  const replied = outcome.kind === 'answer';
  let text = lookupWarnings(json, r) + (r.short ? '' : banner(r, servers)) + lookupText(json, r, new Date());
  if (!replied) text += outcome.kind === 'malformed' ? `;; no usable reply (malformed packet)\n` : ';; no servers could be reached\n';
  const report: Report = {
    ok: replied, title, text, data: { mode: 'lookup', ...json },
    exitCode: replied ? 0 : EXIT_NO_REPLY,
  };
  if (!replied) report.error = outcome.kind === 'malformed' ? `malformed reply from ${json.server}: ${outcome.error}` : `no servers could be reached (${json.server}: ${json.error})`;
  return report;
};

async function traceReport(r: DigRequest, ctx: CommandContext, q: Question, shown: { name: string; type: string; klass: string }, options: ClientOptions, port: number, given: Server[], title: string): Promise<Report> {
  const hints = ctx.settings.dns.rootHints.map((h) => h.trim()).filter((h) => h !== '');
  const badHint = hints.find((h) => isIP(h.replace(/%.*$/, '')) === 0);
  if (badHint !== undefined) return failedReport(TITLE, `infraLens.dns.rootHints: '${badHint}' is not an IP address`, EXIT_USAGE);
  const start: TraceStart = hints.length ? { kind: 'hints', roots: rootHintTargets(hints) }
    : given.length ? { kind: 'prime', servers: given }
    : { kind: 'hints', roots: rootHintTargets([]) };
  // dig's +trace sets the DO bit unless +nodnssec says otherwise.
  const result = await trace(q, start, { ...options, dnssec: r.dnssecGiven ? r.dnssec : true, tries: Math.min(options.tries, 2) }, port);
  const ok = result.outcome !== 'failed';
  return {
    ok, title, text: banner(r, given) + traceText(result, r.short),
    data: { mode: 'trace', question: { name: shown.name, type: shown.type, class: shown.klass }, ...result },
    exitCode: ok ? 0 : EXIT_NO_REPLY, error: ok ? undefined : result.error,
  };
}

export function traceText(t: TraceResult, short: boolean): string {
  const out: string[] = [];
  for (const hop of t.hops) {
    const from = `${hop.server}(${(hop.serverName ?? hop.server.split('#')[0]).replace(/(.)\.$/, '$1')})`; // dig prints the name without its dot
    if (short) {
      for (const rec of hop.records) out.push(`${rec.type} ${rec.data} from server ${hop.server.split('#')[0]} in ${hop.timeMs} ms.`);
      continue;
    }
    for (const f of hop.failures) out.push(`;; ${f}`);
    if (hop.kind === 'nxdomain') out.push(`;; ${hop.status} for the name (authoritative negative answer)`);
    if (hop.kind === 'nodata') out.push(';; NOERROR, no records of that type (authoritative negative answer)');
    for (const rec of hop.records) out.push(recordLine(rec));
    out.push(`;; Received ${hop.size} bytes from ${from} in ${hop.timeMs} ms${hop.transport === 'TCP' ? ' (TCP)' : ''}`, '');
  }
  if (t.outcome === 'failed') out.push(`;; trace failed: ${t.error}`);
  if (!short) out.push(`;; ${t.queries} queries sent`);
  return out.join('\n') + '\n';
}
