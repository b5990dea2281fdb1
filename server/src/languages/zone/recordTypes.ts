// The one table of DNS record types: code, RFC, what it is, and its RDATA fields (kind and
// hover text). The parser, the RDATA checks, hover and completion all read it. Sources:
// IANA "Resource Record (RR) TYPEs" registry and each type's RFC; `bind: false` marks
// mnemonics named-checkzone 9.18 does not know ("unknown RR type").

import { BIND_TYPES } from './bindTypes';
import { ANY_WIRE_OK, EMPTY_WIRE_OK, type FieldSpec, type FieldValue } from './rdata';

const BIND_BY_NAME = new Map(BIND_TYPES.map((t) => [t.name, t]));

export interface RecordType {
  name: string;
  code: number;
  rfc: string;
  /** One or two sentences: what the record is for. */
  summary: string;
  fields: FieldSpec[];
  /** Known to named-checkzone 9.18 by mnemonic (default true). */
  bind?: boolean;
  /** Common in hand-written zones (sorted first in completion). */
  common?: boolean;
  /** Shortest RFC 3597 form BIND accepts, when its fields alone do not say. */
  minWire?: number;
  /** Extra checks on the read fields (BIND's wording); returns a problem message. */
  check?: (values: FieldValue[]) => string | undefined;
}

const f = (name: string, kind: FieldSpec['kind'], doc: string): FieldSpec => ({ name, kind, doc });

const target = (doc: string) => f('target', 'name', doc);
const strings = f('strings', 'strings', 'One or more character strings, each at most 255 octets; quoted or single words. Receivers concatenate TXT strings without spaces.');
const keyFields = [
  f('flags', 'keyflags', 'Key flags: 256 = zone key (ZSK), 257 = zone key + secure entry point (KSK); named also takes hex (`0x101`) and mnemonics (`ZONE|KSK`).'),
  f('protocol', 'u8', 'Protocol; always 3 (RFC 4034 §2.1.2).'),
  f('algorithm', 'alg', 'DNSSEC algorithm number or mnemonic (8 RSASHA256, 13 ECDSAP256SHA256, 15 ED25519 …).'),
  f('public key', 'base64', 'The public key, base64; may be split over several words.'),
];
const dsFields = [
  f('key tag', 'u16', 'Key tag of the DNSKEY this digest points to.'),
  f('algorithm', 'alg', 'Algorithm of that DNSKEY.'),
  f('digest type', 'u8', 'Digest algorithm: 1 SHA-1 (20 octets), 2 SHA-256 (32), 4 SHA-384 (48).'),
  f('digest', 'hex', 'The digest in hex; may be split over several words.'),
];
/** Digest octets per DS digest type (BIND generic_fromtext_ds): longer is "bad hex encoding", shorter "unexpected end of input". */
const DS_DIGEST_LENGTH: Record<number, number> = { 1: 20, 2: 32, 4: 48 };
/** SSHFP fingerprint octets per type (BIND fromtext_sshfp). */
const SSHFP_LENGTH: Record<number, number> = { 1: 20, 2: 32 };
function exactHexLength(digest: unknown, want: number | undefined): string | undefined {
  if (want === undefined || !(digest instanceof Uint8Array)) return undefined;
  return digest.length > want ? 'bad hex encoding' : digest.length < want ? 'unexpected end of input' : undefined;
}
const dsCheck = (v: FieldValue[]) => exactHexLength(v[3]?.value, DS_DIGEST_LENGTH[v[2]?.value as number]);
/** Labels of a canonical name key ("a.example.com." -> 3). */
const labelCount = (key: string) => key.replace(/\\./g, 'x').split('.').filter((l) => l !== '').length;

const bitmap = f('types', 'types', 'Type bitmap: the types that exist at the owner (mnemonics or TYPEnnn).');
const tlsaFields = [
  f('usage', 'u8', 'Certificate usage: 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE.'),
  f('selector', 'u8', 'Selector: 0 full certificate, 1 SubjectPublicKeyInfo.'),
  f('matching type', 'u8', 'Matching type: 0 exact, 1 SHA-256 (32 octets), 2 SHA-512 (64 octets).'),
  f('data', 'hex', 'Certificate association data in hex.'),
];
const svcbFields = [
  f('priority', 'u16', 'SvcPriority: 0 = AliasMode (target is an alias, no parameters), 1-65535 = ServiceMode (lower is preferred).'),
  f('target', 'name', 'TargetName: the host that serves; `.` means the owner name itself (ServiceMode) or "no service" (AliasMode).'),
  f('params', 'svcparams', 'SvcParams `key=value`: `mandatory`, `alpn`, `no-default-alpn`, `port`, `ipv4hint`, `ech`, `ipv6hint`, `dohpath`, `keyNNNNN` (no leading zeros). Each key at most once; `mandatory` keys must be present. We follow named 9.18 where Knot differs: a key written as `keyNNNNN` or in another case (`Port=53`) is read as wire data and checked as such (`ALPN=h2` is FORMERR), and a value-less `key7` listed in `mandatory` is refused, which RFC 9460 and Knot allow.'),
];

