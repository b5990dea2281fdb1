// zone/missing-glue: a delegation whose name server lies below the cut (in bailiwick) has
// no A/AAAA glue in the zone, so resolvers cannot reach it. named-checkzone: "... has no
// REQUIRED GLUE address records (A or AAAA)"; Knot: "missing glue record".

import type { Finding } from '../../../core/finding';
import { isAtOrBelow } from '../names';
import { zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';
import { targetOf } from '../targets';

export const missingGlue = zoneRule('missing-glue', 'warning', 'Delegation to an in-bailiwick name server without glue');

export function checkMissingGlue(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const cut of z.delegations) {
    for (const r of z.rrset(cut, 'NS')) {
      const t = targetOf(r);
      if (!t || !isAtOrBelow(t.name, cut) || z.hasAddress(t.name)) continue;
      out.push(recordFinding(missingGlue, r, t.token, `${cut.replace(/\.$/, '')}/NS '${t.name.replace(/\.$/, '')}' (in the delegated zone) has no REQUIRED GLUE address records (A or AAAA)`));
    }
  }
  return out;
}
