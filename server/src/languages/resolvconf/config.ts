// The resolver configuration glibc derives from a resolv.conf text, and the queries it sends
// for a name. The DNS lookup commands (live/dns) use this too, for the node's own resolver.
// First cut: the resolv.conf issue makes it exact (musl, RES_OPTIONS, every cap and quirk).

import { parseResolvConf } from './parser';

export interface Nameserver {
  address: string;
  /** 0-based line of the nameserver line it came from. */
  line: number;
}

export interface ResolverConfig {
  nameservers: Nameserver[];
  search: string[];
  ndots: number;
  timeout: number;
  attempts: number;
  rotate: boolean;
}

/** glibc's limits (resolv/resolv.h, res_init.c). */
export const MAXNS = 3;
export const MAX_NDOTS = 15;
export const MAX_TIMEOUT = 30;
export const MAX_ATTEMPTS = 5;

export function resolverConfig(text: string): ResolverConfig {
  const config: ResolverConfig = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2, rotate: false };
  for (const l of parseResolvConf(text).lines) {
    const values = l.values.map((v) => v.text);
    switch (l.keyword.text) {
      case 'nameserver':
        if (config.nameservers.length < MAXNS && values[0]) config.nameservers.push({ address: values[0], line: l.line });
        break;
      case 'domain':
        config.search = values[0] ? [values[0]] : [];
        break;
      case 'search':
        config.search = values.slice(0, 6);
        break;
      case 'options':
        for (const o of values) {
          const [name, arg] = o.split(':');
          const n = Number(arg);
          if (name === 'ndots' && Number.isInteger(n) && n >= 0) config.ndots = Math.min(n, MAX_NDOTS);
          else if (name === 'timeout' && Number.isInteger(n) && n >= 1) config.timeout = Math.min(n, MAX_TIMEOUT);
          else if (name === 'attempts' && Number.isInteger(n) && n >= 1) config.attempts = Math.min(n, MAX_ATTEMPTS);
          else if (name === 'rotate') config.rotate = true;
        }
        break;
    }
  }
  return config;
}

/** Absolute names (with the trailing dot) glibc tries for `name`, in order (res_nsearch). */
export function candidateNames(name: string, config: ResolverConfig): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = config.search.map((domain) => `${name}.${domain.replace(/\.$/, '')}.`);
  return dots >= config.ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}
