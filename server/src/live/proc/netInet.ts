// /proc/net/{tcp,tcp6,udp,udp6}: one socket per row,
// `sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode …`, space-padded
// (trim) with extra trailing columns that vary by protocol and kernel (ignored).
// Addresses are __be32 words printed with %08X, i.e. in host byte order: on little-endian
// hosts 127.0.0.1 reads 0100007F. Ports are plain %04X.

import * as os from 'node:os';
import { procPath, readTextSync, type ReadResult } from './procfs';

export type InetProtocol = 'tcp' | 'tcp6' | 'udp' | 'udp6';
export const INET_PROTOCOLS: InetProtocol[] = ['tcp', 'tcp6', 'udp', 'udp6'];

/** include/net/tcp_states.h, with the names ss prints. UDP uses 07 (UNCONN) and 01 (ESTAB). */
export const SOCKET_STATES: Record<number, { kernel: string; ss: string }> = {
  0x01: { kernel: 'ESTABLISHED', ss: 'ESTAB' },
  0x02: { kernel: 'SYN_SENT', ss: 'SYN-SENT' },
  0x03: { kernel: 'SYN_RECV', ss: 'SYN-RECV' },
  0x04: { kernel: 'FIN_WAIT1', ss: 'FIN-WAIT-1' },
  0x05: { kernel: 'FIN_WAIT2', ss: 'FIN-WAIT-2' },
  0x06: { kernel: 'TIME_WAIT', ss: 'TIME-WAIT' },
  0x07: { kernel: 'CLOSE', ss: 'UNCONN' },
  0x08: { kernel: 'CLOSE_WAIT', ss: 'CLOSE-WAIT' },
  0x09: { kernel: 'LAST_ACK', ss: 'LAST-ACK' },
  0x0a: { kernel: 'LISTEN', ss: 'LISTEN' },
  0x0b: { kernel: 'CLOSING', ss: 'CLOSING' },
  0x0c: { kernel: 'NEW_SYN_RECV', ss: 'SYN-RECV' },
  0x0d: { kernel: 'BOUND_INACTIVE', ss: 'BOUND-INACTIVE' },
};

export interface Endpoint {
  address: string;
  port: number;
}

export interface InetSocket {
  protocol: InetProtocol;
  /** The state as ss names it (ESTAB, LISTEN, UNCONN …). */
  state: string;
  stateCode: number;
  local: Endpoint;
  peer: Endpoint;
  /** rx_queue: bytes not yet read (for LISTEN: connections waiting in accept()). */
  recvQ: number;
  /** tx_queue: bytes not yet acknowledged (for LISTEN, ss shows the backlog limit instead). */
  sendQ: number;
  uid: number;
  /** 0 for TIME_WAIT and SYN_RECV request rows (no socket inode). */
  inode: number;
}

function wordBytes(hex: string, endianness: 'LE' | 'BE'): Buffer {
  const b = Buffer.alloc(4);
  const value = parseInt(hex, 16) >>> 0;
  if (endianness === 'LE') b.writeUInt32LE(value);
  else b.writeUInt32BE(value);
  return b;
}

/** IPv6 text as glibc inet_ntop prints it (what ss shows): RFC 5952 compression, ::ffff:a.b.c.d. */
export function formatIpv6(bytes: Buffer): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(bytes.readUInt16BE(i));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  const v4 = (at: number) => `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
  // v4-mapped (::ffff:a.b.c.d) and, as inet_ntop does, v4-compatible (::a.b.c.d).
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
    return `::${bestLen === 5 ? 'ffff:' : ''}${v4(12)}`;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out && !out.endsWith(':')) out += ':';
    out += words[i].toString(16);
  }
  return out;
}

export function decodeAddress(hex: string, endianness: 'LE' | 'BE' = os.endianness()): string | undefined {
  if (/^[0-9A-Fa-f]{8}$/.test(hex)) {
    const b = wordBytes(hex, endianness);
    return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  }
  if (/^[0-9A-Fa-f]{32}$/.test(hex)) {
    const words = [0, 8, 16, 24].map((i) => wordBytes(hex.slice(i, i + 8), endianness));
    return formatIpv6(Buffer.concat(words));
  }
  return undefined;
}

// A busy host has few distinct addresses (127.0.0.1, the node IP) across thousands of rows.
const addressCache = { LE: new Map<string, string | undefined>(), BE: new Map<string, string | undefined>() };

function cachedAddress(hex: string, endianness: 'LE' | 'BE'): string | undefined {
  const cache = addressCache[endianness];
  if (cache.has(hex)) return cache.get(hex);
  const address = decodeAddress(hex, endianness);
  if (cache.size > 4096) cache.clear();
  cache.set(hex, address);
  return address;
}

/** `ADDR:PORT`: 8 or 32 hex digits, a colon, 4 hex digits. */
function endpoint(hexAddr: string, hexPort: string, endianness: 'LE' | 'BE'): Endpoint | undefined {
  const address = cachedAddress(hexAddr, endianness);
  return address === undefined ? undefined : { address, port: parseInt(hexPort, 16) };
}

// One row: `sl: local rem st tx:rx tr:when retrnsmt uid timeout inode …`. The row's fields are
// matched by one regular expression over the whole table (compiled to native code, fast on
// the first call) rather than split and scanned field by field in JavaScript: the CLI runs
// this once, before the JIT has warmed up, on tens of thousands of rows. A row that does not
// have this shape does not match and is skipped.
const HEX = '[0-9A-Fa-f]';
const ADDRESS = `(${HEX}{32}|${HEX}{8}):(${HEX}{4})`;
const SP = '[ \\t]+';
const ROW = new RegExp(`^[ \\t]*\\d+:${SP}${ADDRESS}${SP}${ADDRESS}${SP}(${HEX}+)${SP}(${HEX}+):(${HEX}+)${SP}\\S+${SP}\\S+${SP}(\\d+)${SP}\\S+${SP}(\\d+)(?=[ \\t]|$)`, 'gm');

/** Rows that do not parse are skipped; one bad line never loses the table. */
export function parseInet(text: string, protocol: InetProtocol, endianness: 'LE' | 'BE' = os.endianness()): InetSocket[] {
  const out: InetSocket[] = [];
  ROW.lastIndex = 0;
  for (let m = ROW.exec(text); m !== null; m = ROW.exec(text)) {
    const local = endpoint(m[1], m[2], endianness);
    const peer = endpoint(m[3], m[4], endianness);
    if (!local || !peer) continue;
    const stateCode = parseInt(m[5], 16);
    const state = SOCKET_STATES[stateCode]?.ss ?? `0x${m[5]}`;
    out.push({ protocol, state, stateCode, local, peer, recvQ: parseInt(m[7], 16), sendQ: parseInt(m[6], 16), uid: Number(m[8]), inode: Number(m[9]) });
  }
  return out;
}

/**
 * The table, read synchronously (`proc sockets`): node's one-call read of the whole file. An
 * async read takes a thread-pool round trip per 64 KiB, each waiting for the main thread.
 */
export function readInetSync(protocol: InetProtocol): ReadResult<InetSocket[]> {
  const text = readTextSync(procPath('net', protocol));
  return text.ok ? { ok: true, value: parseInet(text.value, protocol) } : text;
}
