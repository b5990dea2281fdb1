// zone/wildcard-shadowed: a wildcard `*.P` answers only for names that do not exist. An
// explicit name `C.P` beside it — even one that only has other types — is not covered:
// a query for a type the wildcard has but `C.P` lacks gets an empty answer (NODATA,
// RFC 4592 §2.2.1), a frequent surprise after adding e.g. an MX or TXT to one host.

import { parentName } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { IN_ZONE } from '../zoneIndex';

export const wildcardShadowed = zoneRule('wildcard-shadowed', 'information', 'Explicit name beside a wildcard does not get the wildcard\'s records');

const ANSWER_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'HTTPS'];

export function checkWildcardShadowed(): ZoneCheck {
  /** parent -> wildcard owner, and each wildcard's types and first row. */
  const wildcards = new Map<string, string>();
  const wildcardNodes = new Map<string, { types: Set<string>; first: number }>();
  return {
    record(r, row, z) {
      if (!(z.flags[row] & IN_ZONE)) return;
      const label = z.ownerLabel;
      // Written relative to the apex: the text says whether the owner starts with '*.'.
      if (label !== undefined ? !(label === '*' || label.startsWith('*.')) : !r.owner.startsWith('*.')) return;
      wildcards.set(r.owner.slice(2), r.owner);
      const node = wildcardNodes.get(r.owner);
      if (node) node.types.add(r.type);
      else wildcardNodes.set(r.owner, { types: new Set([r.type]), first: row });
    },
    // An owner with one record is shadowed like any other.
    singleRecordNodes: () => wildcards.size > 0,
    node(n, z, out) {
      if (wildcards.size === 0) return;
      const owner = n.name;
      if (owner.startsWith('*.') || owner.startsWith('_') || n.has('CNAME')) return;
      const parent = parentName(owner);
      const wildcard = parent ? wildcards.get(parent) : undefined;
      if (!wildcard) return;
      const wnode = wildcardNodes.get(wildcard)!;
      const missing = ANSWER_TYPES.filter((t) => wnode.types.has(t) && !n.has(t) && !(t === 'CNAME' && n.size > 0));
      if (missing.length === 0) return;
      out.push(z.finding(wildcardShadowed, n.firstRow(), 'anchor', `${owner.replace(/\.$/, '')} exists, so ${wildcard.replace(/\.$/, '')} does not answer for it: ${missing.join('/')} queries for ${owner.replace(/\.$/, '')} get no data (RFC 4592)`, { related: [z.related(wnode.first, 'the wildcard')] }));
    },
  };
}
