// Which servers a lookup asks: `@server` arguments (addresses, or names looked up through
// the system resolver as dig does), else the node's resolv.conf nameservers, else
// 127.0.0.1/::1 (glibc's fallback).

import * as dns from 'node:dns';
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import { resolverConfig, type ResolverConfig } from '../../resolver/config';
import type { Server } from './client';

export const RESOLV_CONF = '/etc/resolv.conf';

// The last file read and its parse: a batch (dig -f) asks once per lookup, and the file is
// re-read each time (an edit is seen at once) but parsed again only when its text changed.
let lastRead: { path: string; text: string; config: ResolverConfig } | undefined;

/** The node's resolver configuration; an unreadable file means glibc's defaults. */
export function systemResolverConfig(path = RESOLV_CONF): { config: ResolverConfig; error?: string } {
  try {
    const text = fs.readFileSync(path, 'utf8');
    if (lastRead?.path !== path || lastRead.text !== text) lastRead = { path, text, config: resolverConfig(text) };
    return { config: lastRead.config };
  } catch (e) {
    return { config: resolverConfig(''), error: `cannot read ${path}: ${(e as Error).message}` };
  }
}

export function configServers(config: ResolverConfig, port: number): Server[] {
  // Node's sockets take `fe80::1%eth0` as is, so link-local servers keep their zone id.
  const list = config.nameservers.map((n) => ({ address: n.address, port })).filter((s) => isIP(s.address.replace(/%.*$/, '')) !== 0);
  return list.length ? list : [{ address: '127.0.0.1', port }];
}

/** Addresses for one `@server` word; names go through getaddrinfo like dig's. */
export async function serverAddresses(word: string, port: number, family?: 4 | 6): Promise<{ servers: Server[]; error?: string }> {
  const bare = word.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare.replace(/%.*$/, '')) !== 0) return { servers: [{ address: bare, port }] };
  try {
    const found = await dns.promises.lookup(bare, { all: true, family: family ?? 0 });
    return { servers: found.map((a) => ({ address: a.address, port })) };
  } catch (e) {
    return { servers: [], error: `couldn't get address for '${word}': ${(e as NodeJS.ErrnoException).code ?? 'failure'}` };
  }
}

export function familyFilter(servers: Server[], family?: 4 | 6): Server[] {
  if (!family) return servers;
  return servers.filter((s) => isIP(s.address.replace(/%.*$/, '')) === family);
}
