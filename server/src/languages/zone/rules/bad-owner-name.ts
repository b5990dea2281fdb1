// zone/bad-owner-name: a host name that is not a valid host name (letters, digits and
// hyphens; RFC 952/1123) where one is required: owners of A/AAAA/MX records and the names
// in NS, MX, SRV, AFSDB, RT, DSYNC, SVCB/HTTPS (service form), SOA mname and PTR in reverse
// zones, with BIND's exceptions (gc._msdcs, SPF exists targets, DNS-SD browsing PTRs).
// named-checkzone warns "bad owner name (check-names)" / "bad name (check-names)" (-k warn,
// the default).

import type { ZoneRecord } from '../model';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, IN_ZONE, ownerOrType, recordFinding, TARGET_IN_ZONE, type ZoneIndex } from '../zoneIndex';

export const badOwnerName = zoneRule('bad-owner-name', 'warning', 'Not a valid host name (check-names)');

/**
 * RFC 952/1123 host name (a canonical key); a leading `*` label is allowed for owners
 * (wildcards). A scan of the key, no cache: a big zone's owners are all different.
 */
export function isHostName(key: string, allowWildcard: boolean): boolean {
  if (key === '.') return true;
  return hostLabels(key, allowWildcard, key.length);
}

/** The labels of key[0, to) are host labels (`to` is the key's end or just after a dot). */
function hostLabels(key: string, allowWildcard: boolean, to: number): boolean {
  // One pass: each label's characters are checked as they go by, its ends at the dot.
  let start = 0;
  let ldh = true;
  for (let i = 0; i < to; i++) {
    const c = key.charCodeAt(i);
    if (c !== 46) {
      // An escape ("\." or "\032") is never LDH.
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) ldh = false;
      continue;
    }
    const wildcard = allowWildcard && start === 0 && i === 1 && key.charCodeAt(0) === 42;
    if (!wildcard && !(ldh && hasLdhEnds(key, start, i))) return false;
    start = i + 1;
    ldh = true;
  }
  return start === to || (ldh && hasLdhEnds(key, start, to));
}

/**
 * The labels of a plain relative name's text (no trailing dot) are host labels: hostLabels
 * over the text as if a dot followed it (so a lone `*` label is the wildcard), without
 * making that string (the owner is never flattened in the walk).
 */
function labelsAreHost(text: string, allowWildcard: boolean): boolean {
  let start = 0;
  let ldh = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 46 : text.charCodeAt(i);
    if (c !== 46) {
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) ldh = false;
      continue;
    }
    const wildcard = allowWildcard && start === 0 && i === 1 && text.charCodeAt(0) === 42;
    if (!wildcard && !(ldh && hasLdhEnds(text, start, i))) return false;
    start = i + 1;
    ldh = true;
  }
  return true;
}

/**
 * isHostName for a name known to be below `origin` (not the origin itself): its own labels
 * are scanned, the origin's verdict is the one kept (a big zone's names share it).
 */
function isHostNameBelow(name: string, origin: string, originIsHost: boolean, allowWildcard: boolean): boolean {
  return originIsHost && hostLabels(name, allowWildcard, name.length - origin.length);
}

/** A label of LDH characters is an LDH label when it is not empty and has no hyphen at either end. */
function hasLdhEnds(key: string, start: number, end: number): boolean {
  return end > start && key.charCodeAt(start) !== 45 && key.charCodeAt(end - 1) !== 45;
}

const HOST_OWNER_TYPES = new Set(['A', 'AAAA', 'MX']);
/** Field index of the host name in RDATA that check-names checks (BIND's checknames_*). */
const HOST_FIELD: Record<string, number> = { NS: 0, MX: 1, SRV: 3, SOA: 0, AFSDB: 1, RT: 1, DSYNC: 3, SVCB: 1, HTTPS: 1, PTR: 0 };
/** DNS-SD browsing names under a reverse zone (RFC 6763 §11), whose PTR targets are not hosts (dns_name_isdnssd). */
const DNS_SD = /^(b|db|r|dr|lb)\._dns-sd\._udp\./;
const REVERSE = /(^|\.)(in-addr\.arpa|ip6\.arpa|ip6\.int)\.$/;

