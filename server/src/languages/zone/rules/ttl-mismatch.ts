// zone/ttl-mismatch: records of one RRset (same owner and type) with different TTLs. An
// RRset has one TTL (RFC 2181 §5.2); named-checkzone keeps the first: "TTL set to prior TTL
// (300)", Knot "TTL mismatch".

import { type ZoneCheck, zoneRule } from '../ruleKit';

export const ttlMismatch = zoneRule('ttl-mismatch', 'warning', 'Different TTLs within one RRset');

export function checkTtlMismatch(): ZoneCheck {
  return {
    node(n, z, out) {
      for (let t = 0; t < n.size; t++) {
        const type = n.types[t];
        if (n.ends[t] - n.starts[t] < 2 || type === 'RRSIG') continue;
        const first = n.rows[n.starts[t]];
        const ttl = z.ttl[first];
        for (let k = n.starts[t] + 1; k < n.ends[t]; k++) {
          const row = n.rows[k];
          if (z.ttl[row] === ttl) continue;
          out.push(z.finding(ttlMismatch, row, 'ttl', `${type} TTL ${z.ttl[row]} differs from the RRset's TTL ${ttl}: TTL set to prior TTL (${ttl})`, { related: [z.related(first, `first ${type} with TTL ${ttl}`)] }));
        }
      }
    },
  };
}
