// zone/occluded: data below a delegation (other than glue addresses) or below a DNAME is
// never served: the delegation or DNAME answers first. named 9.18 loads it silently; Knot
// rejects children of a DNAME ("child record exists under DNAME"). An NS below a DNAME is
// fatal in named ("NS 'x' is below a DNAME 'y' (illegal)"): that one is an error.

import type { Finding } from '../../../core/finding';
import { isAtOrBelow } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';
import { targetOf } from '../targets';

export const occluded = zoneRule('occluded', 'warning', 'Record hidden below a delegation or DNAME');

export function checkOccluded(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  // Apex NS targets below a DNAME: named refuses the zone.
  for (const r of z.rrset(z.origin, 'NS')) {
    const t = targetOf(r);
    if (!t || !z.inZone(t.name)) continue;
    for (const d of z.dnames) {
      if (t.name !== d && isAtOrBelow(t.name, d)) out.push(recordFinding(occluded, r, t.token, `NS '${t.name.replace(/\.$/, '')}' is below a DNAME '${d.replace(/\.$/, '')}' (illegal)`, { severity: 'error' }));
    }
  }
  if (z.delegations.size === 0 && z.dnames.size === 0) return out;
  // Glue: addresses of names that some NS record points to.
  const nsTargets = new Set<string>();
  for (const r of z.ast.records) if (r.type === 'NS') nsTargets.add(targetOf(r)?.name ?? '');
  const reported = new Set<string>();
  for (const r of z.ast.records) {
    if (reported.has(r.owner) || !z.inZone(r.owner)) continue;
    const cut = z.cutAbove(r.owner);
    if (!cut) continue;
    if (cut.kind === 'delegation' && (((r.type === 'A' || r.type === 'AAAA') && nsTargets.has(r.owner)) || r.type === 'NS' || r.type === 'DS')) continue; // glue, nested delegations
    reported.add(r.owner);
    const why = cut.kind === 'delegation' ? `below the delegation to ${cut.name.replace(/\.$/, '')}` : `below the DNAME at ${cut.name.replace(/\.$/, '')}`;
    out.push(recordFinding(occluded, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')} is ${why}: this data is occluded and never served`));
  }
  return out;
}