export const RECORD_TYPES: RecordType[] = (
  [
  { name: 'A', code: 1, rfc: 'RFC 1035', common: true, summary: 'IPv4 address of the owner name.', fields: [f('address', 'ipv4', 'IPv4 address in dotted-quad form (four decimal octets 0-255).')] },
  { name: 'NS', code: 2, rfc: 'RFC 1035', common: true, summary: 'Authoritative name server for the zone (at the apex) or a delegation (below it).', fields: [f('nsdname', 'name', 'Host name of the name server; must not be an alias (RFC 2181 §10.3) and needs an address if it is inside the zone.')] },
  { name: 'MD', code: 3, rfc: 'RFC 1035', summary: 'Mail destination (obsolete; use MX).', fields: [target('Host of the mail agent.')] },
  { name: 'MF', code: 4, rfc: 'RFC 1035', summary: 'Mail forwarder (obsolete; use MX).', fields: [target('Host of the mail agent.')] },
  { name: 'CNAME', code: 5, rfc: 'RFC 1035', common: true, summary: 'The owner is an alias for the target name. Nothing else may exist at the owner (RFC 1034 §3.6.2) and never at the zone apex.', fields: [target('The canonical name this alias points to.')] },
  {
    name: 'SOA',
    code: 6,
    rfc: 'RFC 1035',
    common: true,
    summary: 'Start of authority: exactly one, at the zone apex. Its serial tells secondaries when the zone changed.',
    fields: [
      f('mname', 'name', 'Primary name server of the zone.'),
      f('rname', 'name', 'Mailbox of the person responsible, with the `@` written as `.` (`hostmaster.example.com.`).'),
      f('serial', 'u32', 'Zone version, compared with serial arithmetic (RFC 1982); convention `YYYYMMDDnn`. Bump it on every change.'),
      f('refresh', 'ttl', 'How often secondaries check the serial (RFC 1912: 20 minutes to 12 hours).'),
      f('retry', 'ttl', 'How soon a secondary retries after a failed refresh; less than refresh.'),
      f('expire', 'ttl', 'When a secondary that cannot reach the primary stops answering (RFC 1912: 2-4 weeks).'),
      f('minimum', 'ttl', 'TTL of negative answers (NXDOMAIN/NODATA caching, RFC 2308); at most a day.'),
    ],
  },
  { name: 'MB', code: 7, rfc: 'RFC 1035', summary: 'Mailbox domain (experimental).', fields: [target('Host that has the mailbox.')] },
  { name: 'MG', code: 8, rfc: 'RFC 1035', summary: 'Mail group member (experimental).', fields: [target('Mailbox of a group member.')] },
  { name: 'MR', code: 9, rfc: 'RFC 1035', summary: 'Mail rename (experimental).', fields: [target('The new mailbox name.')] },
  { name: 'NULL', code: 10, rfc: 'RFC 1035', summary: 'Anything, experimental; only in RFC 3597 `\\#` form (named: any other text is a syntax error).', fields: [f('data', 'no-text', 'Opaque data, written as `\\# length hex`.')] },
  { name: 'WKS', code: 11, rfc: 'RFC 1035', summary: 'Well-known services (historic).', fields: [f('address', 'ipv4', 'IPv4 address.'), f('protocol', 'wks-proto', 'Protocol: tcp, udp, another /etc/protocols name or a number 0-255.'), f('services', 'wks-services', 'Service names or port numbers 0-65535. named looks names up in the /etc/services of the machine it runs on, per protocol (`smtp` is tcp only); we use the list of Debian netbase, as named-checkzone here does.')] },
  { name: 'PTR', code: 12, rfc: 'RFC 1035', common: true, summary: 'Pointer to a name, usually reverse DNS under in-addr.arpa. or ip6.arpa.', fields: [target('The name the owner points to (the host name of the address).')] },
  { name: 'HINFO', code: 13, rfc: 'RFC 1035, RFC 8482', summary: 'Host information: CPU and OS, two strings. Also the minimal answer to ANY queries (RFC 8482).', fields: [f('cpu', 'string', 'CPU type (one character string).'), f('os', 'string', 'Operating system (one character string).')] },
  { name: 'MINFO', code: 14, rfc: 'RFC 1035', summary: 'Mailing list information (experimental).', fields: [f('rmailbx', 'name', 'Mailbox responsible for the list.'), f('emailbx', 'name', 'Mailbox for errors.')] },
  { name: 'MX', code: 15, rfc: 'RFC 1035, RFC 7505', common: true, summary: 'Mail exchanger for the owner name. The exchange must be a host name with addresses, not an alias or an IP address.', fields: [f('preference', 'u16', 'Lower is tried first (0-65535).'), f('exchange', 'name', 'Host name of the mail server; `.` with preference 0 is "null MX": no mail accepted (RFC 7505).')] },
  { name: 'TXT', code: 16, rfc: 'RFC 1035', common: true, summary: 'Text strings: SPF (`v=spf1`), DKIM keys, DMARC policies, domain verification.', fields: [strings] },
  { name: 'RP', code: 17, rfc: 'RFC 1183', summary: 'Responsible person.', fields: [f('mbox', 'name', 'Mailbox, `@` written as `.`.'), f('txt', 'name', 'Name of a TXT record with more information, or `.`.')] },
  { name: 'AFSDB', code: 18, rfc: 'RFC 1183', summary: 'AFS database location.', fields: [f('subtype', 'u16', '1 AFS cell database, 2 DCE authenticated server.'), target('Host name of the server.')] },
  { name: 'X25', code: 19, rfc: 'RFC 1183', summary: 'X.25 PSDN address.', fields: [f('address', 'x25', 'PSDN address: at least four decimal digits.')] },
  { name: 'ISDN', code: 20, rfc: 'RFC 1183', summary: 'ISDN address.', fields: [f('address', 'string', 'ISDN address.'), f('subaddress', 'string-opt', 'Optional subaddress.')] },
  { name: 'RT', code: 21, rfc: 'RFC 1183', summary: 'Route through.', fields: [f('preference', 'u16', 'Lower is preferred.'), target('Intermediate host.')] },
  { name: 'NSAP-PTR', code: 23, rfc: 'RFC 1348', summary: 'Reverse mapping of an NSAP address (historic).', fields: [target('The name the NSAP address maps to.')] },
  { name: 'NSAP', code: 22, rfc: 'RFC 1706', summary: 'NSAP address.', fields: [f('address', 'nsap', 'NSAP address: `0x` and hex digits, dots allowed.')] },
  {
    name: 'SIG',
    code: 24,
    rfc: 'RFC 2535',
    summary: 'Signature (obsolete; replaced by RRSIG; SIG(0) today).',
    fields: [
      f('type covered', 'type', 'Type of the signed RRset.'),
      f('algorithm', 'alg', 'Signing algorithm.'),
      f('labels', 'u8', 'Labels in the owner name.'),
      f('original TTL', 'u32', 'TTL when signed.'),
      f('expiration', 'time14', 'Expiration, `YYYYMMDDHHmmSS` UTC (named takes no plain seconds here, unlike RRSIG).'),
      f('inception', 'time14', 'Inception, same format.'),
      f('key tag', 'u16', 'Key tag.'),
      f('signer', 'name', 'Signer name.'),
      f('signature', 'base64', 'Signature, base64.'),
    ],
  },
  { name: 'KEY', code: 25, rfc: 'RFC 2535, RFC 3445', summary: 'Public key (for SIG(0)/TKEY today; DNSSEC uses DNSKEY). Flags with both 0xC000 bits mean "no key": then there is no key field.', fields: [...keyFields.slice(0, 3), f('public key', 'key-data', 'The public key, base64; absent when the flags say "no key" (0xC000).')] },
  { name: 'PX', code: 26, rfc: 'RFC 2163', summary: 'X.400 mail mapping.', fields: [f('preference', 'u16', 'Lower is preferred.'), f('map822', 'name', 'RFC 822 domain.'), f('mapx400', 'name', 'X.400 domain.')] },
  { name: 'GPOS', code: 27, rfc: 'RFC 1712', summary: 'Geographical position (obsolete; use LOC).', fields: [f('longitude', 'string', 'Longitude.'), f('latitude', 'string', 'Latitude.'), f('altitude', 'string', 'Altitude.')] },
  { name: 'AAAA', code: 28, rfc: 'RFC 3596', common: true, summary: 'IPv6 address of the owner name.', fields: [f('address', 'ipv6', 'IPv6 address (RFC 4291 text form; `::` at most once).')] },
  {
    name: 'LOC',
    code: 29,
    rfc: 'RFC 1876',
    summary: 'Geographical location.',
    fields: [f('location', 'loc', '`d [m [s]] N|S d [m [s]] E|W altitude[m] [size[m] [horiz-precision[m] [vert-precision[m]]]]`; degrees at most 90 / 180, altitude -100000.00 to 42849672.95 m.')],
  },
  { name: 'NXT', code: 30, rfc: 'RFC 2535 (obsolete)', summary: 'Next domain (obsolete; replaced by NSEC).', fields: [f('next', 'name', 'Next owner name.'), f('types', 'nxt-types', 'Types present, codes 1-127 only.')] },
  { name: 'EID', code: 31, rfc: 'Nimrod (historic)', summary: 'Endpoint identifier (historic).', fields: [f('data', 'hex', 'Identifier in hex.')] },
  { name: 'NIMLOC', code: 32, rfc: 'Nimrod (historic)', summary: 'Nimrod locator (historic).', fields: [f('data', 'hex', 'Locator in hex.')] },
  { name: 'SRV', code: 33, rfc: 'RFC 2782', common: true, summary: 'Service location; the owner is `_service._proto.name`.', fields: [f('priority', 'u16', 'Lower is tried first.'), f('weight', 'u16', 'Load share among equal priorities.'), f('port', 'u16', 'TCP/UDP port of the service.'), target('Host name of the server (not an alias); `.` = service not available.')] },
  { name: 'ATMA', code: 34, rfc: 'ATM Forum af-saa-0069', summary: 'ATM address (historic).', fields: [f('address', 'atma', 'AESA: hex digits (even count, single dots allowed), or E.164: `+` and digits.')] },
  {
    name: 'NAPTR',
    code: 35,
    rfc: 'RFC 3403',
    summary: 'Naming authority pointer: rewrite rules (ENUM, SIP).',
    fields: [
      f('order', 'u16', 'Lower is processed first.'),
      f('preference', 'u16', 'Preference among equal orders.'),
      f('flags', 'string', 'Flags, e.g. "U", "S", "A", "P" (RFC 3403: letters and digits; named 9.18 takes any characters and so do we).'),
      f('service', 'string', 'Service parameters, e.g. "E2U+sip".'),
      f('regexp', 'naptr-regexp', 'Substitution expression `!ERE!replacement!` (any delimiter but a digit, `\\\\` or `i`; flag `i` only; back-references up to the groups of the ERE); empty when replacement is used. named stops loading the file at a bad one.'),
      f('replacement', 'name', 'Next name to query; `.` when regexp is used.'),
    ],
  },
  { name: 'KX', code: 36, rfc: 'RFC 2230', summary: 'Key exchanger.', fields: [f('preference', 'u16', 'Lower is preferred.'), target('Host of the key exchanger.')] },
  { name: 'CERT', code: 37, rfc: 'RFC 4398', summary: 'Certificate or CRL.', fields: [f('type', 'cert-type', 'Certificate type: number or PKIX SPKI PGP IPKIX ISPKI IPGP ACPKIX IACPKIX URI OID.'), f('key tag', 'u16', 'Key tag.'), f('algorithm', 'alg', 'Algorithm.'), f('certificate', 'base64', 'Certificate, base64.')] },
  { name: 'A6', code: 38, rfc: 'RFC 2874', summary: 'IPv6 address chain (historic).', fields: [f('address', 'a6', '`prefix-length [address-suffix] [prefix-name]`: length 0-128; no suffix when 128, no name when 0.')] },
  { name: 'DNAME', code: 39, rfc: 'RFC 6672', common: true, summary: 'Redirects the whole subtree below the owner to the target. Nothing may exist below a DNAME.', fields: [target('The subtree the owner\'s descendants are rewritten to.')] },
  { name: 'SINK', code: 40, rfc: 'draft-eastlake-kitchen-sink', summary: 'Kitchen sink (never standardised). named 9.18 knows it; Knot 3.2 does not ("unsupported record type") — we side with named.', fields: [f('meaning', 'u8', 'Meaning code.'), f('coding', 'u8', 'Coding.'), f('subcoding', 'u8', 'Subcoding.'), f('data', 'base64-opt', 'Data, base64 (optional).')] },
  { name: 'APL', code: 42, rfc: 'RFC 3123', summary: 'Address prefix list.', fields: [f('prefixes', 'apl', 'Items `[!]afi:address/prefix`, afi 1 = IPv4, 2 = IPv6.')] },
  { name: 'DS', code: 43, rfc: 'RFC 4034', common: true, summary: 'Delegation signer: digest of the child zone\'s key, at the delegation point in the parent (never at the apex).', fields: dsFields, check: dsCheck },
  { name: 'SSHFP', code: 44, rfc: 'RFC 4255, RFC 6594', summary: 'SSH host key fingerprint.', fields: [f('algorithm', 'u8', 'Key algorithm: 1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448.'), f('fp type', 'u8', 'Fingerprint type: 1 SHA-1 (20 octets), 2 SHA-256 (32 octets).'), f('fingerprint', 'hex-opt', 'Fingerprint in hex: 20 octets for SHA-1, 32 for SHA-256.')], check: (v) => exactHexLength(v[2]?.value, SSHFP_LENGTH[v[1]?.value as number]) },
  {
    name: 'IPSECKEY',
    code: 45,
    rfc: 'RFC 4025',
    summary: 'IPsec keying material.',
    fields: [f('precedence', 'u8', 'Lower is preferred.'), f('gateway type', 'u8', '0 none, 1 IPv4, 2 IPv6, 3 domain name.'), f('algorithm', 'u8', '0 none, 1 DSA, 2 RSA, 3 ECDSA.'), f('gateway', 'ipseckey-gateway', 'Gateway: `.`, an address or a name, per gateway type.'), f('public key', 'base64', 'Public key, base64.')],
  },
  {
    name: 'RRSIG',
    code: 46,
    rfc: 'RFC 4034',
    summary: 'DNSSEC signature over one RRset.',
    fields: [
      f('type covered', 'type', 'The type of the RRset this signature covers.'),
      f('algorithm', 'alg', 'Signing algorithm.'),
      f('labels', 'u8', 'Labels in the owner name (without wildcard `*` and root).'),
      f('original TTL', 'u32', 'TTL of the RRset when it was signed.'),
      f('expiration', 'time', 'Signature expiration, `YYYYMMDDHHmmSS` UTC or seconds since the epoch.'),
      f('inception', 'time', 'Signature inception, same format.'),
      f('key tag', 'u16', 'Key tag of the signing DNSKEY.'),
      f('signer', 'name', 'Zone that signed (the apex).'),
      f('signature', 'base64', 'Signature, base64.'),
    ],
    // named: a signer with more labels than the labels field is "out of range".
    check: (v) => (labelCount(String(v[7]?.value ?? '')) > (v[2]?.value as number) ? 'out of range' : undefined),
  },
  { name: 'NSEC', code: 47, rfc: 'RFC 4034', summary: 'Next secure name: authenticated denial of existence.', fields: [f('next name', 'name', 'The next owner name in canonical order.'), bitmap] },
  { name: 'DNSKEY', code: 48, rfc: 'RFC 4034', common: true, summary: 'DNSSEC public key of the zone, at the apex.', fields: keyFields },
  { name: 'DHCID', code: 49, rfc: 'RFC 4701', summary: 'DHCP client identifier.', fields: [f('digest', 'base64', 'Identifier type, digest type and digest, base64.')] },
  {
    name: 'NSEC3',
    code: 50,
    rfc: 'RFC 5155',
    summary: 'Hashed authenticated denial of existence; the owner is a base32hex hash label.',
    fields: [
      f('hash algorithm', 'u8', '1 = SHA-1.'),
      f('flags', 'u8', '1 = opt-out.'),
      f('iterations', 'u16', 'Extra hash iterations; RFC 9276 recommends 0.'),
      f('salt', 'salt', 'Salt in hex, or `-` for none (RFC 9276 recommends none).'),
      f('next hashed owner', 'base32hex', 'Next hashed owner name, base32hex without padding.'),
      f('types', 'types-opt', 'Type bitmap.'),
    ],
    // named: with SHA-1 the next hashed owner is exactly 20 octets (32 base32hex digits).
    check: (v) => {
      const octets = Math.floor((String(v[4]?.value ?? '').length * 5) / 8);
      return (v[0]?.value === 1 ? octets !== 20 : octets > 255) ? 'out of range' : undefined;
    },
  },
  { name: 'NSEC3PARAM', code: 51, rfc: 'RFC 5155', summary: 'NSEC3 parameters of the zone, at the apex.', fields: [f('hash algorithm', 'u8', '1 = SHA-1.'), f('flags', 'u8', 'Must be 0 here.'), f('iterations', 'u16', 'Extra hash iterations; RFC 9276 recommends 0.'), f('salt', 'salt', 'Salt in hex, or `-`.')] },
  { name: 'TLSA', code: 52, rfc: 'RFC 6698', common: true, summary: 'DANE: TLS certificate association, at `_port._proto.host`.', fields: tlsaFields },
  { name: 'SMIMEA', code: 53, rfc: 'RFC 8162', summary: 'DANE for S/MIME certificates.', fields: tlsaFields },
  { name: 'HIP', code: 55, rfc: 'RFC 8005', summary: 'Host identity protocol.', fields: [f('hip', 'hip', '`algorithm HIT-hex public-key-base64 [rendezvous-server …]`; HIT and key each one word.')] },
  { name: 'NINFO', code: 56, rfc: 'draft-reid-dnsext-zs', summary: 'Zone status information.', bind: true, fields: [strings] },
  { name: 'RKEY', code: 57, rfc: 'draft-reid-dnsext-rkey', summary: 'Resource key. named takes only flags 0 (anything else is FORMERR).', fields: [f('flags', 'rkey-flags', 'Flags: must be 0 (named: FORMERR otherwise).'), ...keyFields.slice(1)] },
  { name: 'TALINK', code: 58, rfc: 'draft-ietf-dnsop-dnssec-trust-history', summary: 'Trust anchor link.', fields: [f('previous', 'name', 'Previous name.'), f('next', 'name', 'Next name.')] },
  { name: 'CDS', code: 59, rfc: 'RFC 7344', summary: 'Child copy of DS, for automated DS updates in the parent.', fields: dsFields, check: dsCheck },
  { name: 'CDNSKEY', code: 60, rfc: 'RFC 7344', summary: 'Child copy of DNSKEY, for automated DS updates in the parent.', fields: keyFields },
  { name: 'OPENPGPKEY', code: 61, rfc: 'RFC 7929', summary: 'OpenPGP public key.', fields: [f('key', 'base64', 'Transferable public key, base64.')] },
  { name: 'CSYNC', code: 62, rfc: 'RFC 7477', summary: 'Child-to-parent synchronisation.', fields: [f('serial', 'u32', 'SOA serial.'), f('flags', 'u16', '1 immediate, 2 soaminimum.'), f('types', 'types-opt', 'Types to synchronise.')] },
  {
    name: 'ZONEMD',
    code: 63,
    minWire: 18,
    rfc: 'RFC 8976',
    summary: 'Message digest over the whole zone, at the apex.',
    fields: [f('serial', 'u32', 'SOA serial the digest was computed for.'), f('scheme', 'u8', '1 = SIMPLE.'), f('hash algorithm', 'u8', '1 SHA-384 (48 octets), 2 SHA-512 (64 octets).'), f('digest', 'hex', 'Digest in hex, at least 12 octets.')],
    check: (v) => {
      const digest = v[3]?.value as Uint8Array | undefined;
      const alg = v[2]?.value as number;
      const want = alg === 1 ? 48 : alg === 2 ? 64 : 12;
      return digest && (alg === 1 || alg === 2 ? digest.length !== want : digest.length < want) ? 'unexpected end of input' : undefined;
    },
  },
  { name: 'SVCB', code: 64, rfc: 'RFC 9460', summary: 'Service binding: where and how to reach a service (alternative endpoints, ALPN, hints).', fields: svcbFields },
  { name: 'HTTPS', code: 65, rfc: 'RFC 9460', common: true, summary: 'Service binding for HTTPS origins; lets clients find HTTP/3, ECH and address hints in one lookup, and can alias the apex.', fields: svcbFields },
  {
    name: 'DSYNC',
    code: 66,
    rfc: 'RFC 9859',
    summary: 'Where a child zone notifies its parent of CDS/CSYNC changes.',
    fields: [f('rrtype', 'type', 'Type the endpoint handles (CDS or CSYNC).'), f('scheme', 'dsync-scheme', 'Notification scheme: 1 = NOTIFY.'), f('port', 'u16', 'Port of the endpoint.'), f('target', 'name', 'Host of the endpoint.')],
  },
  { name: 'HHIT', code: 67, rfc: 'draft-ietf-drip-registries', summary: 'Hierarchical host identity tag (DRIP). named 9.18.49 knows it; Knot 3.2 does not — we side with named.', fields: [f('data', 'base64', 'HHIT data, base64.')] },
  { name: 'BRID', code: 68, rfc: 'draft-ietf-drip-registries', summary: 'Broadcast remote identification (DRIP). named 9.18.49 knows it; Knot 3.2 does not — we side with named.', fields: [f('data', 'base64', 'BRID data, base64.')] },
  { name: 'SPF', code: 99, rfc: 'RFC 4408 (obsolete, RFC 7208 §3.1)', summary: 'Type 99 SPF is obsolete: publish SPF as TXT only.', fields: [strings] },
  { name: 'NID', code: 104, rfc: 'RFC 6742', summary: 'ILNP node identifier.', fields: [f('preference', 'u16', 'Lower is preferred.'), f('node id', 'l64', '64-bit identifier as four hex groups.')] },
  { name: 'L32', code: 105, rfc: 'RFC 6742', summary: 'ILNP 32-bit locator.', fields: [f('preference', 'u16', 'Lower is preferred.'), f('locator', 'ipv4', '32-bit locator in dotted-quad form.')] },
  { name: 'L64', code: 106, rfc: 'RFC 6742', summary: 'ILNP 64-bit locator.', fields: [f('preference', 'u16', 'Lower is preferred.'), f('locator', 'l64', '64-bit locator as four hex groups.')] },
  { name: 'LP', code: 107, rfc: 'RFC 6742', summary: 'ILNP locator pointer.', fields: [f('preference', 'u16', 'Lower is preferred.'), target('Name with L32/L64 records.')] },
  { name: 'EUI48', code: 108, rfc: 'RFC 7043', summary: '48-bit MAC address.', fields: [f('address', 'eui48', 'Six hex pairs joined by `-`.')] },
  { name: 'EUI64', code: 109, rfc: 'RFC 7043', summary: '64-bit EUI.', fields: [f('address', 'eui64', 'Eight hex pairs joined by `-`.')] },
  { name: 'URI', code: 256, rfc: 'RFC 7553', summary: 'URI for a service at `_service._proto.name`.', fields: [f('priority', 'u16', 'Lower is tried first.'), f('weight', 'u16', 'Load share.'), f('target', 'qstring', 'The URI, quoted.')] },
  {
    name: 'CAA',
    code: 257,
    rfc: 'RFC 8659',
    common: true,
    summary: 'Which certificate authorities may issue certificates for the name.',
    fields: [f('flags', 'u8', '0, or 128 = critical (a CA that does not understand the tag must not issue).'), f('tag', 'caa-tag', '`issue`, `issuewild`, `iodef` (also `contactemail`, `contactphone`, `issuemail`, `issuevmc`); letters and digits.'), f('value', 'caa-value', 'For issue/issuewild: `ca-domain[; key=value]*` or `;` (nobody); for iodef a `mailto:` or `https:` URI.')],
  },
  { name: 'AVC', code: 258, rfc: 'IANA', summary: 'Application visibility and control.', fields: [strings] },
  {
    name: 'DOA',
    code: 259,
    rfc: 'draft-durand-doa-over-dns',
    summary: 'Digital object architecture.',
    fields: [f('enterprise', 'u32', 'DOA enterprise.'), f('type', 'u32', 'DOA type.'), f('location', 'u8', 'DOA location.'), f('media type', 'string', 'Media type, e.g. "image/png".'), f('data', 'doa-data', 'Data in base64, or `-` for none.')],
  },
  { name: 'AMTRELAY', code: 260, rfc: 'RFC 8777', summary: 'Automatic multicast tunnelling relay.', fields: [f('relay', 'amtrelay', '`precedence discovery(0|1) type relay`: type 0 `.`, 1 IPv4, 2 IPv6, 3 a name.')] },
  { name: 'RESINFO', code: 261, rfc: 'RFC 9606', summary: 'Resolver information (key=value strings).', fields: [strings] },
  { name: 'WALLET', code: 262, rfc: 'IANA', summary: 'Public wallet address.', fields: [strings] },
  { name: 'TA', code: 32768, rfc: 'IANA', summary: 'DNSSEC trust authority.', fields: dsFields, check: dsCheck },
  { name: 'DLV', code: 32769, rfc: 'RFC 4431 (historic)', summary: 'DNSSEC lookaside validation (historic).', fields: dsFields, check: dsCheck },
  {
    name: 'KEYDATA',
    code: 65533,
    rfc: 'BIND internal',
    summary: 'BIND\'s private type for managed trust anchors (RFC 5011 state); named-checkzone takes it, other servers do not.',
    fields: [
      f('refresh', 'time14', 'Next refresh, `YYYYMMDDHHmmSS`.'),
      f('add hold-down', 'time14', 'Add hold-down timer.'),
      f('remove hold-down', 'time14', 'Remove hold-down timer.'),
      ...keyFields.slice(0, 3),
      f('public key', 'key-data', 'Key, base64; none for a placeholder (flags, protocol, algorithm 0) or "no key" flags.'),
    ],
  },
  ] satisfies RecordType[]
).map(withBindVerdicts);

