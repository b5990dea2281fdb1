// zone/bad-owner-name: a host name that is not a valid host name (letters, digits and
// hyphens; RFC 952/1123) where one is required: owners of A/AAAA/MX records and the names
// in NS, MX, SRV and SOA mname. named-checkzone warns "bad owner name (check-names)" /
// "bad name (check-names)" (-k warn, the default).

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding } from '../zoneIndex';

export const badOwnerName = zoneRule('bad-owner-name', 'warning', 'Not a valid host name (check-names)');

/** One LDH label: letters, digits and hyphens, not starting or ending with a hyphen. */
function isLdhLabel(key: string, start: number, end: number): boolean {
  if (end <= start || key.charCodeAt(start) === 45 || key.charCodeAt(end - 1) === 45) return false;
  for (let i = start; i < end; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/**
 * RFC 952/1123 host name (a canonical key); a leading `*` label is allowed for owners
 * (wildcards). A scan of the key, no cache: a big zone's owners are all different.
 */
export function isHostName(key: string, allowWildcard: boolean): boolean {
  if (key === '.') return true;
  let start = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    // An escape ("\." or "\032") is never LDH.
    if (c === 92) return false;
    if (c !== 46) continue;
    const wildcard = allowWildcard && start === 0 && i === 1 && key.charCodeAt(0) === 42;
    if (!wildcard && !isLdhLabel(key, start, i)) return false;
    start = i + 1;
  }
  return start === key.length || isLdhLabel(key, start, key.length);
}

const HOST_OWNER_TYPES = new Set(['A', 'AAAA', 'MX']);
/** Field index of the host name in RDATA that check-names checks. */
const HOST_FIELD: Record<string, number> = { NS: 0, MX: 1, SRV: 3, SOA: 0 };

export function checkBadOwnerName(): ZoneCheck {
  return {
    record(r, _row, z, out) {
      if (HOST_OWNER_TYPES.has(r.type) && !isHostName(r.owner, true) && z.inZone(r.owner)) {
        out.push(recordFinding(badOwnerName, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: bad owner name (check-names): a ${r.type} owner must be a host name (letters, digits, hyphens)`));
      }
      const index = HOST_FIELD[r.type];
      const v = index !== undefined ? r.values?.[index] : undefined;
      if (v && typeof v.value === 'string' && !isHostName(v.value, false)) {
        out.push(recordFinding(badOwnerName, r, v.tokens[0], `${v.value.replace(/\.$/, '')}: bad name (check-names): the ${r.type} ${v.spec.name} must be a host name (letters, digits, hyphens)`));
      }
    },
  };
}
