// Names miekg/dns accepts (dns.StringToType, StringToClass, StringToRcode), which CoreDNS
// plugins use to read types, classes and rcodes, and Go's RE2 regexp syntax check.

export const DNS_TYPES: ReadonlySet<string> = new Set([
  'NONE', 'A', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'NULL', 'PTR', 'HINFO', 'MINFO', 'MX', 'TXT', 'RP', 'AFSDB', 'X25', 'ISDN', 'RT',
  'NSAPPTR', 'SIG', 'KEY', 'PX', 'GPOS', 'AAAA', 'LOC', 'NXT', 'EID', 'NIMLOC', 'SRV', 'ATMA', 'NAPTR', 'KX', 'CERT', 'DNAME', 'OPT', 'APL', 'DS',
  'SSHFP', 'IPSECKEY', 'RRSIG', 'NSEC', 'DNSKEY', 'DHCID', 'NSEC3', 'NSEC3PARAM', 'TLSA', 'SMIMEA', 'HIP', 'NINFO', 'RKEY', 'TALINK', 'CDS', 'CDNSKEY',
  'OPENPGPKEY', 'CSYNC', 'ZONEMD', 'SVCB', 'HTTPS', 'SPF', 'UINFO', 'UID', 'GID', 'UNSPEC', 'NID', 'L32', 'L64', 'LP', 'EUI48', 'EUI64', 'NXNAME', 'URI',
  'CAA', 'AVC', 'AMTRELAY', 'RESINFO', 'TKEY', 'TSIG', 'IXFR', 'AXFR', 'MAILB', 'MAILA', 'ANY', 'TA', 'DLV', 'RESERVED',
]);

export const DNS_CLASSES: ReadonlySet<string> = new Set(['IN', 'CS', 'CH', 'HS', 'NONE', 'ANY']);

export const DNS_RCODES: ReadonlySet<string> = new Set([
  'NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', 'BADSIG', 'BADVERS',
  'BADKEY', 'BADTIME', 'BADMODE', 'BADNAME', 'BADALG', 'BADTRUNC', 'BADCOOKIE',
]);

export const DNS_OPCODES: ReadonlySet<string> = new Set(['QUERY', 'IQUERY', 'STATUS', 'NOTIFY', 'UPDATE']);

/** Whether Go's regexp.Compile accepts the pattern (RE2: no look-around, no back-references). */
export function goRegexCompiles(pattern: string): boolean {
  return goRegexGroups(pattern) !== undefined;
}

const groupCache = new Map<string, number | undefined>();

/** Number of capture groups of a Go regexp, or undefined when it does not compile. */
export function goRegexGroups(pattern: string): number | undefined {
  if (groupCache.has(pattern)) return groupCache.get(pattern);
  if (groupCache.size > 1000) groupCache.clear();
  const groups = compileGroups(pattern);
  groupCache.set(pattern, groups);
  return groups;
}

function compileGroups(pattern: string): number | undefined {
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern)) return undefined;
  // RE2 syntax JavaScript spells differently: named groups and leading inline flags.
  let js = pattern.replace(/\(\?P</g, '(?<');
  let flags = '';
  const inline = /^\(\?([imsU]+)\)/.exec(js);
  if (inline) {
    js = js.slice(inline[0].length);
    flags = inline[1].replace(/[U]/g, '');
  }
  js = js.replace(/\[\[:(\w+):\]\]/g, '[a-zA-Z0-9]').replace(/\\[pP]\{?\w+\}?/g, '\\w');
  try {
    const groups = new RegExp(`${js}|`, flags).exec('');
    return groups ? groups.length - 1 : 0;
  } catch {
    return undefined;
  }
}
