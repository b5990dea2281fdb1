// zone/nsec3-owner: an NSEC3 record whose owner's first label is not a base32hex hash
// (RFC 5155 §3: the hashed owner name, unpadded). named-checkzone: "NAME: bad owner name
// (check-names)" and the zone does not load.

import { splitLabels } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding } from '../zoneIndex';
import { readBase32Hex } from '../values';

export const nsec3Owner = zoneRule('nsec3-owner', 'error', 'NSEC3 owner is not a base32hex hash label');

export function checkNsec3Owner(): ZoneCheck {
  return {
    types: ['NSEC3'],
    record(r, _row, z, out) {
      if (r.type !== 'NSEC3') return;
      const label = splitLabels(r.owner)[0] ?? '';
      if (label && readBase32Hex(label).error === undefined && r.owner !== z.origin) return;
      out.push(recordFinding(nsec3Owner, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: bad owner name (check-names): an NSEC3 owner is the base32hex hash of a name, without padding`));
    },
  };
}
