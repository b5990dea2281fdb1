// forward's upstreams must be IP addresses (or a resolv.conf-style file) — `forward .
// tls://dns.quad9.net` fails at startup with `not an IP address or file: "dns.quad9.net"`
// (coredns#3496, #7071) in every CoreDNS before 1.14.7, which accepts a host name in a tls://
// upstream. Reported as corefile/invalid-value, following infraLens.coredns.version.

import type { Finding } from '../../../core/finding';
import { compareVersions } from '../deprecations';
import { hasEnvPlaceholder } from '../parser';
import { splitTransport } from '../serverKey';
import { isIP, splitHostPort } from '../values';
import { findingAt, type RuleContext } from './context';
import { invalidValue } from './setupRules';

/** The first CoreDNS that resolves a host name in a tls:// forward upstream. */
export const TLS_HOST_NAMES_SINCE = '1.14.7';

export function checkForwardTlsHost({ ast, settings }: RuleContext): Finding[] {
  if (compareVersions(settings.coredns.version, TLS_HOST_NAMES_SINCE) >= 0) return [];
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    for (const d of block.directives) {
      if (d.name.text !== 'forward') continue;
      for (const to of d.args.slice(1)) {
        if (hasEnvPlaceholder(to)) continue;
        const { transport, rest, explicit } = splitTransport(to.text);
        if (transport !== 'tls' || !explicit) continue;
        const address = rest.split('%')[0];
        const host = splitHostPort(address)?.host ?? address;
        if (host === '' || isIP(host.replace(/^\[|\]$/g, '')) || host.startsWith('/')) continue;
        out.push(findingAt(invalidValue.id, to, `not an IP address or file: "${host}": CoreDNS ${settings.coredns.version} (infraLens.coredns.version) takes only IP addresses in forward; host names in tls:// upstreams are accepted from ${TLS_HOST_NAMES_SINCE}. Use the server's IP with tls_servername ${host}.`));
      }
    }
  }
  return out;
}
