// DNS messages: the query we send (header, the question written from validated labels and
// numeric type/class so nothing is silently mangled, OPT), and a strict reader for
// responses that checks every length and consumes the whole packet.

import { formatName, readWireName } from './names';
import { presentRdata } from './rdata';
import { className, opcodeName, rcodeName, typeName } from './types';

export interface Question {
  labels: Buffer[];
  type: number;
  class: number;
}

export interface QueryOptions {
  id: number;
  recursionDesired: boolean;
  /** dig sets AD=1 in queries by default (+adflag). */
  authenticData: boolean;
  checkingDisabled: boolean;
  /** EDNS0 UDP payload size; undefined sends no OPT record (+noedns). */
  ednsUdpSize?: number;
  dnssecOk: boolean;
  /** Client cookie (8 bytes) to send in an EDNS COOKIE option. */
  cookie?: Buffer;
  nsid: boolean;
}

/** Header flag bits (RFC 1035 §4.1.1, RFC 4035 §3.2) and the OPT record's DO bit (RFC 3225). */
const RD = 1 << 8;
const AD = 1 << 5;
const CD = 1 << 4;
const DO = 1 << 15;
const OPT_TYPE = 41;

/**
 * The query's bytes, written straight into one buffer: header, the question from validated
 * labels and numeric type/class, then the OPT record (EDNS0) when there is one. The bytes are
 * the ones dns-packet's encoder wrote before (a test holds the two equal), including its
 * habit of sending a payload size of 0 as 4096.
 */
export function encodeQuery(question: Question, o: QueryOptions): Buffer {
  let nameLength = 1;
  for (const l of question.labels) nameLength += 1 + l.length;
  const options: Array<{ code: number; data: Buffer }> = [];
  if (o.nsid) options.push({ code: 3, data: Buffer.alloc(0) });
  if (o.cookie) options.push({ code: 10, data: o.cookie });
  let optionsLength = 0;
  for (const opt of options) optionsLength += 4 + opt.data.length;
  const edns = o.ednsUdpSize !== undefined;
  const buf = Buffer.alloc(12 + nameLength + 4 + (edns ? 11 + optionsLength : 0));
  let flags = 0;
  if (o.recursionDesired) flags |= RD;
  if (o.authenticData) flags |= AD;
  if (o.checkingDisabled) flags |= CD;
  buf.writeUInt16BE(o.id, 0);
  buf.writeUInt16BE(flags, 2);
  buf.writeUInt16BE(1, 4); // QDCOUNT; AN and NS stay 0
  buf.writeUInt16BE(edns ? 1 : 0, 10);
  let pos = 12;
  for (const l of question.labels) {
    buf[pos++] = l.length;
    l.copy(buf, pos);
    pos += l.length;
  }
  buf[pos++] = 0;
  buf.writeUInt16BE(question.type, pos);
  buf.writeUInt16BE(question.class, pos + 2);
  pos += 4;
  if (edns) {
    buf[pos] = 0; // the root owner
    buf.writeUInt16BE(OPT_TYPE, pos + 1);
    buf.writeUInt16BE(o.ednsUdpSize || 4096, pos + 3);
    // TTL: extended RCODE 0, version 0, then the flags
    buf.writeUInt16BE(o.dnssecOk ? DO : 0, pos + 7);
    buf.writeUInt16BE(optionsLength, pos + 9);
    pos += 11;
    for (const opt of options) {
      buf.writeUInt16BE(opt.code, pos);
      buf.writeUInt16BE(opt.data.length, pos + 2);
      opt.data.copy(buf, pos + 4);
      pos += 4 + opt.data.length;
    }
  }
  return buf;
}

export interface ResourceRecord {
  name: string;
  labels: Buffer[];
  type: string;
  typeCode: number;
  class: string;
  ttl: number;
  /** Presentation form of the rdata (`dig +short`). */
  data: string;
  target?: Buffer[];
  address?: string;
}

export interface EdnsInfo {
  version: number;
  udpSize: number;
  do: boolean;
  flags: number;
  options: Array<{ code: number; name: string; hex: string }>;
}

export interface DnsMessage {
  id: number;
  opcode: string;
  status: string;
  rcode: number;
  flags: { qr: boolean; aa: boolean; tc: boolean; rd: boolean; ra: boolean; ad: boolean; cd: boolean };
  question: Array<{ name: string; labels: Buffer[]; type: string; typeCode: number; class: string; classCode: number }>;
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
  edns?: EdnsInfo;
  size: number;
}

