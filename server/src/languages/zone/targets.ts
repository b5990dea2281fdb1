// Which RDATA field of a record names a host that must have addresses (NS, MX, SRV), for the
// target checks. A null MX ("0 .") and an SRV target "." mean "no service" and have none.

import type { Token } from './lexer';
import type { ZoneRecord } from './model';

export interface Target {
  name: string;
  token: Token;
  /** Written without a trailing dot. */
  relative: boolean;
}

const TARGET_FIELD: Record<string, number> = { NS: 0, MX: 1, SRV: 3 };

export function targetOf(r: ZoneRecord): Target | undefined {
  const index = TARGET_FIELD[r.type];
  if (index === undefined || !r.values) return undefined;
  const v = r.values[index];
  if (!v || typeof v.value !== 'string' || v.value === '.') return undefined;
  return { name: v.value, token: v.tokens[0], relative: !!v.relative };
}
