// zone/bad-owner-name: a host name that is not a valid host name (letters, digits and
// hyphens; RFC 952/1123) where one is required: owners of A/AAAA/MX records and the names
// in NS, MX, SRV and SOA mname. named-checkzone warns "bad owner name (check-names)" /
// "bad name (check-names)" (-k warn, the default).

import type { Finding } from '../../../core/finding';
import { splitLabels } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';

export const badOwnerName = zoneRule('bad-owner-name', 'warning', 'Not a valid host name (check-names)');

const LDH = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** RFC 952/1123 host name; a leading `*` label is allowed for owners (wildcards). */
const hostNameCache = new Map<string, boolean>();

export function isHostName(key: string, allowWildcard: boolean): boolean {
  if (key === '.') return true;
  const cacheKey = allowWildcard ? key : `!${key}`;
  const cached = hostNameCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (hostNameCache.size > 100000) hostNameCache.clear();
  const result = computeIsHostName(key, allowWildcard);
  hostNameCache.set(cacheKey, result);
  return result;
}

function computeIsHostName(key: string, allowWildcard: boolean): boolean {
  const labels = splitLabels(key);
  return labels.every((l, i) => LDH.test(l) || (allowWildcard && i === 0 && l === '*'));
}

const HOST_OWNER_TYPES = new Set(['A', 'AAAA', 'MX']);
/** Field index of the host name in RDATA that check-names checks. */
const HOST_FIELD: Record<string, number> = { NS: 0, MX: 1, SRV: 3, SOA: 0 };

export function checkBadOwnerName(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    if (HOST_OWNER_TYPES.has(r.type) && !isHostName(r.owner, true) && z.inZone(r.owner)) {
      out.push(recordFinding(badOwnerName, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: bad owner name (check-names): a ${r.type} owner must be a host name (letters, digits, hyphens)`));
    }
    const index = HOST_FIELD[r.type];
    const v = index !== undefined ? r.values?.[index] : undefined;
    if (v && typeof v.value === 'string' && !isHostName(v.value, false)) {
      out.push(recordFinding(badOwnerName, r, v.tokens[0], `${v.value.replace(/\.$/, '')}: bad name (check-names): the ${r.type} ${v.spec.name} must be a host name (letters, digits, hyphens)`));
    }
  }
  return out;
}
