// Top-level domains, to tell "mail.example.com" (meant absolute, missing its trailing dot)
// from "mail.internal" (a relative name): the IANA root zone's TLDs, generated into
// tldTable.ts by scripts/gen-tlds.mjs.

import { TLD_LIST } from './tldTable';

export const TLDS: ReadonlySet<string> = new Set(TLD_LIST.split(/\s+/).filter((t) => t !== ''));
