// `resolve-plan --send`: the plan sent for real through the DNS client (live/dns), one
// candidate at a time, A then AAAA, stopping where the resolver stops: an answer ends the
// search; NXDOMAIN moves on; NODATA moves on for glibc but ends musl's search; SERVFAIL
// moves on for glibc; a timeout or any other failure ends it.

import { type ClientOptions, type Server } from '../../live/dns/client';
import { lookupJson } from '../../live/dns/format';
import { lookup } from '../../live/dns/lookup';
import { parseName } from '../../live/dns/names';
import type { ResolverConfig } from '../../resolver/config';
import { queryPlan, type QueryType } from '../../resolver/plan';

export interface SentQuery {
  name: string;
  type: QueryType;
  /** NOERROR, NXDOMAIN, SERVFAIL… or undefined when no reply came. */
  status?: string;
  /** Why there is no reply, or why the query was not sent. */
  error?: string;
  /** Answer records, one line each (`owner ttl class type data`). */
  answers: string[];
  server?: string;
  timeMs?: number;
}

export interface SendResult {
  sent: SentQuery[];
  answeredBy?: string;
  stoppedBy?: string;
}

const TYPE_CODE: Record<QueryType, number> = { A: 1, AAAA: 28 };

export async function sendQueryPlan(name: string, config: ResolverConfig, servers: Server[], options: ClientOptions): Promise<SendResult> {
  const plan = queryPlan(name, config);
  const result: SendResult = { sent: [] };
  if (plan.noQueries) {
    result.stoppedBy = plan.noQueries;
    return result;
  }
  const types: QueryType[] = [...new Set(plan.queries.map((q) => q.type))];
  for (const candidate of plan.candidates) {
    if (options.isCancelled?.()) break;
    const parsed = parseName(candidate.name);
    if (candidate.malformed || !parsed.ok) {
      for (const type of types) result.sent.push({ name: candidate.name, type, error: 'not sent: the resolver would send a malformed query for this name', answers: [] });
      continue;
    }
    let answered = false;
    let nodata = true;
    let failure: string | undefined;
    let servfail = false;
    for (const type of types) {
      const outcome = await lookup(servers, { labels: parsed.labels, type: TYPE_CODE[type], class: 1 }, options, false);
      const json = lookupJson(outcome, { name: parsed.text, type, klass: 'IN' });
      const records = json.answer.filter((r) => r.type === type || r.type === 'CNAME');
      result.sent.push({
        name: candidate.name,
        type,
        status: json.status,
        error: json.outcome === 'answer' ? undefined : json.error,
        answers: json.answer.map((r) => `${r.name} ${r.ttl} ${r.class} ${r.type} ${r.data}`),
        server: json.server,
        timeMs: json.queryTimeMs,
      });
      if (json.outcome !== 'answer') failure = `${candidate.name} ${type}: ${json.error ?? 'no reply'}`;
      else if (json.status === 'NOERROR' && records.some((r) => r.type === type)) answered = true;
      else if (json.status === 'NXDOMAIN') nodata = false;
      else if (json.status === 'SERVFAIL') servfail = true;
      else if (json.status !== 'NOERROR') failure = `${candidate.name} ${type}: ${json.status}`;
    }
    if (answered) {
      result.answeredBy = candidate.name;
      break;
    }
    if (failure) {
      result.stoppedBy = `${failure}: the resolver stops searching`;
      break;
    }
    if (servfail && config.libc === 'musl') {
      result.stoppedBy = `${candidate.name}: SERVFAIL ends musl's search`;
      break;
    }
    if (nodata && !servfail && config.libc === 'musl') {
      result.stoppedBy = `${candidate.name} exists without A/AAAA data (NODATA): musl stops searching there`;
      break;
    }
  }
  return result;
}
