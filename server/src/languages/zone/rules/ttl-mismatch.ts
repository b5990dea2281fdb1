// zone/ttl-mismatch: records of one RRset (same owner and type) with different TTLs. An
// RRset has one TTL (RFC 2181 §5.2); named-checkzone keeps the first: "TTL set to prior TTL
// (300)", Knot "TTL mismatch".

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, related, type ZoneIndex } from '../zoneIndex';

export const ttlMismatch = zoneRule('ttl-mismatch', 'warning', 'Different TTLs within one RRset');

export function checkTtlMismatch(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const node of z.nodes.values()) {
    for (const [type, list] of node) {
      if (list.length < 2 || type === 'RRSIG') continue;
      const first = list[0];
      for (const r of list.slice(1)) {
        if (r.ttl === first.ttl) continue;
        out.push(recordFinding(ttlMismatch, r, r.ttlToken ?? ownerOrType(r), `${type} TTL ${r.ttl} differs from the RRset's TTL ${first.ttl}: TTL set to prior TTL (${first.ttl})`, { related: [related(first, `first ${type} with TTL ${first.ttl}`)] }));
      }
    }
  }
  return out;
}
