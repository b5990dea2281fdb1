// dig-like text and the JSON shape (`infra-lens dig --json`) of one lookup's outcome.

import type { DigRequest } from './args';
import { type QueryOutcome, serverLabel, type Transport } from './client';
import type { DnsMessage, ResourceRecord } from './message';

export interface RecordJson {
  name: string;
  ttl: number;
  class: string;
  type: string;
  data: string;
}

export interface LookupJson {
  server: string;
  outcome: 'answer' | 'no-reply' | 'malformed';
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED… (answers only). */
  status?: string;
  /** Why there is no answer: timeout, refused, malformed… */
  error?: string;
  id?: number;
  opcode?: string;
  flags?: string[];
  question: Array<{ name: string; type: string; class: string }>;
  answer: RecordJson[];
  authority: RecordJson[];
  additional: RecordJson[];
  edns?: { version: number; udpSize: number; flags: string[]; options: Array<{ name: string; hex: string }> };
  transport?: Transport;
  truncatedRetry?: boolean;
  queryTimeMs?: number;
  size?: number;
  warnings: string[];
}

export function recordJson(rr: ResourceRecord): RecordJson {
  return { name: rr.name, ttl: rr.ttl, class: rr.class, type: rr.type, data: rr.data };
}

export function flagList(m: DnsMessage): string[] {
  const f = m.flags;
  return (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).filter((k) => f[k]);
}

export function lookupJson(outcome: QueryOutcome, asked: { name: string; type: string; klass: string }): LookupJson {
  const server = serverLabel(outcome.server);
  // Object literals, not a spread of a shared base: one lookup of a batch of hundreds, cold.
  // The keys stay in the order the JSON output has always had.
  if (outcome.kind === 'no-reply') {
    return { server, question: [{ name: asked.name, type: asked.type, class: asked.klass }], answer: [], authority: [], additional: [], warnings: outcome.warnings, outcome: 'no-reply', error: outcome.detail };
  }
  if (outcome.kind === 'malformed') {
    return { server, question: [{ name: asked.name, type: asked.type, class: asked.klass }], answer: [], authority: [], additional: [], warnings: outcome.warnings, outcome: 'malformed', error: `malformed reply: ${outcome.error}`, transport: outcome.transport };
  }
  const m = outcome.message;
  return {
    server,
    question: m.question.map((q) => ({ name: q.name, type: q.type, class: q.class })),
    answer: m.answer.map(recordJson),
    authority: m.authority.map(recordJson),
    additional: m.additional.map(recordJson),
    warnings: outcome.warnings,
    outcome: 'answer',
    status: m.status,
    id: m.id,
    opcode: m.opcode,
    flags: flagList(m),
    edns: m.edns && { version: m.edns.version, udpSize: m.edns.udpSize, flags: m.edns.do ? ['do'] : [], options: m.edns.options.map((o) => ({ name: o.name, hex: o.hex })) },
    transport: outcome.transport,
    truncatedRetry: outcome.truncatedRetry,
    queryTimeMs: outcome.timeMs,
    size: m.size,
  };
}

/**
 * BIND's master-file columns: TTL at 24, class at 32, type at 40, rdata at 48; tabs up to
 * a column, or one space when the field before already reached it.
 */
function columns(fields: Array<[string, number]>): string {
  let out = '';
  let col = 0;
  for (const [text, column] of fields) {
    if (column > 0) {
      if (col >= column) {
        out += ' ';
        col += 1;
      } else {
        out += '\t'.repeat(Math.ceil((column - col) / 8));
        col = column;
      }
    }
    out += text;
    col += text.length;
  }
  return out;
}

/** `owner<TAB>ttl<TAB>class<TAB>type<TAB>rdata`, aligned as dig aligns it. */
export function recordLine(r: RecordJson): string {
  return columns([[r.name, 0], [String(r.ttl), 24], [r.class, 32], [r.type, 40], [r.data, 48]]);
}

