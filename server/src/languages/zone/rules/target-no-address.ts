// zone/target-no-address: an in-zone NS, MX or SRV target with no A or AAAA record in the
// zone. named-checkzone (-i local/full, the default) warns "example.com/MX
// 'mail.example.com' has no address records (A or AAAA)". Often the missing trailing dot.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, rrsetLabel, type ZoneIndex } from '../zoneIndex';
import { targetOf } from '../targets';
import { looksMeantAbsolute } from './missing-trailing-dot';

export const targetNoAddress = zoneRule('target-no-address', 'warning', 'In-zone NS, MX or SRV target has no address');

export function checkTargetNoAddress(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    const t = targetOf(r);
    if (!t || !z.inZone(t.name) || z.hasAddress(t.name) || z.has(t.name, 'CNAME')) continue;
    // A name that lost its trailing dot is zone/missing-trailing-dot's (with a fix).
    if (t.relative && looksMeantAbsolute(t.token.text, r.origin) && !(r.type === 'NS' && r.owner === z.origin)) continue;
    // Below a delegation the address is glue: zone/missing-glue reports it for NS.
    const cut = z.cutAbove(t.name);
    if (cut?.kind === 'delegation' || z.delegations.has(t.name)) continue;
    const hint = t.relative ? ` (written without a trailing dot, so it is relative to ${r.origin})` : '';
    // An apex NS without an address makes the zone unusable: named refuses to load it.
    const apexNs = r.type === 'NS' && r.owner === z.origin;
    out.push(recordFinding(targetNoAddress, r, t.token, `${r.type === 'NS' ? 'NS' : rrsetLabel(r)} '${t.name.replace(/\.$/, '')}' has no address records (A or AAAA)${hint}`, apexNs ? { severity: 'error' } : {}));
  }
  return out;
}
