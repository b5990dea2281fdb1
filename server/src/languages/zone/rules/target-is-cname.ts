// zone/target-is-cname: an NS, MX or SRV target that is a CNAME in this zone. RFC 2181
// §10.3 forbids it. named-checkzone warns "example.com/MX 'alias.example.com' is a CNAME
// (illegal)" (-M/-S warn); for an NS at the apex it is fatal, so that one is an error.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { HAS_TARGET, TARGET_IN_ZONE } from '../zoneIndex';

export const targetIsCname = zoneRule('target-is-cname', 'warning', 'NS, MX or SRV target is an alias (CNAME)');

export function checkTargetIsCname(): ZoneCheck {
  return {
    finish(z, out) {
      for (let row = 0; row < z.count; row++) {
        if (!(z.flags[row] & HAS_TARGET)) continue;
        if (!(z.flags[row] & TARGET_IN_ZONE)) continue;
        const cname = z.cnameRow(z.target[row]);
        if (cname < 0) continue;
        const name = z.name(z.target[row]);
        const type = z.typeName(row);
        const apexNs = type === 'NS' && z.ownerName(row) === z.origin;
        const canonical = z.target[cname] >= 0 ? z.name(z.target[cname]) : '?';
        out.push(
          z.finding(targetIsCname, row, 'target', `${type === 'NS' ? `NS '${name.replace(/\.$/, '')}'` : `${z.rrsetLabel(row)} '${name.replace(/\.$/, '')}'`} is a CNAME (illegal, RFC 2181 §10.3): point it at the canonical name '${canonical}'`, {
            ...(apexNs ? { severity: 'error' as const } : {}),
            related: [z.related(cname, 'the CNAME')],
          }),
        );
      }
    },
  };
}
