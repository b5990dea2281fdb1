// zone/missing-soa: the zone has no SOA record at its apex. named-checkzone: "zone
// example.com/IN: has 0 SOA records" and the zone does not load.

import { lineRange } from '../../../core/finding';
import { type ZoneCheck, zoneRule } from '../ruleKit';

export const missingSoa = zoneRule('missing-soa', 'error', 'No SOA record at the zone apex');

export function checkMissingSoa(): ZoneCheck {
  return {
    finish(z, out) {
      if (z.apexRrset('SOA').length > 0 || z.ast.fragment) return;
      const where = z.ast.originSource === 'none' ? ' (the origin is unknown: add $ORIGIN or set infraLens.zone.origin / --origin)' : ` (origin ${z.origin} from ${z.ast.originSource})`;
      out.push({ ruleId: missingSoa.id, range: lineRange(0, 0, 0), message: `Zone ${z.origin} has 0 SOA records${where}` });
    },
  };
}
