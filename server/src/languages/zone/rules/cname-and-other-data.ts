// zone/cname-and-other-data: a CNAME beside other data at the same owner (RFC 1034 §3.6.2,
// RFC 2181 §10.1). named-checkzone: "NAME: CNAME and other data" and the zone does not load.
// DNSSEC types (RRSIG, NSEC) and KEY may sit beside a CNAME.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, related, type ZoneIndex } from '../zoneIndex';

export const cnameAndOtherData = zoneRule('cname-and-other-data', 'error', 'CNAME beside other records at the same name');

// Not NXT: named 9.18 refuses NXT beside a CNAME ("CNAME and other data"), though NXT was NSEC's predecessor.
const ALLOWED_BESIDE_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'KEY', 'SIG']);

export function checkCnameAndOtherData(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const [owner, node] of z.nodes) {
    const cnames = node.get('CNAME');
    if (!cnames) continue;
    const others = [...node.entries()].filter(([t]) => !ALLOWED_BESIDE_CNAME.has(t));
    if (others.length === 0) continue;
    const cname = cnames[0];
    const types = others.map(([t]) => t).join(', ');
    const apex = owner === z.origin ? ' A CNAME can never be at the zone apex, where SOA and NS must be; use the provider\'s ALIAS/flattening or an A/AAAA/HTTPS record.' : '';
    out.push(
      recordFinding(cnameAndOtherData, cname, cname.typeToken, `${owner.replace(/\.$/, '')}: CNAME and other data (${types}) at the same name.${apex}`, {
        related: others.map(([t, rs]) => related(rs[0], `${t} record here`)),
      }),
    );
  }
  return out;
}
