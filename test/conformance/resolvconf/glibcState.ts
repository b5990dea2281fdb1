// Our resolver configuration in the shape the harness's resinit.c prints the real _res:
// the one view both the corpus runner and the res_ninit differential compare.

import { resolverConfig } from '../../../server/src/resolver/config';

export interface GlibcState {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeout: number;
  attempts: number;
  options: string[];
  sortlist: string[];
}

/** resinit.c lists the flags in this order. */
const FLAG_ORDER = ['rotate', 'edns0', 'single-request', 'single-request-reopen', 'no-tld-query', 'use-vc', 'no-reload', 'trust-ad', 'no-aaaa'] as const;

/** 'hang' where glibc's res_init never returns on this text. */
export function ourGlibcState(text: string, hostname: string): GlibcState | 'hang' {
  const c = resolverConfig(text, { libc: 'glibc', hostname });
  if (c.hangsAt) return 'hang';
  return {
    nameservers: c.nameservers.map((n) => n.address.replace(/%[\s\S]*$/, '')),
    search: c.dnsrchView,
    ndots: c.ndots,
    timeout: c.timeout,
    attempts: c.attempts,
    options: FLAG_ORDER.filter((f) => c.flags[f]),
    sortlist: c.sortlist.map((e) => `${e.address}/${e.mask}`),
  };
}