/** named-checkzone's verdicts from the generated table: known mnemonic, and `\\# 0` allowed. */
function withBindVerdicts(t: RecordType): RecordType {
  const b = BIND_BY_NAME.get(t.name);
  const bind = b ? b.known : false;
  const minWire = b && !b.emptyOk ? Math.max(t.minWire ?? 0, 1) : t.minWire;
  if (b?.emptyOk) EMPTY_WIRE_OK.add(t.fields);
  // BIND's fromwire_keydata copies any octets (it is BIND's own state, never on the wire).
  if (t.name === 'KEYDATA') ANY_WIRE_OK.add(t.fields);
  return { ...t, bind, ...(minWire ? { minWire } : {}) };
}

/** Types that are never data (RFC 6895 §3.1 meta/QTYPEs): "invalid use of a meta type". */
export const META_TYPES = new Map<string, number>([
  ['OPT', 41],
  ['TKEY', 249],
  ['TSIG', 250],
  ['IXFR', 251],
  ['AXFR', 252],
  ['MAILB', 253],
  ['MAILA', 254],
  ['ANY', 255],
]);

const BY_NAME = new Map(RECORD_TYPES.map((t) => [t.name, t]));
const BY_CODE = new Map(RECORD_TYPES.map((t) => [t.code, t]));

