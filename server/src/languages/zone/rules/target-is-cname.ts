// zone/target-is-cname: an NS, MX or SRV target that is a CNAME in this zone. RFC 2181
// §10.3 forbids it. named-checkzone warns "example.com/MX 'alias.example.com' is a CNAME
// (illegal)" (-M/-S warn); for an NS at the apex it is fatal, so that one is an error.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, related, rrsetLabel, type ZoneIndex } from '../zoneIndex';
import { targetOf } from '../targets';

export const targetIsCname = zoneRule('target-is-cname', 'warning', 'NS, MX or SRV target is an alias (CNAME)');

export function checkTargetIsCname(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    const t = targetOf(r);
    if (!t || !z.inZone(t.name)) continue;
    const cname = z.rrset(t.name, 'CNAME')[0];
    if (!cname) continue;
    const apexNs = r.type === 'NS' && r.owner === z.origin;
    out.push(
      recordFinding(targetIsCname, r, t.token, `${r.type === 'NS' ? `NS '${t.name.replace(/\.$/, '')}'` : `${rrsetLabel(r)} '${t.name.replace(/\.$/, '')}'`} is a CNAME (illegal, RFC 2181 §10.3): point it at the canonical name '${cname.values?.[0]?.value ?? '?'}'`, {
        ...(apexNs ? { severity: 'error' as const } : {}),
        related: [related(cname, 'the CNAME')],
      }),
    );
  }
  return out;
}
