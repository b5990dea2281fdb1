// zone/bad-ipv4: named-checkzone rejects an A record whose RDATA is not a dotted quad
// ("bad dotted quad"), and the zone does not load.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import type { ZoneAst } from '../parser';

export const badIpv4 = defineRule({
  id: 'zone/bad-ipv4',
  language: 'zone',
  defaultSeverity: 'error',
  title: 'A record address is not a valid IPv4 dotted quad',
});

/** inet_pton(AF_INET) rules: four decimal octets 0-255, no leading zeros. */
export function isDottedQuad(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function checkBadIpv4(ast: ZoneAst): Finding[] {
  const findings: Finding[] = [];
  for (const r of ast.records) {
    if (r.type.text.toUpperCase() !== 'A' || (r.class && r.class.text.toUpperCase() !== 'IN')) continue;
    const address = r.rdata[0];
    if (!address) {
      findings.push({ ruleId: badIpv4.id, range: lineRange(r.type.line, r.type.start, r.type.end), message: 'A record has no address' });
    } else if (!isDottedQuad(address.text)) {
      findings.push({ ruleId: badIpv4.id, range: lineRange(address.line, address.start, address.end), message: `'${address.text}' is not an IPv4 address (bad dotted quad)` });
    }
  }
  return findings;
}
