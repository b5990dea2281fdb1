// Random RDATA for the differential test against named-checkzone: for each record type of
// the table, texts meant to be valid and texts with one mistake (a field out of range, a bad
// encoding, a wrong digest length, a missing or extra field, a broken RFC 3597 form). The
// intent does not decide anything: named's verdict on each line is the answer.

import type { FieldKind, FieldSpec } from '../../../server/src/languages/zone/rdata';
import type { RecordType } from '../../../server/src/languages/zone/recordTypes';

export type Rng = () => number;

export interface Gen {
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): Buffer;
}

export function gen(rng: Rng): Gen {
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  return {
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    chance: (p) => rng() < p,
    bytes: (n) => Buffer.from(Array.from({ length: n }, () => int(0, 255))),
  };
}

const hex = (b: Buffer) => b.toString('hex');
const b64 = (b: Buffer) => b.toString('base64');
const B32HEX = '0123456789abcdefghijklmnopqrstuv';
export function base32hex(b: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of b) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32HEX[(value << (5 - bits)) & 31];
  return out;
}

function label(g: Gen): string {
  const n = g.int(1, 8);
  let s = '';
  for (let i = 0; i < n; i++) s += g.pick('abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
  return g.chance(0.2) ? `${s}-${g.pick(['a', 'x', '1'])}` : s;
}
function name(g: Gen): string {
  const labels = Array.from({ length: g.int(1, 3) }, () => label(g));
  return g.chance(0.4) ? `${labels.join('.')}.example.net.` : labels.join('.');
}
const ipv4 = (g: Gen) => [g.int(1, 223), g.int(0, 255), g.int(0, 255), g.int(0, 255)].join('.');
function ipv6(g: Gen): string {
  const groups = Array.from({ length: 8 }, () => g.int(0, 0xffff).toString(16));
  if (g.chance(0.5)) return `2001:db8::${groups[6]}:${groups[7]}`;
  return groups.join(':');
}
function charString(g: Gen, quoted = g.chance(0.7)): string {
  const words = ['v=spf1', 'hello', 'a b c', 'x\\"y', 'caf\\195\\169', 'tab\\009x', ''];
  const w = g.pick(words);
  if (!quoted && (w === '' || w.includes(' ') || w.includes('"'))) return `"${w}"`;
  return quoted ? `"${w}"` : w;
}
const TYPES = ['A', 'NS', 'MX', 'TXT', 'AAAA', 'RRSIG', 'NSEC', 'DNSKEY', 'TYPE65534', 'CAA', 'SRV', 'TYPE1234'];
const ALGS = ['8', '13', '15', 'RSASHA256', 'ECDSAP256SHA256', 'ED25519', '253', '5'];
function sigTime(g: Gen): string {
  if (g.chance(0.3)) return String(g.int(0, 4294967295));
  const y = g.int(2000, 2037);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${y}${p(g.int(1, 12))}${p(g.int(1, 28))}${p(g.int(0, 23))}${p(g.int(0, 59))}${p(g.int(0, 59))}`;
}

const SVC_VALID: Array<(g: Gen) => string> = [
  () => 'alpn=h2,h3',
  () => 'alpn="h2,http/1.1"',
  (g) => `port=${g.int(1, 65535)}`,
  (g) => `ipv4hint=${ipv4(g)},${ipv4(g)}`,
  (g) => `ipv6hint=${ipv6(g)}`,
  (g) => `ech=${b64(g.bytes(g.int(1, 30)))}`,
  (g) => `key${g.int(8, 65534)}=${label(g)}`,
  () => 'dohpath=/dns-query{?dns}',
];
const SVC_INVALID = ['key00997=x', 'key65536=x', 'port=65536', 'port=', 'alpn=', 'ipv4hint=1.2.3', 'ipv6hint=1.2.3.4', 'mandatory=alpn', 'mandatory=mandatory', 'no-default-alpn', 'foo=bar', 'alpn=h2 alpn=h3', 'ech=###', 'mandatory=port,port port=53', 'mandatory=key8 key8=x', 'key007=x', 'Port=53'];

/** A valid-looking text for one field. */
function validField(kind: FieldKind, g: Gen, spec: FieldSpec): string {
  switch (kind) {
    case 'u8':
      return String(g.int(0, 255));
    case 'u16':
      return String(g.int(0, 65535));
    case 'u32':
      return String(g.int(0, 4294967295));
    case 'ttl':
      return g.chance(0.5) ? String(g.int(0, 2 ** 31 - 1)) : g.pick(['1h', '30m', '1d12h', '2w', '1h30M']);
    case 'name':
      return g.chance(0.1) ? '@' : name(g);
    case 'ipv4':
      return ipv4(g);
    case 'ipv6':
      return ipv6(g);
    case 'string':
      return charString(g);
    case 'strings':
      return Array.from({ length: g.int(1, 3) }, () => charString(g)).join(' ');
    case 'qstring':
      return charString(g, true);
    case 'hex':
      return hex(g.bytes(g.int(1, 40)));
    case 'hex-opt':
      return g.chance(0.2) ? '' : hex(g.bytes(g.int(1, 40)));
    case 'base64':
    case 'base64-opt': {
      const s = b64(g.bytes(g.int(1, 60)));
      return g.chance(0.3) && s.length > 8 ? `${s.slice(0, 8)} ${s.slice(8)}` : s;
    }
    case 'salt':
      return g.chance(0.3) ? '-' : hex(g.bytes(g.int(1, 8)));
    case 'base32hex':
      return base32hex(g.bytes(20));
    case 'time':
      return sigTime(g);
    case 'type':
      return g.pick(TYPES);
    case 'types':
    case 'types-opt':
      return Array.from({ length: g.int(kind === 'types' ? 1 : 0, 4) }, () => g.pick(TYPES)).join(' ');
    case 'alg':
      return g.pick(ALGS);
    case 'cert-type':
      return g.pick(['PKIX', 'PGP', '1', '3', 'URI', '65280']);
    case 'caa-tag':
      return g.pick(['issue', 'issuewild', 'iodef', 'tbs', 'Issue']);
    case 'caa-value':
      return g.pick(['"letsencrypt.org"', '";"', '"mailto:x@example.com"', 'ca.example', '""']);
    case 'svcparams': {
      const keys = new Map<string, string>();
      for (let i = g.int(0, 3); i > 0; i--) {
        const p = g.pick(SVC_VALID)(g);
        keys.set(p.split('=')[0], p);
      }
      if (g.chance(0.2) && keys.size > 0) keys.set('mandatory', `mandatory=${[...keys.keys()].filter((k) => k !== 'dohpath').slice(0, 1).join(',') || 'alpn'}`);
      return [...keys.values()].join(' ');
    }
    case 'loc': {
      const lat = `${g.int(0, 89)} ${g.int(0, 59)} ${g.int(0, 59)}.${g.int(0, 999)} ${g.pick(['N', 'S'])}`;
      const lon = `${g.int(0, 179)} ${g.int(0, 59)} ${g.pick(['E', 'W'])}`;
      return `${lat} ${lon} ${g.int(-100, 5000)}.${g.int(0, 99)}m${g.chance(0.5) ? ` ${g.int(1, 100)}m ${g.int(1, 1000)}m` : ''}`;
    }
    case 'apl':
      return g.pick(['1:192.0.2.0/24', '!1:10.0.0.0/8 2:2001:db8::/32', '', '2:::/0', '1:192.0.2.1/32']);
    case 'eui48':
      return Array.from({ length: 6 }, () => hex(g.bytes(1))).join('-');
    case 'eui64':
      return Array.from({ length: 8 }, () => hex(g.bytes(1))).join('-');
    case 'l64':
      return Array.from({ length: 4 }, () => hex(g.bytes(2))).join(':');
    case 'ipseckey-gateway':
      return '.';
    case 'dsync-scheme':
      return g.pick(['1', 'NOTIFY', '2']);
    case 'nsap':
      return `0x${hex(g.bytes(g.int(1, 20)))}`;
    case 'rest':
      return g.pick(['tcp smtp', 'udp domain', '6 25']);
    default:
      return `/* ${spec.name} */`;
  }
}

/** One mistake in one field. */
function invalidField(kind: FieldKind, g: Gen): string {
  switch (kind) {
    case 'u8':
      return g.pick(['256', '-1', 'x', '1.5', '999']);
    case 'u16':
      return g.pick(['65536', '-1', 'x', '0x10']);
    case 'u32':
      return g.pick(['4294967296', 'x', '-5', '20260304001']);
    case 'ttl':
      return g.pick(['1y', 'x', '1h30', '4294967296']);
    case 'name':
      return g.pick(['a..b', `${'x'.repeat(64)}.example.`, '.a', 'a\\999', `${'abcdefghi.'.repeat(25)}x`]);
    case 'ipv4':
    case 'ipseckey-gateway':
      return g.pick(['1.2.3', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', '::1']);
    case 'ipv6':
      return g.pick(['2001:db8::12::1', '1:2:3:4:5:6:7:8:9', '::g', '192.0.2.1', '1:2:3:4:5:6:7:1.2.3.4']);
    case 'string':
    case 'strings':
    case 'qstring':
      return `"${'x'.repeat(256)}"`;
    case 'hex':
    case 'hex-opt':
      return g.pick(['abc', 'xyz0', '0g']);
    case 'base64':
    case 'base64-opt':
      return g.pick(['abc', 'a===', '@@@@', 'AAAAA']);
    case 'salt':
      return g.pick(['abc', 'zz', hex(Buffer.alloc(256))]);
    case 'base32hex':
      return g.pick([base32hex(g.bytes(20)).slice(0, 23), `${base32hex(g.bytes(5))}===`, 'wxyz0000', base32hex(g.bytes(g.int(1, 19)))]);
    case 'time':
      return g.pick(['20261301000000', '2026010100000', 'yesterday', '99999999999']);
    case 'type':
    case 'types':
    case 'types-opt':
      return g.pick(['FOO', 'TYPE65536', 'TYPE', 'DELEG']);
    case 'alg':
      return g.pick(['256', 'RSASHA257', 'x']);
    case 'cert-type':
      return g.pick(['65536', 'FOO']);
    case 'caa-tag':
      return g.pick(['issue_x', '""', 'is-sue']);
    case 'caa-value':
      return '';
    case 'svcparams':
      return g.pick(SVC_INVALID);
    case 'loc':
      return g.pick(['91 0 0 N 0 0 E 0m', '0 60 0 N 0 0 E 0m', '0 0 0 X 0 0 E 0m', '0 0 0 N 181 0 0 E 0m', '0 0 0 N 0 0 E 42849673m', '0 0 0 N 0 0 E']);
    case 'apl':
      return g.pick(['1:192.0.2.0/33', '3:1.2.3.4/8', '1:1.2.3/24', 'x']);
    case 'eui48':
    case 'eui64':
    case 'l64':
      return g.pick(['00-11-22', 'zz-zz-zz-zz-zz-zz', '0:1:2']);
    case 'dsync-scheme':
      return g.pick(['256', 'FOO']);
    case 'nsap':
      return g.pick(['0x1', '47', '0xzz']);
    default:
      return 'x';
  }
}

/** Type-specific texts for the checks a field-by-field generator cannot reach. */
const SPECIAL: Record<string, (g: Gen) => string> = {
  DS: (g) => `${g.int(0, 65535)} ${g.pick(ALGS)} ${g.pick([1, 2, 4, 3, 5])} ${hex(g.bytes(g.pick([20, 32, 48, 16, 31, 33])))}`,
  CDS: (g) => `${g.int(0, 65535)} ${g.pick(ALGS)} ${g.pick([0, 1, 2, 4])} ${g.chance(0.2) ? '00' : hex(g.bytes(g.pick([20, 32, 48, 1])))}`,
  TLSA: (g) => `${g.int(0, 3)} ${g.int(0, 1)} ${g.int(0, 3)} ${hex(g.bytes(g.pick([32, 64, 20, 1, 33])))}`,
  SMIMEA: (g) => `3 1 ${g.int(0, 2)} ${hex(g.bytes(g.pick([32, 64, 31])))}`,
  SSHFP: (g) => `${g.int(1, 6)} ${g.int(0, 3)} ${hex(g.bytes(g.pick([20, 32, 19, 64])))}`,
  NSEC3: (g) => `1 ${g.int(0, 1)} ${g.int(0, 10)} ${g.chance(0.5) ? '-' : hex(g.bytes(4))} ${base32hex(g.bytes(g.pick([20, 20, 1, 5, 32])))} ${g.pick(['A RRSIG', '', 'NS SOA DNSKEY NSEC3PARAM'])}`,
  NSEC3PARAM: (g) => `${g.int(0, 2)} ${g.int(0, 255)} ${g.int(0, 65535)} ${g.pick(['-', 'aabbccdd', ''])}`,
  NAPTR: (g) => `${g.int(0, 100)} ${g.int(0, 100)} "${g.pick(['U', 'S', 'a', 'AP', 'u!', ''])}" "${g.pick(['E2U+sip', 'SIP+D2U', ''])}" "${g.pick(['!^.*$!sip:info@example.com!', '', '!^.*$!x!i', '!a!b', '!^(.*)$!\\\\2!', '!(!x!', 'x^.*$x\\\\1x'])}" ${g.pick(['.', '_sip._udp.example.com.', 'x'])}`,
  CAA: (g) => `${g.pick([0, 128, 1, 255])} ${g.pick(['issue', 'issuewild', 'iodef', 'tbs', 'x1'])} ${g.pick(['"ca.example"', '"ca.example; account=1"', '";"', '""', '"mailto:a@b"'])}`,
  SVCB: (g) => `${g.int(0, 3)} ${g.pick(['.', 'svc.example.net.', 'x'])} ${g.pick([...SVC_INVALID, 'alpn=h2', 'mandatory=alpn alpn=h2', 'no-default-alpn alpn=h2', 'key65535', 'key65535=', 'port=53 key3=53', 'alpn=h2,,h3', 'alpn=h2\\,h3', 'ipv4hint=', 'dohpath=/q{?dns}'])}`,
  HTTPS: (g) => `${g.int(0, 2)} ${g.pick(['.', 'svc.example.net.'])} ${g.pick([...SVC_INVALID, 'alpn=h3', 'ech=AEn+DQBFKwAgACABWIHUGj4u+PIggYXcR5JF0gYk3dCRioBW8uJq9H4mKAAIAAEAAQABAANAEnB1YmxpYy50bHMtZWNoLmRldgAA', ''])}`,
  ZONEMD: (g) => `${g.int(0, 100)} ${g.pick([0, 1, 2])} ${g.pick([0, 1, 2, 3])} ${hex(g.bytes(g.pick([48, 64, 12, 11, 47])))}`,
  KEY: (g) => `${g.pick([256, 257, 0xc000, 0x4000, 0xc100])} ${g.pick([3, 1, 0])} ${g.pick(ALGS)} ${g.chance(0.2) ? '' : b64(g.bytes(32))}`,
  IPSECKEY: (g) => {
    const gw = g.int(0, 4);
    const gateway = [g.pick(['.', 'x.example.']), g.chance(0.8) ? ipv4(g) : ipv6(g), g.chance(0.8) ? ipv6(g) : ipv4(g), name(g), name(g)][gw];
    return `${g.int(0, 255)} ${gw} ${g.int(0, 3)} ${gateway} ${g.chance(0.3) ? '' : b64(g.bytes(16))}`;
  },
  AMTRELAY: (g) => {
    const gw = g.int(0, 4);
    const gateway = ['.', ipv4(g), ipv6(g), name(g), 'x'][gw];
    return `${g.int(0, 255)} ${g.int(0, 2)} ${gw} ${g.chance(0.1) ? '' : gateway}`;
  },
  LOC: (g) => validField('loc', g, { name: 'loc', kind: 'loc', doc: '' }),
  A6: (g) => {
    const p = g.pick([0, 64, 128, 129, 48]);
    return [String(p), p === 128 ? '' : ipv6(g), p === 0 ? '' : name(g)].filter(Boolean).join(' ');
  },
  HIP: (g) => `${g.int(0, 3)} ${hex(g.bytes(16))} ${b64(g.bytes(g.int(1, 40)))}${g.chance(0.5) ? ` ${name(g)}` : ''}`,
  ATMA: (g) => g.pick([`${hex(g.bytes(20))}`, '+358.400.1234567', '+12a', '39.246f.000e7c9c031200010001.000020481000.00', 'abc', '.00', '+']),
  NXT: (g) => `${name(g)} ${g.pick(['A NS', 'SOA', 'TYPE200', 'A', 'TYPE1 TYPE2', 'FOO'])}`,
  SINK: (g) => `${g.int(0, 256)} ${g.int(0, 255)} ${g.int(0, 255)} ${g.chance(0.3) ? '' : b64(g.bytes(8))}`,
  DOA: (g) => `${g.int(0, 4294967295)} ${g.int(0, 4294967295)} ${g.int(0, 256)} "${g.pick(['image/png', ''])}" ${g.pick(['-', b64(g.bytes(10)), ''])}`,
  SIG: (g) => `${g.pick(TYPES)} ${g.pick(ALGS)} ${g.int(0, 5)} ${g.int(0, 86400)} ${sigTime(g)} ${sigTime(g)} ${g.int(0, 65535)} ${name(g)} ${b64(g.bytes(32))}`,
  KEYDATA: (g) => `${sigTime(g)} ${sigTime(g)} ${sigTime(g)} ${g.pick([257, 0, 0xc000])} ${g.pick([3, 0])} ${g.pick(['8', '0'])} ${g.chance(0.2) ? '' : b64(g.bytes(32))}`,
  WKS: (g) => `${ipv4(g)} ${g.pick(['tcp', 'udp', '6', 'TCP', 'foo'])} ${g.pick(['smtp', 'domain 25', '80 443', '', 'nosuchservice', '65536'])}`,
  CERT: (g) => `${g.pick(['PKIX', '1', 'URI', 'FOO', '65536'])} ${g.int(0, 65535)} ${g.pick(ALGS)} ${b64(g.bytes(30))}`,
  APL: (g) => g.pick(['1:192.0.2.0/24', '!1:10.0.0.0/8 2:2001:db8::/32', '', '1:192.0.2.0/33', '1:192.0.2.1/24', '2:2001:db8::/129', '3:1.2.3.4/8', '1:1.2.3/24', '1:192.0.2.0/-1']),
  RRSIG: (g) => `${g.pick(TYPES)} ${g.pick(ALGS)} ${g.int(0, 5)} ${g.int(0, 86400)} ${sigTime(g)} ${sigTime(g)} ${g.int(0, 65535)} ${name(g)} ${b64(g.bytes(32))}`,
  CSYNC: (g) => `${g.int(0, 4294967295)} ${g.int(0, 3)} ${g.pick(['A NS AAAA', '', 'NS', 'FOO'])}`,
  URI: (g) => `${g.int(0, 65535)} ${g.int(0, 65535)} ${g.pick(['"https://example.com/"', '"ftp://x/"', 'https://example.com/', '""'])}`,
  GPOS: (g) => `${g.pick(['-32.6882', '116.8652', 'x', '"10.0"'])} ${g.pick(['116.8652', '-91'])} ${g.pick(['10.0', '0'])}`,
};

/** Everything the generator makes for one type: `count` texts, about half meant to be wrong. */
export function rdataSamples(t: RecordType, g: Gen, count: number): string[] {
  const out: string[] = [];
  const fields = t.fields;
  for (let i = 0; i < count; i++) {
    const r = g.int(0, 9);
    if (r === 0) {
      // RFC 3597 generic form: empty, random, or with a wrong length.
      const wire = g.bytes(g.pick([0, 0, 1, 4, 16, 20]));
      const len = g.chance(0.8) ? wire.length : wire.length + g.pick([-1, 1]);
      out.push(`\\# ${len}${wire.length ? ` ${hex(wire)}` : ''}`);
    } else if (r <= 3 && SPECIAL[t.name]) {
      out.push(SPECIAL[t.name](g));
    } else {
      const tokens = fields.map((f) => validField(f.kind, g, f));
      if (r >= 7 && fields.length > 0) {
        const k = g.int(0, fields.length - 1);
        const how = g.int(0, 4);
        if (how === 0) tokens.length = k; // truncated
        else if (how === 1) tokens.push('extra');
        else tokens[k] = invalidField(fields[k].kind, g);
      }
      out.push(tokens.filter((s) => s !== '').join(' '));
    }
  }
  return out;
}
