// corefile/duplicate-server: two server blocks serve the same transport + zone + port
// ("cannot serve dns://example.org.:53 - it is already defined"), or a block without bind
// and one with bind overlap on it ("zone overlap listener capacity"). Blocks with a view
// are allowed to share (core/dnsserver/register.go validateZonesAndListeningAddresses).

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import type { Token } from '../lexer';
import { hasEnvPlaceholder, tokenRange } from '../parser';
import { formatZoneAddr, normalizeKey } from '../serverKey';
import { findingAt, type RuleContext } from './context';

export const duplicateServer = defineRule({ id: 'corefile/duplicate-server', language: 'corefile', defaultSeverity: 'error', title: 'Same transport, zone and port served by two blocks' });

interface Served {
  key: Token;
  addr: string;
  listen: string;
}

export function checkDuplicateServers({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, Served>();
  const byAddr = new Map<string, Served[]>();
  for (const block of ast.blocks) {
    if (block.hasOpaqueImport) continue;
    const filtered = block.directives.some((d) => d.name.text === 'view');
    const binds = block.directives.filter((d) => d.name.text === 'bind').flatMap((d) => d.args.map((a) => a.text));
    const listens = binds.length ? binds : [''];
    for (const key of block.keys) {
      if (hasEnvPlaceholder(key)) continue;
      const k = normalizeKey(key.text);
      for (const zone of k.zones) {
        const addr = formatZoneAddr(k.transport, zone, k.port);
        for (const listen of listens) {
          const id = `${addr}|${listen}`;
          const first = seen.get(id);
          const others = byAddr.get(addr) ?? [];
          if (!filtered && first) {
            out.push(findingAt(duplicateServer.id, key, `cannot serve ${addr}${listen ? ` on ${listen}` : ''} - it is already defined`, { related: [{ range: tokenRange(first.key), message: `first defined here` }] }));
            continue;
          }
          const overlap = others.find((o) => (o.listen === '') !== (listen === ''));
          if (overlap) out.push(findingAt(duplicateServer.id, key, `cannot serve ${addr} - zone overlap listener capacity with ${addr}${overlap.listen ? ` on ${overlap.listen}` : ''} (one block binds a specific address, the other all addresses)`, { related: [{ range: tokenRange(overlap.key), message: 'overlapping block' }] }));
          if (!filtered) seen.set(id, { key, addr, listen });
          byAddr.set(addr, [...others, { key, addr, listen }]);
        }
      }
    }
  }
  return out;
}
