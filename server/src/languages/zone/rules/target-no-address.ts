// zone/target-no-address: an in-zone NS, MX or SRV target with no A or AAAA record in the
// zone. named-checkzone (-i local/full, the default) warns "example.com/MX
// 'mail.example.com' has no address records (A or AAAA)". Often the missing trailing dot.
// A wildcard answers for names that do not exist (RFC 4592 §3.3.1): `*.example.com A`
// gives `mail.example.com` an address when `mail` has no records and no names below it,
// which is how named's lookup (dns_db_find) sees it. Targets outside the zone are not ours
// to know: no warning.

import { parentName } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, IN_ZONE, TARGET_IN_ZONE, TARGET_MEANT_ABSOLUTE, TARGET_RELATIVE, type ZoneIndex } from '../zoneIndex';

export const targetNoAddress = zoneRule('target-no-address', 'warning', 'In-zone NS, MX or SRV target has no address');

/**
 * Which names exist (own records, or have names below them: empty non-terminals) and
 * which wildcards there are; built once, on the first target without its own address.
 */
class WildcardCover {
  private readonly existing = new Set<string>();
  private wildcards = 0;

  constructor(private readonly z: ZoneIndex) {
    // No wildcard: lookup() answers 'none' without the names (a Set of every name otherwise).
    if (!z.mayHaveWildcards) return;
    const seen = new Set<number>();
    for (let row = 0; row < z.count; row++) {
      if (!(z.flags[row] & IN_ZONE) || seen.has(z.owner[row])) continue;
      seen.add(z.owner[row]);
      const owner = z.name(z.owner[row]);
      if (owner.startsWith('*.')) this.wildcards++;
      for (let n: string | undefined = owner; n && !this.existing.has(n) && z.inZone(n); n = parentName(n)) this.existing.add(n);
    }
  }

  /**
   * What a lookup of the name finds through a wildcard: the wildcard at its closest
   * encloser has an address, a CNAME, or neither (or the name exists, so none applies).
   */
  lookup(name: string): 'address' | 'cname' | 'none' {
    if (this.wildcards === 0 || this.existing.has(name)) return 'none';
    for (let p = parentName(name); p && this.z.inZone(p); p = parentName(p)) {
      if (!this.existing.has(p)) continue;
      const wildcard = p === '.' ? '*.' : `*.${p}`;
      return this.z.hasAddress(wildcard) ? 'address' : this.z.has(wildcard, 'CNAME') ? 'cname' : 'none';
    }
    return 'none';
  }
}

export function checkTargetNoAddress(): ZoneCheck {
  return {
    finish(z, out) {
      let cover: WildcardCover | undefined;
      for (let row = 0; row < z.count; row++) {
        const flags = z.flags[row];
        if (!(flags & HAS_TARGET)) continue;
        const id = z.target[row];
        if (!(flags & TARGET_IN_ZONE) || z.hasAddressId(id) || z.hasId(id, 'CNAME')) continue;
        const name = z.name(id);
        const type = z.typeName(row);
        const apexNs = type === 'NS' && z.ownerName(row) === z.origin;
        // A name that lost its trailing dot is zone/missing-trailing-dot's (with a fix).
        if (flags & TARGET_MEANT_ABSOLUTE && !apexNs) continue;
        // Below a delegation the address is glue: zone/missing-glue reports it for NS. Below
        // a DNAME the lookup is redirected to another name, whose address is not ours to know.
        if (z.cutAbove(name) || z.delegations.has(name)) continue;
        // A wildcard's address (or CNAME, another rule's matter) answers for the name.
        cover ??= new WildcardCover(z);
        if (cover.lookup(name) !== 'none') continue;
        const hint = flags & TARGET_RELATIVE ? ` (written without a trailing dot, so it is relative to ${z.name(z.recordOrigin[row])})` : '';
        // An apex NS without an address makes the zone unusable: named refuses to load it.
        out.push(z.finding(targetNoAddress, row, 'target', `${type === 'NS' ? 'NS' : z.rrsetLabel(row)} '${name.replace(/\.$/, '')}' has no address records (A or AAAA)${hint}`, apexNs ? { severity: 'error' } : {}));
      }
    },
  };
}
