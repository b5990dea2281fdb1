// zone/multiple-singleton: a second, different SOA, CNAME or DNAME at one owner.
// named-checkzone: "multiple RRs of singleton type" and the zone does not load.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, related, type ZoneIndex } from '../zoneIndex';
import { rdataKey } from '../recordKey';

export const multipleSingleton = zoneRule('multiple-singleton', 'error', 'More than one SOA, CNAME or DNAME at a name');

export function checkMultipleSingleton(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const node of z.nodes.values()) {
    for (const type of ['SOA', 'CNAME', 'DNAME']) {
      const list = node.get(type);
      if (!list || list.length < 2) continue;
      const first = list[0];
      const seen = new Set([rdataKey(first)]);
      for (const r of list.slice(1)) {
        const key = rdataKey(r);
        if (seen.has(key)) continue; // identical duplicates are merged (zone/duplicate-record)
        seen.add(key);
        out.push(recordFinding(multipleSingleton, r, r.typeToken, `${r.owner.replace(/\.$/, '')}: multiple RRs of singleton type ${type}: only one ${type} may exist at a name`, { related: [related(first, `first ${type} here`)] }));
      }
    }
  }
  return out;
}
