// corefile/plaintext-transport: a tls://, https:// or grpc:// server block without the tls
// plugin starts without encryption (CoreDNS only sets TLS when a tls config exists);
// https3:// refuses to start ("DoH3 requires TLS") and quic:// has no certificate to offer.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { normalizeKey } from '../serverKey';
import { findingAt, type RuleContext } from './context';

export const plaintextTransport = defineRule({ id: 'corefile/plaintext-transport', language: 'corefile', defaultSeverity: 'warning', title: 'Encrypted transport server block without tls' });

export function checkPlaintextTransport({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    if (block.hasOpaqueImport || block.directives.some((d) => d.name.text === 'tls')) continue;
    for (const key of block.keys) {
      const { transport } = normalizeKey(key.text);
      if (transport === 'https3') out.push(findingAt(plaintextTransport.id, key, `'${key.text}' has no 'tls' directive: CoreDNS refuses to start ("DoH3 requires TLS")`, { severity: 'error' }));
      else if (transport === 'quic') out.push(findingAt(plaintextTransport.id, key, `'${key.text}' has no 'tls' directive: DNS over QUIC needs a certificate, add 'tls CERT KEY'`));
      else if (transport === 'tls' || transport === 'https' || transport === 'grpc') {
        out.push(findingAt(plaintextTransport.id, key, `'${key.text}' has no 'tls' directive: CoreDNS serves this block unencrypted (plain ${transport === 'tls' ? 'TCP' : transport === 'https' ? 'HTTP' : 'gRPC'}) on port ${normalizeKey(key.text).port}`));
      }
    }
  }
  return out;
}
