// RDATA in dig's presentation format (what `dig +short` prints), from the wire bytes.
// dns-packet's codecs decode the binary types; each decode is checked to consume exactly
// rdlength bytes and, where the type has no compressed names, re-encoded and compared with
// the wire bytes (dns-packet returns junk without an error on some malformed input).
// Names are read by our own reader so labels with odd bytes print escaped like dig does.

import * as dnsPacket from 'dns-packet';
import { formatName, readWireName } from './names';
import { presentSvcb } from './svcb';
import { typeName } from './types';

export interface Rdata {
  /** Presentation text, e.g. `10 mail.example.test.` */
  text: string;
  /** The domain name the record points at (NS/CNAME/PTR/DNAME/MX/SRV targets). */
  target?: Buffer[];
  /** The address of an A/AAAA record. */
  address?: string;
}

interface Codec {
  decode: ((buf: Buffer, offset: number) => unknown) & { bytes: number };
  encode: ((data: unknown) => Buffer) & { bytes: number };
}

function codec(name: string): Codec {
  return (dnsPacket as unknown as Record<string, Codec>)[name];
}

/** Runs a dns-packet codec on exactly this RR's bytes and insists on a clean round trip. */
function viaDnsPacket<T>(name: string, msg: Buffer, rdlenOffset: number, rdlength: number, roundTrip: boolean): T {
  const c = codec(name);
  const bounded = msg.subarray(0, rdlenOffset + 2 + rdlength); // reads past the RR fail
  const value = c.decode(bounded, rdlenOffset) as T;
  if (c.decode.bytes !== rdlength + 2) throw new Error(`${name.toUpperCase()} rdata does not match its length`);
  if (roundTrip) {
    const again = c.encode(value);
    if (!again.equals(bounded.subarray(rdlenOffset))) throw new Error(`${name.toUpperCase()} rdata is malformed`);
  }
  return value;
}

export function presentIPv6(b: Buffer): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on ties.
  let bestStart = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen >= 2) {
    const head = hex.slice(0, bestStart).join(':');
    const tail = hex.slice(bestStart + bestLen).join(':');
    return `${head}::${tail}`;
  }
  return hex.join(':');
}

/** A <character-string> as dig prints it: quoted, `"` and `\` escaped, other bytes \DDD. */
export function quoteText(bytes: Buffer): string {
  // Most strings need no escape: one decode then, not a string grown byte by byte.
  let plain = 0;
  while (plain < bytes.length) {
    const b = bytes[plain];
    if (b < 0x20 || b > 0x7e || b === 0x22 || b === 0x5c) break;
    plain++;
  }
  if (plain === bytes.length) return `"${bytes.toString('latin1')}"`;
  let out = '"' + bytes.toString('latin1', 0, plain);
  for (const b of bytes.subarray(plain)) {
    if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) out += '\\' + String(b).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

/** dig's default `+split=56`: long hex/base64 fields are broken into 56-character chunks. */
function split56(text: string): string {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 56) chunks.push(text.slice(i, i + 56));
  return chunks.join(' ');
}

function hexUpper(b: Buffer): string {
  return b.toString('hex').toUpperCase();
}

