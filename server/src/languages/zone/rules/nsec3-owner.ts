// zone/nsec3-owner: an NSEC3 record whose owner's first label is not a base32hex hash
// (RFC 5155 §3: the hashed owner name, unpadded). named-checkzone: "NAME: bad owner name
// (check-names)" and the zone does not load.

import type { Finding } from '../../../core/finding';
import { splitLabels } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';
import { readBase32Hex } from '../values';

export const nsec3Owner = zoneRule('nsec3-owner', 'error', 'NSEC3 owner is not a base32hex hash label');

export function checkNsec3Owner(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    if (r.type !== 'NSEC3') continue;
    const label = splitLabels(r.owner)[0] ?? '';
    if (label && readBase32Hex(label).error === undefined && r.owner !== z.origin) continue;
    out.push(recordFinding(nsec3Owner, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: bad owner name (check-names): an NSEC3 owner is the base32hex hash of a name, without padding`));
  }
  return out;
}
