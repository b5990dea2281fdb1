// zone/ns-wildcard: an NS record owned by a wildcard name (RFC 4592 §4.2 forbids wildcard
// delegations). named-checkzone: "*.example: invalid NS owner name (wildcard)", zone not loaded.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding } from '../zoneIndex';

export const nsWildcard = zoneRule('ns-wildcard', 'error', 'NS record at a wildcard name');

export function checkNsWildcard(): ZoneCheck {
  return {
    types: ['NS'],
    record(r, _row, _z, out) {
      if (r.type === 'NS' && r.owner.startsWith('*.')) out.push(recordFinding(nsWildcard, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: invalid NS owner name (wildcard): delegations cannot be wildcards (RFC 4592 §4.2)`));
    },
  };
}