/** Reads <character-string>s (length-prefixed) from `rdata`, which must be used up exactly. */
function characterStrings(rdata: Buffer, start = 0): Buffer[] {
  const out: Buffer[] = [];
  let pos = start;
  while (pos < rdata.length) {
    const len = rdata[pos];
    if (pos + 1 + len > rdata.length) throw new Error('character-string runs past the rdata');
    out.push(rdata.subarray(pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return out;
}

function typeBitmap(bitmap: Buffer): string[] {
  const types: string[] = [];
  let pos = 0;
  let lastWindow = -1;
  while (pos < bitmap.length) {
    if (pos + 2 > bitmap.length) throw new Error('type bitmap window runs past the rdata');
    const window = bitmap[pos], len = bitmap[pos + 1];
    if (window <= lastWindow || len < 1 || len > 32 || pos + 2 + len > bitmap.length) throw new Error('bad type bitmap');
    lastWindow = window;
    for (let i = 0; i < len; i++) {
      const byte = bitmap[pos + 2 + i];
      for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) types.push(typeName(window * 256 + i * 8 + bit));
    }
    pos += 2 + len;
  }
  return types;
}

const BASE32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

function base32hex(b: Buffer): string {
  let out = '', bits = 0, value = 0;
  for (const byte of b) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}

function utcStamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function need(rdata: Buffer, n: number, type: string): void {
  if (rdata.length !== n) throw new Error(`${type} rdata is ${rdata.length} bytes, not ${n}`);
}

function atLeast(rdata: Buffer, n: number, type: string): void {
  if (rdata.length < n) throw new Error(`${type} rdata is shorter than ${n} bytes`);
}

/** A name inside rdata that must end exactly at the end of the rdata. */
function nameAt(msg: Buffer, offset: number, end: number): { labels: Buffer[]; end: number } {
  const name = readWireName(msg.subarray(0, end), offset);
  return name;
}

function exactName(msg: Buffer, offset: number, end: number, type: string): Buffer[] {
  const name = nameAt(msg, offset, end);
  if (name.end !== end) throw new Error(`${type} rdata has trailing bytes`);
  return name.labels;
}

/**
 * Presentation of one RR's rdata. `msg` is the whole message (names may be compressed),
 * `offset` the first rdata byte. Throws a short reason when the rdata is malformed.
 */
export function presentRdata(type: number, msg: Buffer, offset: number, rdlength: number): Rdata {
  const end = offset + rdlength;
  const rdata = msg.subarray(offset, end);
  const T = typeName(type);
  switch (type) {
    case 1: {
      need(rdata, 4, T);
      const address = Array.from(rdata).join('.');
      return { text: address, address };
    }
    case 28: {
      need(rdata, 16, T);
      const address = presentIPv6(rdata);
      return { text: address, address };
    }
    case 2: case 5: case 12: case 39: case 3: case 4: case 7: case 8: case 9: {
      const target = exactName(msg, offset, end, T);
      return { text: formatName(target), target };
    }
    case 15: case 18: case 21: case 36: {
      atLeast(rdata, 3, T);
      const target = exactName(msg, offset + 2, end, T);
      return { text: `${rdata.readUInt16BE(0)} ${formatName(target)}`, target };
    }
    case 33: {
      atLeast(rdata, 7, T);
      const target = exactName(msg, offset + 6, end, T);
      return { text: `${rdata.readUInt16BE(0)} ${rdata.readUInt16BE(2)} ${rdata.readUInt16BE(4)} ${formatName(target)}`, target };
    }
    case 6: {
      const mname = nameAt(msg, offset, end);
      const rname = nameAt(msg, mname.end, end);
      if (rname.end + 20 !== end) throw new Error('SOA rdata has the wrong length');
      const n = (i: number) => msg.readUInt32BE(rname.end + 4 * i);
      return { text: `${formatName(mname.labels)} ${formatName(rname.labels)} ${n(0)} ${n(1)} ${n(2)} ${n(3)} ${n(4)}` };
    }
    case 17: case 14: {
      const a = nameAt(msg, offset, end);
      const b = exactName(msg, a.end, end, T);
      return { text: `${formatName(a.labels)} ${formatName(b)}` };
    }
    case 16: case 99: {
      // Read here rather than by dns-packet's codec and its round trip (a batch's big TXT
      // answers spent most of their parse there); its error, 'Buffer overflow', is kept.
      if (rdlength === 0) throw new Error('TXT rdata is empty');
      let text = '';
      for (let pos = 0; pos < rdata.length; ) {
        const len = rdata[pos];
        if (pos + 1 + len > rdata.length) throw new Error('Buffer overflow');
        text += (pos ? ' ' : '') + quoteText(rdata.subarray(pos + 1, pos + 1 + len));
        pos += 1 + len;
      }
      return { text };
    }
    case 13: {
      const s = characterStrings(rdata);
      if (s.length !== 2) throw new Error('HINFO needs two strings');
      return { text: s.map(quoteText).join(' ') };
    }
    case 257: {
      atLeast(rdata, 2, T);
      const tagLen = rdata[1];
      if (tagLen < 1 || 2 + tagLen > rdata.length) throw new Error('CAA tag runs past the rdata');
      const tag = rdata.subarray(2, 2 + tagLen).toString('latin1');
      return { text: `${rdata[0]} ${tag} ${quoteText(rdata.subarray(2 + tagLen))}` };
    }
    case 35: {
      atLeast(rdata, 7, T);
      const strings: Buffer[] = [];
      let pos = 4;
      for (let i = 0; i < 3; i++) {
        const len = rdata[pos];
        if (pos + 1 + len > rdata.length) throw new Error('NAPTR string runs past the rdata');
        strings.push(rdata.subarray(pos + 1, pos + 1 + len));
        pos += 1 + len;
      }
      const replacement = exactName(msg, offset + pos, end, T);
      return { text: `${rdata.readUInt16BE(0)} ${rdata.readUInt16BE(2)} ${strings.map(quoteText).join(' ')} ${formatName(replacement)}` };
    }
    case 43: case 59: case 32769: {
      const ds = viaDnsPacket<{ keyTag: number; algorithm: number; digestType: number; digest: Buffer }>('ds', msg, offset - 2, rdlength, true);
      return { text: `${ds.keyTag} ${ds.algorithm} ${ds.digestType} ${split56(hexUpper(ds.digest))}` };
    }
    case 48: case 60: case 25: {
      const k = viaDnsPacket<{ flags: number; algorithm: number; key: Buffer }>('dnskey', msg, offset - 2, rdlength, true);
      atLeast(rdata, 4, T);
      return { text: `${k.flags} ${rdata[2]} ${k.algorithm} ${split56(k.key.toString('base64'))}` };
    }
    case 46: case 24: {
      const sig = viaDnsPacket<{ algorithm: number; labels: number; originalTTL: number; expiration: number; inception: number; keyTag: number; signature: Buffer }>('rrsig', msg, offset - 2, rdlength, false);
      const signer = nameAt(msg, offset + 18, end);
      if (!sig.signature.equals(msg.subarray(signer.end, end))) throw new Error('RRSIG rdata is malformed');
      const covered = typeName(rdata.readUInt16BE(0));
      return { text: `${covered} ${sig.algorithm} ${sig.labels} ${sig.originalTTL} ${utcStamp(sig.expiration)} ${utcStamp(sig.inception)} ${sig.keyTag} ${formatName(signer.labels)} ${split56(sig.signature.toString('base64'))}` };
    }
    case 47: {
      const next = nameAt(msg, offset, end);
      return { text: [formatName(next.labels), ...typeBitmap(msg.subarray(next.end, end))].join(' ') };
    }
    case 50: {
      atLeast(rdata, 6, T);
      const saltLen = rdata[4];
      if (5 + saltLen + 1 > rdata.length) throw new Error('NSEC3 salt runs past the rdata');
      const salt = rdata.subarray(5, 5 + saltLen);
      const hashLen = rdata[5 + saltLen];
      const hashStart = 6 + saltLen;
      if (hashStart + hashLen > rdata.length) throw new Error('NSEC3 hash runs past the rdata');
      const types = typeBitmap(rdata.subarray(hashStart + hashLen));
      return { text: [rdata[0], rdata[1], rdata.readUInt16BE(2), saltLen ? hexUpper(salt) : '-', base32hex(rdata.subarray(hashStart, hashStart + hashLen)), ...types].join(' ') };
    }
    case 51: {
      atLeast(rdata, 5, T);
      const saltLen = rdata[4];
      need(rdata, 5 + saltLen, T);
      return { text: `${rdata[0]} ${rdata[1]} ${rdata.readUInt16BE(2)} ${saltLen ? hexUpper(rdata.subarray(5)) : '-'}` };
    }
    case 52: case 53: {
      const t = viaDnsPacket<{ usage: number; selector: number; matchingType: number; certificate: Buffer }>('tlsa', msg, offset - 2, rdlength, true);
      return { text: `${t.usage} ${t.selector} ${t.matchingType} ${split56(hexUpper(t.certificate))}` };
    }
    case 44: {
      // Own decoding: dns-packet's SSHFP codec rejects hash types other than 1 and 2.
      atLeast(rdata, 3, T);
      return { text: `${rdata[0]} ${rdata[1]} ${split56(hexUpper(rdata.subarray(2)))}` };
    }
    case 29:
      return { text: presentLoc(rdata) };
    case 64: case 65:
      return { text: presentSvcb(rdata) };
    case 256: {
      atLeast(rdata, 4, T);
      return { text: `${rdata.readUInt16BE(0)} ${rdata.readUInt16BE(2)} ${quoteText(rdata.subarray(4))}` };
    }
    case 61: case 49:
      return { text: split56(rdata.toString('base64')) };
    case 108: case 109:
      need(rdata, type === 108 ? 6 : 8, T);
      return { text: Array.from(rdata, (b) => b.toString(16).padStart(2, '0')).join('-') };
    case 62: {
      atLeast(rdata, 6, T);
      return { text: [rdata.readUInt32BE(0), rdata.readUInt16BE(4), ...typeBitmap(rdata.subarray(6))].join(' ') };
    }
    case 63: {
      atLeast(rdata, 6, T);
      return { text: `${rdata.readUInt32BE(0)} ${rdata[4]} ${rdata[5]} ${split56(hexUpper(rdata.subarray(6)))}` };
    }
    default:
      return { text: unknownRdata(rdata) };
  }
}

/** RFC 3597 generic form, as dig prints types it does not know. */
export function unknownRdata(rdata: Buffer): string {
  return rdata.length ? `\\# ${rdata.length} ${split56(hexUpper(rdata))}` : '\\# 0';
}

/** LOC (RFC 1876) as BIND prints it: `52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m`. */
function presentLoc(rdata: Buffer): string {
  need(rdata, 16, 'LOC');
  if (rdata[0] !== 0) return unknownRdata(rdata); // only version 0 has a text form
  const precision = (b: number) => {
    const cm = (b >> 4) * 10 ** (b & 0x0f);
    return cm >= 100 && cm % 100 === 0 ? `${cm / 100}m` : `${Math.floor(cm / 100)}.${String(cm % 100).padStart(2, '0')}m`;
  };
  const angle = (raw: number, pos: string, neg: string) => {
    const ms = raw - 2 ** 31;
    const abs = Math.abs(ms);
    const deg = Math.floor(abs / 3600000), min = Math.floor((abs % 3600000) / 60000), sec = abs % 60000;
    return `${deg} ${min} ${Math.floor(sec / 1000)}.${String(sec % 1000).padStart(3, '0')} ${ms < 0 ? neg : pos}`;
  };
  const altCm = rdata.readUInt32BE(12) - 10000000;
  const alt = `${altCm < 0 ? '-' : ''}${Math.floor(Math.abs(altCm) / 100)}.${String(Math.abs(altCm) % 100).padStart(2, '0')}m`;
  return `${angle(rdata.readUInt32BE(4), 'N', 'S')} ${angle(rdata.readUInt32BE(8), 'E', 'W')} ${alt} ${precision(rdata[1])} ${precision(rdata[2])} ${precision(rdata[3])}`;
}
