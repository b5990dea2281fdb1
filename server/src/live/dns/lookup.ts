// One lookup the way dig does it: the servers in order, moving on only when a server gives
// no reply (or, with +nofail, SERVFAIL/REFUSED), and reporting the last outcome.

import { type ClientOptions, query, type QueryOutcome, type Server } from './client';
import type { Question } from './message';

export async function lookup(servers: Server[], q: Question, options: ClientOptions, stopOnServfail: boolean): Promise<QueryOutcome> {
  let last: QueryOutcome | undefined;
  const warnings: string[] = [];
  for (const server of servers) {
    if (options.isCancelled?.()) break;
    last = await query(server, q, options);
    warnings.push(...last.warnings);
    if (last.kind === 'answer') {
      const bad = last.message.status === 'SERVFAIL' || last.message.status === 'REFUSED';
      if (!bad || stopOnServfail) break;
    }
  }
  if (!last) throw new Error('no servers to ask');
  return { ...last, warnings };
}