/**
 * BIND's exceptions for A/AAAA owners (checkowner_in_a/aaaa): Active Directory's
 * `gc._msdcs.<forest>`, and, for A, SPF `exists:` targets below a `_spf`, `_spf_verify` or
 * `_spf_rate` label (RFC 7208 §5.7, appendix D.1).
 */
function ownerException(type: string, owner: string): boolean {
  // BIND counts the root label: "more than 2" is two or more here, and its SPF loop skips
  // the last label and the root.
  const labels = owner.split('.').filter(Boolean);
  if (labels.length < 2) return false;
  if (labels[0].toLowerCase() === 'gc' && labels[1].toLowerCase() === '_msdcs' && isHostName(`${labels.slice(2).join('.')}.`, false)) return true;
  return type === 'A' && labels.slice(0, -1).some((l) => /^_spf(_verify|_rate)?$/i.test(l));
}

/** Whether check-names looks at this record's host-name field (SVCB alias form, PTR outside reverse zones: no). */
function checksTarget(type: string, owner: string, values: NonNullable<ZoneRecord['values']>): boolean {
  if (type === 'SVCB' || type === 'HTTPS') return values[0]?.value !== 0;
  if (type === 'PTR') return REVERSE.test(owner.toLowerCase()) && !DNS_SD.test(owner.toLowerCase());
  return true;
}

export function checkBadOwnerName(): ZoneCheck {
  // The owner's verdict is kept for the next record (an owner's records come together).
  let lastOwner = '';
  let lastHost = true;
  let origin = '';
  let originIsHost = true;
  /** A name at or below the apex (index flags say so) is checked against the apex's kept verdict. */
  const hostName = (name: string, inZone: boolean, allowWildcard: boolean, z: ZoneIndex): boolean => {
    if (!inZone || z.origin === '.' || name === z.origin) return isHostName(name, allowWildcard);
    if (z.origin !== origin) {
      origin = z.origin;
      originIsHost = isHostName(origin, false);
    }
    return isHostNameBelow(name, origin, originIsHost, allowWildcard);
  };
  const ownerIsHost = (owner: string, inZone: boolean, z: ZoneIndex): boolean => {
    // Written relative to the apex: its text's labels, then the apex's (case does not matter).
    const label = z.ownerLabel;
    if (label !== undefined) {
      if (z.origin !== origin) {
        origin = z.origin;
        originIsHost = isHostName(origin, false);
      }
      return originIsHost && labelsAreHost(label, true);
    }
    if (owner !== lastOwner) {
      lastOwner = owner;
      lastHost = hostName(owner, inZone, true, z);
    }
    return lastHost;
  };
  return {
    types: [...HOST_OWNER_TYPES, ...Object.keys(HOST_FIELD)],
    // Out-of-zone owners too: named checks names before it drops out-of-zone data.
    record(r, row, z, out) {
      if (HOST_OWNER_TYPES.has(r.type) && !ownerIsHost(r.owner, (z.flags[row] & IN_ZONE) !== 0, z) && !(r.type !== 'MX' && ownerException(r.type, r.owner))) {
        out.push(recordFinding(badOwnerName, r, ownerOrType(r), `${r.owner.replace(/\.$/, '')}: bad owner name (check-names): a ${r.type} owner must be a host name (letters, digits, hyphens)`));
      }
      const index = HOST_FIELD[r.type];
      const v = index !== undefined ? r.values?.[index] : undefined;
      // The NS/MX/SRV host is the index's target: its flags say whether it is in the zone.
      const inZone = (z.flags[row] & (HAS_TARGET | TARGET_IN_ZONE)) === (HAS_TARGET | TARGET_IN_ZONE);
      if (v && typeof v.value === 'string' && !hostName(v.value, inZone, false, z) && checksTarget(r.type, r.owner, r.values!)) {
        out.push(recordFinding(badOwnerName, r, v.tokens[0], `${v.value.replace(/\.$/, '')}: bad name (check-names): the ${r.type} ${v.spec.name} must be a host name (letters, digits, hyphens)`));
      }
    },
  };
}
