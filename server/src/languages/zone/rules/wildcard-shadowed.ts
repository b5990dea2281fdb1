// zone/wildcard-shadowed: a wildcard `*.P` answers only for names that do not exist. An
// explicit name `C.P` beside it — even one that only has other types — is not covered:
// a query for a type the wildcard has but `C.P` lacks gets an empty answer (NODATA,
// RFC 4592 §2.2.1), a frequent surprise after adding e.g. an MX or TXT to one host.

import type { Finding } from '../../../core/finding';
import { parentName } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, related, type ZoneIndex } from '../zoneIndex';

export const wildcardShadowed = zoneRule('wildcard-shadowed', 'information', 'Explicit name beside a wildcard does not get the wildcard\'s records');

const ANSWER_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'HTTPS'];

export function checkWildcardShadowed(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const wildcards = new Map<string, string>(); // parent -> wildcard owner
  for (const owner of z.nodes.keys()) if (owner.startsWith('*.')) wildcards.set(owner.slice(2), owner);
  if (wildcards.size === 0) return out;
  for (const [owner, node] of z.nodes) {
    if (owner.startsWith('*.') || owner.startsWith('_') || node.has('CNAME')) continue;
    const parent = parentName(owner);
    const wildcard = parent ? wildcards.get(parent) : undefined;
    if (!wildcard) continue;
    const wnode = z.nodes.get(wildcard)!;
    const missing = ANSWER_TYPES.filter((t) => wnode.has(t) && !node.has(t) && !(t === 'CNAME' && node.size > 0));
    if (missing.length === 0) continue;
    const first = [...node.values()][0][0];
    const wfirst = [...wnode.values()][0][0];
    out.push(recordFinding(wildcardShadowed, first, ownerOrType(first), `${owner.replace(/\.$/, '')} exists, so ${wildcard.replace(/\.$/, '')} does not answer for it: ${missing.join('/')} queries for ${owner.replace(/\.$/, '')} get no data (RFC 4592)`, { related: [related(wfirst, 'the wildcard')] }));
  }
  return out;
}
