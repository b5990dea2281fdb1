// zone/target-is-address: an MX exchange or NS name written as an IP address. It is read
// as a (relative) host name, which is not what was meant. named-checkzone warns
// "MX is an address" (-m warn) / "NS record '192.0.2.9' appears to be an address" (-n warn).

import type { Finding } from '../../../core/finding';
import { zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';
import { isDottedQuad, isIpv6 } from '../values';

export const targetIsAddress = zoneRule('target-is-address', 'warning', 'MX, NS or SRV target written as an IP address');

export function checkTargetIsAddress(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    const index = r.type === 'MX' ? 1 : r.type === 'NS' ? 0 : r.type === 'SRV' ? 3 : -1;
    const token = index >= 0 && r.values ? r.values[index]?.tokens[0] : undefined;
    if (!token) continue;
    const text = token.text.replace(/\.$/, '');
    if (!isDottedQuad(text) && !isIpv6(text)) continue;
    const message = r.type === 'NS' ? `NS record '${text}' appears to be an address: NS needs a host name with an A/AAAA record` : `'${text}': ${r.type} is an address: ${r.type} needs a host name with an A/AAAA record`;
    out.push(recordFinding(targetIsAddress, r, token, message));
  }
  return out;
}