/** Type by mnemonic (any case) or TYPEnnn; `code` is set for every valid spelling. */
type TypeLookup = Readonly<{ type?: RecordType; code?: number; meta?: boolean; unknownToBind?: boolean }>;
/** The type spellings of a file are few: each read once (bounded). */
const lookups = new Map<string, TypeLookup>();

export function lookupType(text: string): TypeLookup {
  let r = lookups.get(text);
  if (!r) {
    r = lookupTypeUncached(text);
    if (lookups.size >= 1024) lookups.clear();
    lookups.set(text, r);
  }
  return r;
}

function lookupTypeUncached(text: string): TypeLookup {
  const upper = text.toUpperCase();
  const byName = BY_NAME.get(upper);
  if (byName) return { type: byName, code: byName.code, unknownToBind: byName.bind === false };
  const meta = META_TYPES.get(upper);
  if (meta !== undefined) return { code: meta, meta: true };
  if (/^TYPE\d{1,5}$/.test(upper)) {
    const code = Number(upper.slice(4));
    if (code > 65535) return {};
    return { type: BY_CODE.get(code), code, meta: isMetaCode(code) };
  }
  return {};
}

export function typeByCode(code: number): RecordType | undefined {
  return BY_CODE.get(code);
}

/** Meta codes: 0, OPT, 128-255 (RFC 6895 §3.1). */
export function isMetaCode(code: number): boolean {
  return code === 0 || code === 41 || (code >= 128 && code <= 255);
}

