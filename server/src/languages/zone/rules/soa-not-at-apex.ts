// zone/soa-not-at-apex: an SOA record whose owner is not the zone's origin. named-checkzone:
// "SOA record not at top of zone (sub.example.com)" and the zone does not load.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';

export const soaNotAtApex = zoneRule('soa-not-at-apex', 'error', 'SOA record not at the top of the zone');

export function checkSoaNotAtApex(z: ZoneIndex): Finding[] {
  return z.ast.records
    .filter((r) => r.type === 'SOA' && r.owner !== z.origin && z.inZone(r.owner))
    .map((r) => recordFinding(soaNotAtApex, r, ownerOrType(r), `SOA record not at top of zone (${r.owner.replace(/\.$/, '')}); the zone is ${z.origin}`));
}
