// zone/missing-apex-ns: no NS records at the apex. named-checkzone: "zone example.com/IN:
// has no NS records" and the zone does not load (Knot: "missing NS at the zone apex").

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';

export const missingApexNs = zoneRule('missing-apex-ns', 'error', 'No NS records at the zone apex');

export function checkMissingApexNs(z: ZoneIndex): Finding[] {
  const soa = z.rrset(z.origin, 'SOA')[0];
  if (!soa || z.has(z.origin, 'NS')) return [];
  return [recordFinding(missingApexNs, soa, ownerOrType(soa), `Zone ${z.origin.replace(/\.$/, '')} has no NS records at its apex (add "@ IN NS ns1.${z.origin}")`)];
}
