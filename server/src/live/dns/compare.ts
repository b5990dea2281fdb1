// "Compare resolvers" (+compare): the same question to every resolver at once, side by
// side, with what each one says differently from the others.

import { type ClientOptions, query, type Server, serverLabel } from './client';
import type { Question } from './message';

export interface CompareRow {
  server: string;
  outcome: 'answer' | 'no-reply' | 'malformed';
  status: string;
  /** Sorted `TYPE data` strings of the answer section. */
  answer: string[];
  timeMs?: number;
  /** Answer lines only this server gave, and those the others agree on but it lacks. */
  extra: string[];
  missing: string[];
  differs: boolean;
}

export interface CompareResult {
  rows: CompareRow[];
  agree: boolean;
}

function key(row: { status: string; answer: string[] }): string {
  return row.status + '\n' + row.answer.join('\n');
}

export async function compareResolvers(servers: Server[], q: Question, options: ClientOptions): Promise<CompareResult> {
  const outcomes = await Promise.all(servers.map((s) => query(s, q, options)));
  const rows: CompareRow[] = outcomes.map((o) => {
    if (o.kind === 'answer') {
      const answer = o.message.answer.map((r) => `${r.name} ${r.type} ${r.data}`).sort();
      return { server: serverLabel(o.server), outcome: 'answer', status: o.message.status, answer, timeMs: o.timeMs, extra: [], missing: [], differs: false };
    }
    const status = o.kind === 'malformed' ? 'MALFORMED' : o.reason.toUpperCase();
    return { server: serverLabel(o.server), outcome: o.kind, status, answer: [], extra: [], missing: [], differs: false };
  });
  // The majority view is the reference; ties go to the first server listed.
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  let reference = rows[0];
  for (const r of rows) if ((counts.get(key(r)) ?? 0) > (counts.get(key(reference)) ?? 0)) reference = r;
  for (const r of rows) {
    r.differs = key(r) !== key(reference);
    r.extra = r.answer.filter((a) => !reference.answer.includes(a));
    r.missing = reference.answer.filter((a) => !r.answer.includes(a));
  }
  return { rows, agree: rows.every((r) => !r.differs) };
}

export function compareText(result: CompareResult, asked: string): string {
  const out = [`;; Compare resolvers: ${asked}`, ''];
  for (const r of result.rows) {
    const mark = r.differs ? '!!' : 'ok';
    out.push(`${mark} ${r.server}  ${r.status}${r.timeMs !== undefined ? `  ${r.timeMs} ms` : ''}`);
    for (const a of r.answer) out.push(`     ${r.extra.includes(a) ? '+' : ' '} ${a}`);
    for (const m of r.missing) out.push(`     - ${m}`);
  }
  out.push('', result.agree ? ';; All resolvers agree.' : ';; Resolvers DISAGREE (!!: differs from the majority; +: only here; -: missing here).');
  return out.join('\n') + '\n';
}
