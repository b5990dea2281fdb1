// zone/target-no-address: an in-zone NS, MX or SRV target with no A or AAAA record in the
// zone. named-checkzone (-i local/full, the default) warns "example.com/MX
// 'mail.example.com' has no address records (A or AAAA)". Often the missing trailing dot.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, TARGET_IN_ZONE, TARGET_MEANT_ABSOLUTE, TARGET_RELATIVE } from '../zoneIndex';

export const targetNoAddress = zoneRule('target-no-address', 'warning', 'In-zone NS, MX or SRV target has no address');

export function checkTargetNoAddress(): ZoneCheck {
  return {
    finish(z, out) {
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
        // Below a delegation the address is glue: zone/missing-glue reports it for NS.
        const cut = z.cutAbove(name);
        if (cut?.kind === 'delegation' || z.delegations.has(name)) continue;
        const hint = flags & TARGET_RELATIVE ? ` (written without a trailing dot, so it is relative to ${z.name(z.recordOrigin[row])})` : '';
        // An apex NS without an address makes the zone unusable: named refuses to load it.
        out.push(z.finding(targetNoAddress, row, 'target', `${type === 'NS' ? 'NS' : z.rrsetLabel(row)} '${name.replace(/\.$/, '')}' has no address records (A or AAAA)${hint}`, apexNs ? { severity: 'error' } : {}));
      }
    },
  };
}
