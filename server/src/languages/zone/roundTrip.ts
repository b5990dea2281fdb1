// The second check: a record our table accepted is encoded to wire format with dns-packet
// and decoded again. A throw means the data cannot go on the wire as written (dns-packet
// checks lengths we only warn about, e.g. an SSHFP fingerprint that does not fit its hash
// type); decoded fields that differ from ours would be a bug in our reader (the unit tests
// hold that they never do). Types dns-packet lacks (HTTPS, SVCB, LOC …) are skipped.

import * as dnsPacket from 'dns-packet';
import type { ZoneRecord } from './model';

type Fields = Record<string, unknown>;

/** dns-packet's record codec (exported at runtime, absent from its type definitions). */
const answerCodec = (dnsPacket as unknown as { answer: { encode(a: dnsPacket.Answer): Buffer; decode(b: Buffer): { data: unknown } } }).answer;

const plain = (name: unknown) => String(name).replace(/\.$/, '') || '.';
const buf = (v: unknown) => Buffer.from(v as Uint8Array);

/** Our field values -> the data object dns-packet encodes, per type; undefined = skip. */
const TO_PACKET: Record<string, (v: unknown[]) => unknown> = {
  A: (v) => v[0],
  AAAA: (v) => v[0],
  NS: (v) => plain(v[0]),
  CNAME: (v) => plain(v[0]),
  DNAME: (v) => plain(v[0]),
  PTR: (v) => plain(v[0]),
  MX: (v) => ({ preference: v[0], exchange: plain(v[1]) }),
  TXT: (v) => (v[0] as string[]).map((s) => Buffer.from(s, 'latin1')),
  SOA: (v) => ({ mname: plain(v[0]), rname: plain(v[1]), serial: v[2], refresh: v[3], retry: v[4], expire: v[5], minimum: v[6] }),
  SRV: (v) => ({ priority: v[0], weight: v[1], port: v[2], target: plain(v[3]) }),
  HINFO: (v) => ({ cpu: Buffer.from(v[0] as string, 'latin1').toString('latin1'), os: Buffer.from(v[1] as string, 'latin1').toString('latin1') }),
  CAA: (v) => ({ flags: v[0], tag: v[1], value: Buffer.from(v[2] as string, 'latin1').toString('latin1') }),
  DS: (v) => ({ keyTag: v[0], algorithm: v[1], digestType: v[2], digest: buf(v[3]) }),
  TLSA: (v) => ({ usage: v[0], selector: v[1], matchingType: v[2], certificate: buf(v[3]) }),
  SSHFP: (v) => ({ algorithm: v[0], hash: v[1], fingerprint: Buffer.from(v[2] as Uint8Array).toString('hex') }),
  NAPTR: (v) => ({ order: v[0], preference: v[1], flags: v[2], services: v[3], regexp: v[4], replacement: plain(v[5]) }),
};

/** dns-packet encodes DNSKEY with protocol 3 only: compare that separately. */
const TO_PACKET_DNSKEY = (v: unknown[]) => ({ flags: v[0], algorithm: v[2], key: buf(v[3]) });

/** IPv6 text in one spelling: eight groups without leading zeros (an IPv4 tail as two groups). */
function canonicalIpv6(text: string): string {
  let t = text.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(t);
  if (v4) t = t.slice(0, v4.index) + (((+v4[1] << 8) | +v4[2]).toString(16)) + ':' + (((+v4[3] << 8) | +v4[4]).toString(16));
  const [head, tail] = t.includes('::') ? t.split('::') : [t, undefined];
  const h = head ? head.split(':') : [];
  const tl = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - tl.length).fill('0'), ...tl];
  return groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

function normalize(x: unknown): unknown {
  if (Buffer.isBuffer(x) || x instanceof Uint8Array) return Buffer.from(x).toString('hex');
  if (Array.isArray(x)) return x.map(normalize);
  if (typeof x === 'string') return x.toLowerCase();
  if (x && typeof x === 'object') {
    const out: Fields = {};
    for (const k of Object.keys(x).sort()) if (k !== 'issuerCritical') out[k] = normalize((x as Fields)[k]);
    return out;
  }
  return x;
}

export interface RoundTripResult {
  /** dns-packet refused to encode or decode: the message it gave. */
  error?: string;
  /** Decoded data differs from what we read (our bug): both sides, normalised. */
  mismatch?: { ours: unknown; decoded: unknown };
}

/** Whether the record is one dns-packet can encode as data (not raw octets). */
export function canRoundTrip(r: ZoneRecord): boolean {
  if (!r.values || r.class !== 'IN') return false;
  if (!(r.type in TO_PACKET) && r.type !== 'DNSKEY') return false;
  // dns-packet's name codec does not read presentation escapes.
  return !r.values.some((v) => typeof v.value === 'string' && v.spec.kind === 'name' && v.value.includes('\\'));
}

function packetAnswer(r: ZoneRecord): dnsPacket.Answer | undefined {
  if (!canRoundTrip(r)) return undefined;
  const values = r.values!.map((v) => v.value);
  if (r.type === 'DNSKEY' && values[1] !== 3) return undefined;
  const data = r.type === 'DNSKEY' ? TO_PACKET_DNSKEY(values) : TO_PACKET[r.type](values);
  return { type: r.type, name: 'x', ttl: r.ttl, class: 'IN', data } as unknown as dnsPacket.Answer;
}

/** The cheap half, run by the linter: does dns-packet encode it? (undefined = yes or skipped) */
export function encodeError(r: ZoneRecord): string | undefined {
  const answer = packetAnswer(r);
  if (!answer) return undefined;
  try {
    answerCodec.encode(answer);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Encode and decode, and compare the decoded fields with ours (tests run this on corpora). */
export function roundTrip(r: ZoneRecord): RoundTripResult | undefined {
  if (!canRoundTrip(r)) return undefined;
  const values = r.values!.map((v) => v.value);
  if (r.type === 'DNSKEY' && values[1] !== 3) return undefined;
  const data = r.type === 'DNSKEY' ? TO_PACKET_DNSKEY(values) : TO_PACKET[r.type](values);
  const answer = { type: r.type, name: 'x', ttl: r.ttl, class: 'IN', data } as unknown as dnsPacket.Answer;
  let decoded: unknown;
  try {
    const wire = answerCodec.encode(answer);
    decoded = answerCodec.decode(wire).data;
  } catch (e) {
    return { error: (e as Error).message };
  }
  const ours = normalize(r.type === 'AAAA' ? canonicalIpv6(data as string) : data);
  const back = normalize(r.type === 'AAAA' ? canonicalIpv6(decoded as string) : decoded);
  if (r.type === 'CAA') (back as Fields).value = String((back as Fields).value);
  return JSON.stringify(ours) === JSON.stringify(back) ? {} : { mismatch: { ours, decoded: back } };
}
