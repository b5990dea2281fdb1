// corefile/server-key: a server block key CoreDNS refuses ([scheme://]zone[:port]), or one it
// reads differently from what was meant (an unknown scheme or a non-numeric port become part
// of the zone name).

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { hasEnvPlaceholder } from '../parser';
import { normalizeKey, splitTransport } from '../serverKey';
import { findingAt, type RuleContext } from './context';

export const serverKeyRule = defineRule({ id: 'corefile/server-key', language: 'corefile', defaultSeverity: 'error', title: 'Invalid server block key (zone, port, scheme, CIDR)' });

export function checkServerKeys({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    for (const key of block.keys) {
      if (hasEnvPlaceholder(key) || key.text.endsWith('{')) continue; // glued-brace explains the latter
      const k = normalizeKey(key.text);
      if (k.error) {
        out.push(findingAt(serverKeyRule.id, key, `Invalid server key '${key.text}': ${k.error}`));
        continue;
      }
      if (k.unknownScheme) {
        out.push(findingAt(serverKeyRule.id, key, `'${k.unknownScheme}://' is not a CoreDNS transport (dns, tls, quic, grpc, https, https3): it is read as part of the zone name '${k.zones[0]}'`, { severity: 'warning' }));
        continue;
      }
      const port = Number(k.port);
      if (k.port !== '' && (port < 0 || port > 65535)) out.push(findingAt(serverKeyRule.id, key, `port ${k.port} is out of range (0..65535): CoreDNS cannot listen on it`));
      const rest = splitTransport(key.text).rest;
      const colon = rest.lastIndexOf(':');
      if (colon > 0 && !rest.includes('/') && (rest.match(/:/g)?.length ?? 0) === 1 && !/^[+-]?\d+$/.test(rest.slice(colon + 1))) {
        out.push(findingAt(serverKeyRule.id, key, `':${rest.slice(colon + 1)}' is not a port number: CoreDNS reads the whole key as the zone '${k.zones[0]}' on port ${k.port}`, { severity: 'warning' }));
      }
    }
  }
  return out;
}
