// zone/missing-soa: the zone has no SOA record at its apex. named-checkzone: "zone
// example.com/IN: has 0 SOA records" and the zone does not load. An in-zone SOA below the
// apex is zone/soa-not-at-apex's, on its own line ("SOA record not at top of zone", which
// stops named's load before it counts SOAs): saying "0 SOA records" too is the same error twice.

import { lineRange } from '../../../core/finding';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { IN_ZONE, type ZoneIndex } from '../zoneIndex';

export const missingSoa = zoneRule('missing-soa', 'error', 'No SOA record at the zone apex');

const SOA_CODE = 6;

function hasSoaBelowApex(z: ZoneIndex): boolean {
  for (let row = 0; row < z.count; row++) if (z.code[row] === SOA_CODE && z.flags[row] & IN_ZONE) return true;
  return false;
}

export function checkMissingSoa(): ZoneCheck {
  return {
    finish(z, out) {
      if (z.apexRrset('SOA').length > 0 || z.ast.fragment || hasSoaBelowApex(z)) return;
      const where = z.ast.originSource === 'none' ? ' (the origin is unknown: add $ORIGIN or set infraLens.zone.origin / --origin)' : ` (origin ${z.origin} from ${z.ast.originSource})`;
      out.push({ ruleId: missingSoa.id, range: lineRange(0, 0, 0), message: `Zone ${z.origin} has 0 SOA records${where}` });
    },
  };
}
