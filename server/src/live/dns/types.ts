// One table of record types and classes: mnemonic <-> number (IANA "DNS Parameters").
// dns-packet knows fewer types and silently maps unknown names to 0, so the query
// encoder and the presentation code read this table, never dns-packet's.

export const RR_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8],
  ['MR', 9], ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15],
  ['TXT', 16], ['RP', 17], ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22],
  ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25], ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29],
  ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33], ['ATMA', 34], ['NAPTR', 35], ['KX', 36],
  ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['OPT', 41], ['APL', 42], ['DS', 43],
  ['SSHFP', 44], ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49],
  ['NSEC3', 50], ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56],
  ['RKEY', 57], ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62],
  ['ZONEMD', 63], ['SVCB', 64], ['HTTPS', 65], ['SPF', 99], ['NID', 104], ['L32', 105],
  ['L64', 106], ['LP', 107], ['EUI48', 108], ['EUI64', 109], ['TKEY', 249], ['TSIG', 250],
  ['IXFR', 251], ['AXFR', 252], ['MAILB', 253], ['MAILA', 254], ['ANY', 255], ['URI', 256],
  ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260], ['RESINFO', 261], ['TA', 32768],
  ['DLV', 32769],
];

const TYPE_BY_NAME = new Map(RR_TYPES.map(([n, v]) => [n, v]));
const NAME_BY_TYPE = new Map(RR_TYPES.map(([n, v]) => [v, n]));

export const CLASSES: ReadonlyArray<readonly [string, number]> = [['IN', 1], ['CH', 3], ['HS', 4], ['NONE', 254], ['ANY', 255]];
const CLASS_BY_NAME = new Map(CLASSES.map(([n, v]) => [n, v]));
const NAME_BY_CLASS = new Map(CLASSES.map(([n, v]) => [v, n]));

/** `MX` or `TYPE15` (RFC 3597) -> 15; undefined for anything else. */
export function typeCode(text: string): number | undefined {
  const upper = text.toUpperCase();
  const known = TYPE_BY_NAME.get(upper);
  if (known !== undefined) return known;
  const m = /^TYPE(\d{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 65535) return Number(m[1]);
  return undefined;
}

/** 15 -> `MX`; unknown numbers in RFC 3597 form (`TYPE65280`). */
export function typeName(code: number): string {
  return NAME_BY_TYPE.get(code) ?? `TYPE${code}`;
}

export function classCode(text: string): number | undefined {
  const upper = text.toUpperCase();
  const known = CLASS_BY_NAME.get(upper);
  if (known !== undefined) return known;
  const m = /^CLASS(\d{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 65535) return Number(m[1]);
  return undefined;
}

export function className(code: number): string {
  return NAME_BY_CLASS.get(code) ?? `CLASS${code}`;
}

/** Types dig treats as meta/transfer types (not queried over plain UDP answers). */
export const ZONE_TRANSFER_TYPES = new Set([251, 252]);

export const RCODES: Record<number, string> = {
  0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED', 6: 'YXDOMAIN',
  7: 'YXRRSET', 8: 'NXRRSET', 9: 'NOTAUTH', 10: 'NOTZONE', 16: 'BADVERS', 23: 'BADCOOKIE',
};

export function rcodeName(code: number): string {
  return RCODES[code] ?? `RCODE${code}`;
}

export const OPCODES: Record<number, string> = { 0: 'QUERY', 1: 'IQUERY', 2: 'STATUS', 4: 'NOTIFY', 5: 'UPDATE' };

export function opcodeName(code: number): string {
  return OPCODES[code] ?? `RESERVED${code}`;
}
