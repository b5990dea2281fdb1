// The one table of resolv.conf keywords and `options`, read by the evaluator, the rules, the
// hovers and completion alike. Sources: glibc 2.36 resolv/res_init.c (res_setoptions: ndots,
// timeout, attempts, then a prefix-matched flag table) and musl 1.2 src/network/resolvconf.c
// (strstr for ndots:/timeout:/attempts:, every flag ignored); resolv.conf(5).

export type Libc = 'glibc' | 'musl';

export interface KeywordSpec {
  name: 'nameserver' | 'domain' | 'search' | 'sortlist' | 'options';
  syntax: string;
  summary: string;
}

export const KEYWORDS: readonly KeywordSpec[] = [
  { name: 'nameserver', syntax: 'nameserver ADDRESS', summary: 'A server to query (IPv4, or IPv6 with an optional %scope). Only the first 3 valid ones are used; with none, 127.0.0.1.' },
  { name: 'search', syntax: 'search DOMAIN…', summary: 'Domains appended to names with fewer than `ndots` dots, in order. Replaces any earlier `search` or `domain` line.' },
  { name: 'domain', syntax: 'domain DOMAIN', summary: 'A one-domain search list (glibc keeps only the first word). Replaces any earlier `search` or `domain` line.' },
  { name: 'options', syntax: 'options OPTION…', summary: 'Resolver options; several `options` lines accumulate, later values win.' },
  { name: 'sortlist', syntax: 'sortlist ADDRESS[/NETMASK]…', summary: 'Orders IPv4 answers of gethostbyname by network (glibc only; the mask is a dotted netmask, not a prefix length).' },
];

export const KEYWORD_NAMES: readonly string[] = KEYWORDS.map((k) => k.name);

/** glibc MAXNS: nameservers past the third are dropped (both libcs). */
export const MAXNS = 3;
/** glibc MAXDNSRCH / sizeof(_res.defdname): the public `_res.dnsrch` view (not a search limit since 2.26). */
export const MAXDNSRCH = 6;
export const DEFDNAME_SIZE = 256;
/** glibc MAXRESOLVSORT: sortlist entries past the tenth are dropped. */
export const MAXRESOLVSORT = 10;
/** musl reads lines into a 256-byte buffer: a line of 255 characters or more is skipped whole. */
export const MUSL_MAX_LINE = 254;

export interface ValueOptionSpec {
  name: 'ndots' | 'timeout' | 'attempts';
  default: number;
  caps: Record<Libc, number>;
  unit: string;
  summary: string;
}

export const VALUE_OPTIONS: readonly ValueOptionSpec[] = [
  { name: 'ndots', default: 1, caps: { glibc: 15, musl: 15 }, unit: 'dots', summary: 'A name with at least this many dots is tried as is before the search list (glibc; musl then skips the search list).' },
  { name: 'timeout', default: 5, caps: { glibc: 30, musl: 60 }, unit: 'seconds', summary: 'Seconds to wait for a server before trying the next one (glibc: per server and round; musl: the whole lookup).' },
  { name: 'attempts', default: 2, caps: { glibc: 5, musl: 10 }, unit: 'rounds', summary: 'Rounds over the server list before giving up.' },
];

export type FlagName =
  | 'inet6'
  | 'rotate'
  | 'edns0'
  | 'single-request-reopen'
  | 'single-request'
  | 'no-tld-query'
  | 'no-reload'
  | 'use-vc'
  | 'trust-ad'
  | 'no-aaaa';

export interface FlagSpec {
  /** The spelling glibc compares (strncmp with this length: a longer word still matches). */
  spelling: string;
  flag: FlagName;
  /** glibc version that added it. */
  since?: string;
  /** Parsed but without effect. */
  deprecated?: boolean;
  summary: string;
}

/** glibc's flag table, in glibc's order (the first prefix match wins). musl ignores all of them. */
export const FLAG_OPTIONS: readonly FlagSpec[] = [
  { spelling: 'inet6', flag: 'inet6', deprecated: true, summary: 'Deprecated since glibc 2.25: sets a flag nothing reads any more.' },
  { spelling: 'rotate', flag: 'rotate', summary: 'Spread queries over the nameservers round-robin instead of always starting with the first.' },
  { spelling: 'edns0', flag: 'edns0', summary: 'Send EDNS0 (larger UDP answers, needed for DNSSEC flags).' },
  { spelling: 'single-request-reopen', flag: 'single-request-reopen', summary: 'Send A and AAAA one after the other, on a new socket when the first answer is lost (stateful firewalls / conntrack that drop the second of two parallel queries).' },
  { spelling: 'single-request', flag: 'single-request', summary: 'Send A and AAAA one after the other on the same socket instead of in parallel.' },
  { spelling: 'no_tld_query', flag: 'no-tld-query', summary: 'Never query a dotless name as is (only with the search domains).' },
  { spelling: 'no-tld-query', flag: 'no-tld-query', summary: 'Never query a dotless name as is (only with the search domains).' },
  { spelling: 'no-reload', flag: 'no-reload', summary: 'Do not re-read resolv.conf when it changes.' },
  { spelling: 'use-vc', flag: 'use-vc', summary: 'Query over TCP instead of UDP.' },
  { spelling: 'trust-ad', flag: 'trust-ad', since: '2.31', summary: 'Set and trust the AD (authenticated data) bit: only safe with a validating resolver on a trusted path (e.g. the local stub).' },
  { spelling: 'no-aaaa', flag: 'no-aaaa', since: '2.36', summary: 'Suppress AAAA queries (getaddrinfo returns IPv4 only).' },
];

/** Options older resolvers knew that glibc 2.36 and musl ignore without a word. */
export const REMOVED_OPTIONS: Readonly<Record<string, string>> = {
  'ip6-bytestring': 'removed in glibc 2.25 (bit-string labels for reverse lookups)',
  'ip6-dotint': 'removed in glibc 2.25 (ip6.int reverse lookups; the zone is gone)',
  'no-ip6-dotint': 'removed in glibc 2.25 (ip6.int reverse lookups; the zone is gone)',
  debug: 'only read by glibc builds with DEBUG; release builds ignore it',
  insecure1: 'a BIND 4 option glibc never read',
  insecure2: 'a BIND 4 option glibc never read',
};

/** Every option spelling a user may mean (for completion and "did you mean"). */
export const OPTION_SPELLINGS: readonly string[] = [
  ...VALUE_OPTIONS.map((o) => `${o.name}:`),
  ...FLAG_OPTIONS.filter((f) => !f.deprecated && f.spelling !== 'no_tld_query').map((f) => f.spelling),
];

export function valueOption(name: string): ValueOptionSpec | undefined {
  return VALUE_OPTIONS.find((o) => o.name === name);
}

export function flagSpec(flag: FlagName): FlagSpec {
  return FLAG_OPTIONS.find((f) => f.flag === flag)!;
}
