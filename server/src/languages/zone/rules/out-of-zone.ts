// zone/out-of-zone: a record whose owner is not at or below the zone's origin. named-checkzone
// ignores it with "ignoring out-of-zone data (NAME)"; often a relative/absolute mix-up.

import type { Finding } from '../../../core/finding';
import { isAtOrBelow } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';

export const outOfZone = zoneRule('out-of-zone', 'warning', 'Record outside the zone is ignored');

export function checkOutOfZone(z: ZoneIndex): Finding[] {
  // A fragment named like db.hosts gets a guessed origin; its includer decides the real one.
  if (z.ast.originSource === 'none' || (z.ast.fragment && z.ast.originSource === 'file name')) return [];
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const r of z.ast.records) {
    if (isAtOrBelow(r.owner, z.origin) || reported.has(r.owner)) continue;
    reported.add(r.owner);
    out.push(recordFinding(outOfZone, r, ownerOrType(r), `Ignoring out-of-zone data (${r.owner.replace(/\.$/, '')}): the zone is ${z.origin}`));
  }
  return out;
}
