// zone/missing-soa: the zone has no SOA record at its apex. named-checkzone: "zone
// example.com/IN: has 0 SOA records" and the zone does not load.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import type { ZoneIndex } from '../zoneIndex';

export const missingSoa = zoneRule('missing-soa', 'error', 'No SOA record at the zone apex');

export function checkMissingSoa(z: ZoneIndex): Finding[] {
  if (z.has(z.origin, 'SOA') || z.ast.fragment) return [];
  const where = z.ast.originSource === 'none' ? ' (the origin is unknown: add $ORIGIN or set infraLens.zone.origin / --origin)' : ` (origin ${z.origin} from ${z.ast.originSource})`;
  return [{ ruleId: missingSoa.id, range: lineRange(0, 0, 0), message: `Zone ${z.origin} has 0 SOA records${where}` }];
}