export type ParseResult = { ok: true; message: DnsMessage } | { ok: false; error: string };

const OPTION_NAMES: Record<number, string> = { 3: 'NSID', 8: 'CLIENT-SUBNET', 10: 'COOKIE', 11: 'TCP-KEEPALIVE', 12: 'PADDING', 15: 'EDE' };

/** Reads a whole response; any malformation is an error (never junk, never a throw). */
export function parseMessage(buf: Buffer): ParseResult {
  try {
    return { ok: true, message: readMessage(buf) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function readMessage(buf: Buffer): DnsMessage {
  if (buf.length < 12) throw new Error(`message is ${buf.length} bytes, shorter than a header`);
  const flags = buf.readUInt16BE(2);
  const counts = [4, 6, 8, 10].map((o) => buf.readUInt16BE(o));
  let pos = 12;
  const question: DnsMessage['question'] = [];
  for (let i = 0; i < counts[0]; i++) {
    const name = readWireName(buf, pos);
    if (name.end + 4 > buf.length) throw new Error('question runs past the end of the message');
    const type = buf.readUInt16BE(name.end), klass = buf.readUInt16BE(name.end + 2);
    question.push({ name: formatName(name.labels), labels: name.labels, type: typeName(type), typeCode: type, class: className(klass), classCode: klass });
    pos = name.end + 4;
  }
  const sections: ResourceRecord[][] = [[], [], []];
  let edns: EdnsInfo | undefined;
  let extendedRcode = 0;
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      const name = readWireName(buf, pos);
      if (name.end + 10 > buf.length) throw new Error('record header runs past the end of the message');
      const type = buf.readUInt16BE(name.end);
      const klass = buf.readUInt16BE(name.end + 2);
      const ttl = buf.readUInt32BE(name.end + 4);
      const rdlength = buf.readUInt16BE(name.end + 8);
      const start = name.end + 10;
      if (start + rdlength > buf.length) throw new Error(`${typeName(type)} record's rdata runs past the end of the message`);
      if (type === 41) {
        if (s !== 2 || edns) throw new Error('OPT record outside the additional section, or more than one');
        if (name.labels.length !== 0) throw new Error('OPT record with a non-root owner');
        extendedRcode = ttl >>> 24;
        edns = { version: (ttl >>> 16) & 0xff, udpSize: klass, flags: ttl & 0xffff, do: (ttl & 0x8000) !== 0, options: readOptions(buf.subarray(start, start + rdlength)) };
      } else {
        let rd;
        try {
          rd = presentRdata(type, buf, start, rdlength);
        } catch (e) {
          throw new Error(`bad ${typeName(type)} record for ${formatName(name.labels)}: ${(e as Error).message}`);
        }
        sections[s].push({ name: formatName(name.labels), labels: name.labels, type: typeName(type), typeCode: type, class: className(klass), ttl, data: rd.text, target: rd.target, address: rd.address });
      }
      pos = start + rdlength;
    }
  }
  if (pos !== buf.length) throw new Error(`${buf.length - pos} bytes of trailing data after the last record`);
  const rcode = (extendedRcode << 4) | (flags & 0xf);
  return {
    id: buf.readUInt16BE(0),
    opcode: opcodeName((flags >> 11) & 0xf),
    status: rcodeName(rcode),
    rcode,
    flags: {
      qr: (flags & 0x8000) !== 0, aa: (flags & 0x0400) !== 0, tc: (flags & 0x0200) !== 0, rd: (flags & 0x0100) !== 0,
      ra: (flags & 0x0080) !== 0, ad: (flags & 0x0020) !== 0, cd: (flags & 0x0010) !== 0,
    },
    question,
    answer: sections[0],
    authority: sections[1],
    additional: sections[2],
    edns,
    size: buf.length,
  };
}

function readOptions(data: Buffer): EdnsInfo['options'] {
  const options: EdnsInfo['options'] = [];
  let pos = 0;
  while (pos < data.length) {
    if (pos + 4 > data.length) throw new Error('EDNS option header runs past the OPT record');
    const code = data.readUInt16BE(pos), len = data.readUInt16BE(pos + 2);
    if (pos + 4 + len > data.length) throw new Error('EDNS option runs past the OPT record');
    options.push({ code, name: OPTION_NAMES[code] ?? `OPT${code}`, hex: data.subarray(pos + 4, pos + 4 + len).toString('hex').toUpperCase() });
    pos += 4 + len;
  }
  return options;
}


