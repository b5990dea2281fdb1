// DNS messages: the query we send (header and OPT via dns-packet, the question written
// from validated labels and numeric type/class so nothing is silently mangled), and a
// strict reader for responses that checks every length and consumes the whole packet.

import * as dnsPacket from 'dns-packet';
import { encodeName, formatName, readWireName } from './names';
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

export function encodeQuery(question: Question, o: QueryOptions): Buffer {
  let flags = 0;
  if (o.recursionDesired) flags |= dnsPacket.RECURSION_DESIRED;
  if (o.authenticData) flags |= dnsPacket.AUTHENTIC_DATA;
  if (o.checkingDisabled) flags |= dnsPacket.CHECKING_DISABLED;
  const options: Array<{ code: number; data: Buffer }> = [];
  if (o.nsid) options.push({ code: 3, data: Buffer.alloc(0) });
  if (o.cookie) options.push({ code: 10, data: o.cookie });
  const packet: dnsPacket.Packet = {
    type: 'query',
    id: o.id,
    flags,
    // A root-name placeholder: the real question is spliced in below.
    questions: [{ name: '.', type: 'A', class: 'IN' }],
    additionals: o.ednsUdpSize === undefined ? [] : [{
      type: 'OPT', name: '.', udpPayloadSize: o.ednsUdpSize, extendedRcode: 0, ednsVersion: 0,
      flags: o.dnssecOk ? dnsPacket.DNSSEC_OK : 0, options,
    } as unknown as dnsPacket.Answer],
  };
  const skeleton = dnsPacket.encode(packet);
  const typeClass = Buffer.alloc(4);
  typeClass.writeUInt16BE(question.type, 0);
  typeClass.writeUInt16BE(question.class, 2);
  // header (12) + placeholder question (root name 1 byte + type/class 4 bytes)
  return Buffer.concat([skeleton.subarray(0, 12), encodeName(question.labels), typeClass, skeleton.subarray(17)]);
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


