// zone/occluded: data below a delegation (other than glue addresses) or below a DNAME is
// never served: the delegation or DNAME answers first. named 9.18 loads it silently; Knot
// rejects children of a DNAME ("child record exists under DNAME"). An NS below a DNAME is
// fatal in named ("NS 'x' is below a DNAME 'y' (illegal)"): that one is an error.

import { isAtOrBelow } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, IN_ZONE, recordFinding } from '../zoneIndex';
import { targetOf } from '../targets';

export const occluded = zoneRule('occluded', 'warning', 'Record hidden below a delegation or DNAME');

export function checkOccluded(): ZoneCheck {
  return {
    finish(z, out) {
      // Apex NS targets below a DNAME: named refuses the zone.
      for (const r of z.apexRrset('NS')) {
        const t = targetOf(r);
        if (!t || !z.inZone(t.name)) continue;
        for (const d of z.dnames) {
          if (t.name !== d && isAtOrBelow(t.name, d)) out.push(recordFinding(occluded, r, t.token, `NS '${t.name.replace(/\.$/, '')}' is below a DNAME '${d.replace(/\.$/, '')}' (illegal)`, { severity: 'error' }));
        }
      }
      if (z.delegations.size === 0 && z.dnames.size === 0) return;
      // Glue: addresses of names that some NS record points to.
      const nsTargets = new Set<string>();
      for (let row = 0; row < z.count; row++) if (z.typeName(row) === 'NS') nsTargets.add(z.flags[row] & HAS_TARGET ? z.name(z.target[row]) : '');
      const reported = new Set<string>();
      for (let row = 0; row < z.count; row++) {
        const owner = z.ownerName(row);
        if (reported.has(owner) || !(z.flags[row] & IN_ZONE)) continue;
        const cut = z.cutAbove(owner);
        if (!cut) continue;
        const type = z.typeName(row);
        if (cut.kind === 'delegation' && (((type === 'A' || type === 'AAAA') && nsTargets.has(owner)) || type === 'NS' || type === 'DS')) continue; // glue, nested delegations
        reported.add(owner);
        const why = cut.kind === 'delegation' ? `below the delegation to ${cut.name.replace(/\.$/, '')}` : `below the DNAME at ${cut.name.replace(/\.$/, '')}`;
        out.push(z.finding(occluded, row, 'anchor', `${owner.replace(/\.$/, '')} is ${why}: this data is occluded and never served`));
      }
    },
  };
}
