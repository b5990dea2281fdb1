// zone/missing-apex-ns: no NS records at the apex. named-checkzone: "zone example.com/IN:
// has no NS records" and the zone does not load (Knot: "missing NS at the zone apex").

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding } from '../zoneIndex';

export const missingApexNs = zoneRule('missing-apex-ns', 'error', 'No NS records at the zone apex');

export function checkMissingApexNs(): ZoneCheck {
  return {
    finish(z, out) {
      const soa = z.apexRrset('SOA')[0];
      if (!soa || z.apexRrset('NS').length > 0) return;
      out.push(recordFinding(missingApexNs, soa, ownerOrType(soa), `Zone ${z.origin.replace(/\.$/, '')} has no NS records at its apex (add "@ IN NS ns1.${z.origin}")`));
    },
  };
}
