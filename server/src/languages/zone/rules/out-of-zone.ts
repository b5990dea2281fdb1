// zone/out-of-zone: a record whose owner is not at or below the zone's origin. named-checkzone
// ignores it with "ignoring out-of-zone data (NAME)"; often a relative/absolute mix-up.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { IN_ZONE, ownerOrType, recordFinding } from '../zoneIndex';

export const outOfZone = zoneRule('out-of-zone', 'warning', 'Record outside the zone is ignored');

export function checkOutOfZone(): ZoneCheck {
  const reported = new Set<string>();
  return {
    record(r, row, z, out) {
      // A fragment named like db.hosts gets a guessed origin; its includer decides the real one.
      if (z.ast.originSource === 'none' || (z.ast.fragment && z.ast.originSource === 'file name')) return;
      if (z.flags[row] & IN_ZONE || reported.has(r.owner)) return;
      reported.add(r.owner);
      out.push(recordFinding(outOfZone, r, ownerOrType(r), `Ignoring out-of-zone data (${r.owner.replace(/\.$/, '')}): the zone is ${z.origin}`));
    },
  };
}
