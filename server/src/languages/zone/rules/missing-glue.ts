// zone/missing-glue: a delegation whose name server lies below the cut (in bailiwick) has
// no A/AAAA glue in the zone, so resolvers cannot reach it. named-checkzone: "... has no
// REQUIRED GLUE address records (A or AAAA)"; Knot: "missing glue record".

import { isAtOrBelow } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, IN_ZONE } from '../zoneIndex';

export const missingGlue = zoneRule('missing-glue', 'warning', 'Delegation to an in-bailiwick name server without glue');

export function checkMissingGlue(): ZoneCheck {
  return {
    finish(z, out) {
      if (z.delegations.size === 0) return;
      // The NS rows of each delegation point, in file order, from one scan.
      const rows = new Map<string, number[]>();
      for (let row = 0; row < z.count; row++) {
        if (!(z.flags[row] & IN_ZONE) || z.typeName(row) !== 'NS') continue;
        const owner = z.ownerName(row);
        if (!z.delegations.has(owner)) continue;
        const list = rows.get(owner);
        if (list) list.push(row);
        else rows.set(owner, [row]);
      }
      for (const cut of z.delegations) {
        for (const row of rows.get(cut) ?? []) {
          if (!(z.flags[row] & HAS_TARGET)) continue;
          const name = z.name(z.target[row]);
          if (!isAtOrBelow(name, cut) || z.hasAddress(name)) continue;
          out.push(z.finding(missingGlue, row, 'target', `${cut.replace(/\.$/, '')}/NS '${name.replace(/\.$/, '')}' (in the delegated zone) has no REQUIRED GLUE address records (A or AAAA)`));
        }
      }
    },
  };
}