function questionLine(q: { name: string; type: string; class: string }): string {
  return columns([[';' + q.name, 0], [q.class, 32], [q.type, 40]]);
}

/** Warnings dig prints while it waits (truncation, strays), before the answer's banner. */
export function lookupWarnings(l: LookupJson, r: DigRequest): string {
  return l.outcome === 'answer' && r.show.comments && l.warnings.length ? l.warnings.join('\n') + '\n' : '';
}

/** The text dig prints for one answer (or the failure lines when there was none). */
export function lookupText(l: LookupJson, r: DigRequest, when: Date): string {
  const out: string[] = [];
  if (r.short) {
    if (l.outcome !== 'answer') return (l.warnings.join('\n') + (l.warnings.length ? '\n' : '')) + `;; ${l.error}\n`;
    return l.answer.map((a) => (r.identify ? `${a.data} from server ${l.server.split('#')[0]} in ${l.queryTimeMs} ms.` : a.data)).map((s) => s + '\n').join('');
  }
  // Failures (after the banner) always; other warnings dig prints before it (see lookupWarnings).
  if (l.outcome !== 'answer') for (const w of l.warnings) out.push(w);
  if (l.outcome !== 'answer') {
    // Communication errors are already among the warnings, one per try.
    if (l.outcome === 'malformed') out.push(`;; Got bad packet from ${l.server}: ${l.error}`);
    return out.join('\n') + '\n';
  }
  if (r.show.comments) {
    out.push(';; Got answer:');
    out.push(`;; ->>HEADER<<- opcode: ${l.opcode}, status: ${l.status}, id: ${l.id}`);
    const additionalCount = l.additional.length + (l.edns ? 1 : 0);
    out.push(`;; flags: ${l.flags!.join(' ')}; QUERY: ${l.question.length}, ANSWER: ${l.answer.length}, AUTHORITY: ${l.authority.length}, ADDITIONAL: ${additionalCount}`);
    if (r.recurse && !l.flags!.includes('ra')) out.push(';; WARNING: recursion requested but not available');
    if (l.flags!.includes('tc')) out.push(';; WARNING: the answer is truncated (TC=1); records may be missing');
    out.push('');
    if (l.edns) {
      out.push(';; OPT PSEUDOSECTION:', `; EDNS: version: ${l.edns.version}, flags:${l.edns.flags.map((f) => ' ' + f).join('')}; udp: ${l.edns.udpSize}`);
      for (const o of l.edns.options) out.push(`; ${o.name}: ${o.hex}`);
    }
  }
  // As BIND prints them: each section ends with a blank line when comments are on.
  const section = (title: string, show: boolean, lines: string[]) => {
    if (!show || lines.length === 0) return;
    if (r.show.comments) out.push(`;; ${title} SECTION:`);
    out.push(...lines);
    if (r.show.comments) out.push('');
  };
  section('QUESTION', r.show.question, l.question.map(questionLine));
  section('ANSWER', r.show.answer, l.answer.map(recordLine));
  section('AUTHORITY', r.show.authority, l.authority.map(recordLine));
  section('ADDITIONAL', r.show.additional, l.additional.map(recordLine));
  if (r.show.stats) {
    const [address] = l.server.split('#');
    out.push(`;; Query time: ${l.queryTimeMs} msec`, `;; SERVER: ${l.server}(${address}) (${l.transport})`, `;; WHEN: ${digDate(when)}`, `;; MSG SIZE  rcvd: ${l.size}`, '');
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** dig's `WHEN:` line: `Wed Nov 25 15:37:29 UTC 2026`. */
export function digDate(d: Date): string {
  const [wd, , , , time] = d.toUTCString().replace(',', '').split(' ');
  const month = d.toUTCString().split(' ')[2];
  return `${wd} ${month} ${String(d.getUTCDate()).padStart(2, '0')} ${time} UTC ${d.getUTCFullYear()}`;
}
