// zone/spf-type: a record of type SPF (99). It is obsolete (RFC 7208 §3.1): receivers only
// read TXT. named-checkzone warns "found type SPF record but no SPF TXT record found, add
// matching type TXT record" when the TXT twin is missing.

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const spfType = zoneRule('spf-type', 'warning', 'Obsolete SPF record type without a TXT twin');

export function checkSpfType(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    if (r.type !== 'SPF') continue;
    const hasTxtSpf = z.rrset(r.owner, 'TXT').some((t) => Array.isArray(t.values?.[0]?.value) && (t.values![0].value as string[]).join('').startsWith('v=spf1'));
    if (hasTxtSpf) continue;
    out.push(recordFinding(spfType, r, r.typeToken, 'Found type SPF record but no SPF TXT record: type SPF (99) is obsolete (RFC 7208 §3.1); publish the same policy as TXT'));
  }
  return out;
}
