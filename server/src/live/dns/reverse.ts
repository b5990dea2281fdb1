// `dig -x`: an address to its reverse-lookup name (in-addr.arpa / ip6.arpa nibbles).

import { isIPv4, isIPv6 } from 'node:net';

/** `192.0.2.10` -> `10.2.0.192.in-addr.arpa.`; `2001:db8::10` -> 32 nibbles + `ip6.arpa.`. */
export function reverseName(address: string): string | undefined {
  // Zone ids (`fe80::1%eth0`) name an interface, not part of the address.
  const addr = address.trim().replace(/%.*$/, '');
  if (isIPv4(addr)) return addr.split('.').reverse().join('.') + '.in-addr.arpa.';
  if (!isIPv6(addr)) return undefined;
  return expandIPv6(addr).split('').reverse().join('.') + '.ip6.arpa.';
}

/** The 32 hex nibbles of an IPv6 address, including v4-mapped/compatible forms. */
export function expandIPv6(addr: string): string {
  let text = addr.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...tailGroups];
  return groups.map((g) => g.padStart(4, '0')).join('');
}
