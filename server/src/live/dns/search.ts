// "Search-list expansion" (+search): the names the node's resolver tries for a short name
// under its search/ndots settings, each one actually sent, in glibc's order, stopping
// where glibc stops (the first answer with records). Shows what ndots:5 costs.

import { candidateNames, type ResolverConfig } from '../../resolver/config';
import { type ClientOptions, type Server } from './client';
import { lookupJson, type LookupJson } from './format';
import { lookup } from './lookup';
import { parseName } from './names';

export interface SearchStep {
  name: string;
  result: LookupJson;
}

export interface SearchResult {
  /** The name as typed. */
  name: string;
  candidates: string[];
  steps: SearchStep[];
  /** The name that answered, if any. */
  answeredBy?: string;
  ndots: number;
  search: string[];
}

export async function searchExpansion(
  name: string, type: { code: number; name: string }, klass: { code: number; name: string }, config: ResolverConfig,
  servers: Server[], options: ClientOptions,
): Promise<SearchResult> {
  const candidates = candidateNames(name, config);
  const steps: SearchStep[] = [];
  let answeredBy: string | undefined;
  for (const candidate of candidates) {
    const parsed = parseName(candidate);
    if (!parsed.ok) {
      steps.push({ name: candidate, result: { server: '-', outcome: 'malformed', error: parsed.error, question: [], answer: [], authority: [], additional: [], warnings: [] } });
      continue;
    }
    const outcome = await lookup(servers, { labels: parsed.labels, type: type.code, class: klass.code }, options, false);
    const result = lookupJson(outcome, { name: parsed.text, type: type.name, klass: klass.name });
    steps.push({ name: parsed.text, result });
    if (result.outcome === 'answer' && result.status === 'NOERROR' && result.answer.length > 0) {
      answeredBy = parsed.text;
      break;
    }
    // glibc (res_nsearch) moves on after NXDOMAIN, no data and SERVFAIL; a timeout or
    // any other error (REFUSED, FORMERR, NOTIMP: NO_RECOVERY) ends the search.
    if (result.outcome !== 'answer' || !['NOERROR', 'NXDOMAIN', 'SERVFAIL'].includes(result.status ?? '')) break;
  }
  return { name, candidates, steps, answeredBy, ndots: config.ndots, search: config.search };
}

export function searchText(r: SearchResult, short: boolean): string {
  const out = [`;; Search-list expansion: ndots:${r.ndots}, search ${r.search.length ? r.search.join(' ') : '(none)'}`,
    `;; ${r.candidates.length} candidate name(s); ${r.steps.length} sent${r.answeredBy ? `, answered by ${r.answeredBy}` : ', none answered'}`];
  // Make the ndots amplification visible: how many queries went out before the name as typed.
  const asTyped = r.candidates.indexOf(r.name.endsWith('.') ? r.name : `${r.name}.`);
  const dots = r.name.replace(/\.$/, '').split('.').length - 1;
  if (!r.name.endsWith('.') && dots < r.ndots && asTyped > 0) {
    out.push(`;; '${r.name}' has ${dots} dot(s), fewer than ndots:${r.ndots}: the search list goes first, ${asTyped} candidate(s) before '${r.name}.' itself.`);
  }
  out.push('');
  r.steps.forEach((s, i) => {
    const res = s.result;
    const status = res.outcome === 'answer' ? `${res.status}${res.answer.length === 0 && res.status === 'NOERROR' ? ' (no data)' : ''}` : res.error;
    out.push(`${i + 1}. ${s.name} ${res.question[0]?.type ?? ''} -> ${status}${res.queryTimeMs !== undefined ? ` (${res.queryTimeMs} ms from ${res.server})` : ''}`);
    if (!short || s.name === r.answeredBy) for (const a of res.answer) out.push(`     ${a.name} ${a.ttl} ${a.class} ${a.type} ${a.data}`);
  });
  const unsent = r.candidates.length - r.steps.length;
  if (unsent > 0) out.push('', `;; ${unsent} later candidate(s) not sent: the resolver stops at the first answer.`);
  return out.join('\n') + '\n';
}
