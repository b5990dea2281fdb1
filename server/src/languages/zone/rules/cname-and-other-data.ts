// zone/cname-and-other-data: a CNAME beside other data at the same owner (RFC 1034 §3.6.2,
// RFC 2181 §10.1). named-checkzone: "NAME: CNAME and other data" and the zone does not load.
// DNSSEC types (RRSIG, NSEC) and KEY may sit beside a CNAME.

import { type ZoneCheck, zoneRule } from '../ruleKit';

export const cnameAndOtherData = zoneRule('cname-and-other-data', 'error', 'CNAME beside other records at the same name');

// Not NXT: named 9.18 refuses NXT beside a CNAME ("CNAME and other data"), though NXT was NSEC's predecessor.
const ALLOWED_BESIDE_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'KEY', 'SIG']);

export function checkCnameAndOtherData(): ZoneCheck {
  return {
    node(n, z, out) {
      const c = n.typeIndex('CNAME');
      if (c < 0 || n.size < 2) return;
      const others: number[] = [];
      for (let t = 0; t < n.size; t++) if (!ALLOWED_BESIDE_CNAME.has(n.types[t])) others.push(t);
      if (others.length === 0) return;
      const cname = n.rows[n.starts[c]];
      const types = others.map((t) => n.types[t]).join(', ');
      const apex = n.name === z.origin ? ' A CNAME can never be at the zone apex, where SOA and NS must be; use the provider\'s ALIAS/flattening or an A/AAAA/HTTPS record.' : '';
      out.push(
        z.finding(cnameAndOtherData, cname, 'type', `${n.name.replace(/\.$/, '')}: CNAME and other data (${types}) at the same name.${apex}`, {
          related: others.map((t) => z.related(n.rows[n.starts[t]], `${n.types[t]} record here`)),
        }),
      );
    },
  };
}
