// Server keys "[scheme://]zone[:port]" as core/dnsserver/register.go reads them: the
// transport prefix, the port after the last ":" when numeric (else a default per
// transport), the zone checked by dns.IsDomainName, and CIDR keys expanded into the reverse
// zones they cover (plugin/normalize.go SplitHostPort + plugin/pkg/cidr).

import { isDomainName, normalizeName, parseCidr, parseGoInt, type Cidr } from './values';

export const TRANSPORTS = ['dns', 'tls', 'quic', 'grpc', 'https3', 'https', 'unix'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const DEFAULT_PORTS: Record<Transport, string> = { dns: '53', tls: '853', quic: '853', grpc: '443', https: '443', https3: '443', unix: '' };

export interface NormalizedKey {
  transport: Transport;
  /** Whether the key spelled its scheme out. */
  explicitScheme: boolean;
  /** Lower-cased, fully qualified zones (several for a CIDR on a non-octet boundary). */
  zones: string[];
  port: string;
  /** Set when CoreDNS refuses the key. */
  error?: string;
  /** The key's text starts with something that looks like an unknown scheme ("udp://"). */
  unknownScheme?: string;
}

export function splitTransport(key: string): { transport: Transport; rest: string; explicit: boolean } {
  for (const t of TRANSPORTS) {
    if (key.startsWith(`${t}://`)) return { transport: t, rest: key.slice(t.length + 3), explicit: true };
  }
  return { transport: 'dns', rest: key, explicit: false };
}

/** plugin.SplitHostPort: host(s) and port of a key without its scheme. */
export function splitZonePort(s: string): { hosts: string[]; port: string; error?: string } {
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && colon === s.length - 1) return { hosts: [], port: '', error: `expecting data after last colon: "${s}"` };
  let host = s;
  let port = '';
  if (colon >= 0) {
    const p = parseGoInt(s.slice(colon + 1));
    if (p !== undefined) {
      port = String(p);
      host = s.slice(0, colon);
    }
  }
  if (host.length > 255) return { hosts: [], port, error: `specified zone is too long: ${host.length} > 255` };
  if (!isDomainName(host)) return { hosts: [], port, error: `zone is not a valid domain name: ${host}` };
  const cidr = parseCidr(host);
  if (!cidr) return { hosts: [host], port };
  if (host[0] === ':' || (host[0] === '0' && host.includes(':'))) return { hosts: [], port, error: `invalid CIDR ${host}` };
  return { hosts: reverseZones(cidr), port };
}

/** The reverse zones a network covers, split on octet (IPv4) or nibble (IPv6) boundaries. */
export function reverseZones(c: Cidr): string[] {
  const digit = c.v6 ? 4 : 8;
  const network = mask(c.bytes, c.bits);
  const bits = Math.ceil(c.bits / digit) * digit;
  const count = 2 ** (bits - c.bits);
  const zones: string[] = [];
  for (let k = 0; k < count; k++) {
    const bytes = addAt(network, bits, k);
    const labels = c.v6 ? bytes.flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)]) : bytes.map(String);
    const keep = bits / digit;
    zones.push(`${labels.slice(0, keep).reverse().join('.')}${keep ? '.' : ''}${c.v6 ? 'ip6.arpa.' : 'in-addr.arpa.'}`);
  }
  return zones;
}

function mask(bytes: number[], bits: number): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

/** network + k at prefix length `bits` (k < 2^(bits - original prefix)). */
function addAt(network: number[], bits: number, k: number): number[] {
  const out = network.slice();
  let carry = k;
  let bit = bits - 1;
  while (carry > 0 && bit >= 0) {
    if (carry & 1) {
      const byte = bit >> 3;
      const shift = 7 - (bit & 7);
      out[byte] ^= 1 << shift;
    }
    carry >>= 1;
    bit--;
  }
  return out;
}

/** Keys already read: every rule and the setup checks ask again for each block's keys. */
const normalized = new Map<string, NormalizedKey>();
const MAX_NORMALIZED = 50_000;

/** A server key as CoreDNS reads it (results are shared: do not modify them). */
export function normalizeKey(key: string): NormalizedKey {
  let k = normalized.get(key);
  if (k) return k;
  if (normalized.size >= MAX_NORMALIZED) normalized.clear();
  normalized.set(key, (k = readKey(key)));
  return k;
}

function readKey(key: string): NormalizedKey {
  const { transport, rest, explicit } = splitTransport(key);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(key);
  const unknownScheme = !explicit && scheme ? scheme[1] : undefined;
  const split = splitZonePort(rest);
  const zones = split.hosts.map(normalizeName);
  let error = split.error;
  // register.go checks each host again once fully qualified.
  if (!error) for (const h of split.hosts) if (!isDomainName(normalizeName(h))) error = `zone is not a valid domain name: ${h}.`;
  const port = split.port || DEFAULT_PORTS[transport];
  return { transport, explicitScheme: explicit, zones: error ? [] : zones, port, error, unknownScheme };
}

/** "dns://example.org.:53", the form CoreDNS prints. */
export function formatZoneAddr(transport: Transport, zone: string, port: string): string {
  return `${transport}://${zone}:${port}`;
}