/** Mnemonic for a code, else TYPEnnn. */
export function typeName(code: number): string {
  return BY_CODE.get(code)?.name ?? [...META_TYPES].find(([, c]) => c === code)?.[0] ?? `TYPE${code}`;
}

/** Code of a mnemonic or TYPEnnn as used inside RDATA (type bitmaps, RRSIG type covered). */
export function typeCodeInRdata(text: string): number | undefined {
  const r = lookupType(text);
  if (r.unknownToBind) return undefined;
  return r.code;
}

export const CLASSES: Record<string, number> = { IN: 1, CH: 3, CHAOS: 3, HS: 4, HESIOD: 4, NONE: 254, ANY: 255 };

/** Class by mnemonic or CLASSnnn, as its canonical text (IN, CH, HS, CLASSnnn). */
export function lookupClass(text: string): string | undefined {
  // Most tokens asked about are types or TTLs: only 2 letters or CLASSnnnnn can be a class.
  if (text.length !== 2 && (text.length < 6 || text.length > 10 || (text.charCodeAt(0) | 32) !== 99)) return undefined;
  if (text === 'IN') return 'IN'; // nearly every record says so: no upper-casing
  const upper = text.toUpperCase();
  if (upper === 'IN' || upper === 'CH' || upper === 'HS') return upper;
  if (/^CLASS\d{1,5}$/.test(upper)) {
    const n = Number(upper.slice(5));
    if (n > 65535) return undefined;
    return n === 1 ? 'IN' : n === 3 ? 'CH' : n === 4 ? 'HS' : `CLASS${n}`;
  }
  return undefined;
}
