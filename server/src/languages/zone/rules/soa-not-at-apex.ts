// zone/soa-not-at-apex: an SOA record whose owner is not the zone's origin. named-checkzone:
// "SOA record not at top of zone (sub.example.com)" and the zone does not load.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { IN_ZONE, ownerOrType, recordFinding } from '../zoneIndex';

export const soaNotAtApex = zoneRule('soa-not-at-apex', 'error', 'SOA record not at the top of the zone');

export function checkSoaNotAtApex(): ZoneCheck {
  return {
    types: ['SOA'],
    record(r, row, z, out) {
      if (r.type === 'SOA' && r.owner !== z.origin && z.flags[row] & IN_ZONE) out.push(recordFinding(soaNotAtApex, r, ownerOrType(r), `SOA record not at top of zone (${r.owner.replace(/\.$/, '')}); the zone is ${z.origin}`));
    },
  };
}
