// zone/ds-at-apex: a DS record at the zone apex. DS belongs in the parent zone, at the
// delegation. named-checkzone: "DS record at top of zone (example.com)", zone not loaded.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding } from '../zoneIndex';

export const dsAtApex = zoneRule('ds-at-apex', 'error', 'DS record at the zone apex');

export function checkDsAtApex(): ZoneCheck {
  return {
    finish(z, out) {
      for (const r of z.apexRrset('DS')) out.push(recordFinding(dsAtApex, r, r.typeToken, `DS record at top of zone (${z.origin.replace(/\.$/, '')}): DS records go in the parent zone, at the delegation`));
    },
  };
}
