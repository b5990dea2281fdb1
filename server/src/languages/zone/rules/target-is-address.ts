// zone/target-is-address: an MX exchange or NS name written as an IP address. It is read
// as a (relative) host name, which is not what was meant. named-checkzone warns
// "MX is an address" (-m warn) / "NS record '192.0.2.9' appears to be an address" (-n warn).

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding } from '../zoneIndex';
import { isDottedQuad, isIpv6 } from '../values';

export const targetIsAddress = zoneRule('target-is-address', 'warning', 'MX, NS or SRV target written as an IP address');

export function checkTargetIsAddress(): ZoneCheck {
  return {
    types: ['MX', 'NS', 'SRV'],
    record(r, _row, _z, out) {
      const index = r.type === 'MX' ? 1 : r.type === 'NS' ? 0 : r.type === 'SRV' ? 3 : -1;
      const token = index >= 0 && r.values ? r.values[index]?.tokens[0] : undefined;
      if (!token) return;
      // Only a text starting with a digit or holding a ':' can be an address.
      const c = token.text.charCodeAt(0);
      if (!(c >= 48 && c <= 57) && token.text.indexOf(':') < 0) return;
      const text = token.text.replace(/\.$/, '');
      if (!isDottedQuad(text) && !isIpv6(text)) return;
      const message = r.type === 'NS' ? `NS record '${text}' appears to be an address: NS needs a host name with an A/AAAA record` : `'${text}': ${r.type} is an address: ${r.type} needs a host name with an A/AAAA record`;
      out.push(recordFinding(targetIsAddress, r, token, message));
    },
  };
}
