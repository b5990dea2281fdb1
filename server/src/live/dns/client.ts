// The DNS client: one question to one server, the way dig asks it. UDP with EDNS0 first
// (a fresh socket per try, the same random ID on every try), TCP with our own 2-byte
// length framing for +tcp or when the UDP answer comes back truncated (TC=1). A reply is
// accepted only when its ID and question match ours (and, the UDP socket being connected,
// its source address and port); strays are noted and ignored. A malformed packet with our ID
// is noted too but does not end the wait: anyone can spoof one, and a real reply may follow;
// it becomes the outcome only when nothing valid arrives before the timeout. Notes are
// bounded (a flood of strays cannot grow memory), and every wait ends at the timeout.

import { randomBytes, randomInt } from 'node:crypto';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { type DnsMessage, encodeQuery, parseMessage, type Question } from './message';
import { formatName, sameName } from './names';

export interface Server {
  /** An IP address (a host name must be resolved before it gets here). */
  address: string;
  port: number;
}

export interface ClientOptions {
  timeoutMs: number;
  tries: number;
  tcp: boolean;
  /** +ignore: show a truncated UDP answer instead of retrying over TCP. */
  ignoreTruncation: boolean;
  recurse: boolean;
  adflag: boolean;
  cdflag: boolean;
  dnssec: boolean;
  /** EDNS0 UDP size; undefined = no OPT record. */
  ednsUdpSize?: number;
  cookie: boolean;
  nsid: boolean;
  isCancelled?: () => boolean;
  /** Aborts the try in flight at once (its socket is closed); no further try is sent. */
  signal?: AbortSignal;
  /** Told before each try: for a progress line such as "@10.0.0.1: try 2 of 3". */
  onTry?: (server: Server, attempt: number, tries: number, name: string) => void;
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = {
  timeoutMs: 5000, tries: 3, tcp: false, ignoreTruncation: false, recurse: true, adflag: true, cdflag: false,
  dnssec: false, ednsUdpSize: 1232, cookie: false, nsid: false,
};

export type Transport = 'UDP' | 'TCP';

export type QueryOutcome =
  | { kind: 'answer'; message: DnsMessage; transport: Transport; server: Server; timeMs: number; truncatedRetry: boolean; warnings: string[] }
  | { kind: 'malformed'; error: string; hex: string; transport: Transport; server: Server; warnings: string[] }
  | { kind: 'no-reply'; reason: 'timeout' | 'refused' | 'unreachable' | 'network'; detail: string; server: Server; warnings: string[] };

type TryResult =
  | { kind: 'reply'; message: DnsMessage; timeMs: number }
  | { kind: 'malformed'; error: string; hex: string }
  | { kind: 'fail'; reason: 'timeout' | 'refused' | 'unreachable' | 'network'; detail: string };

/** Notes kept per query; beyond them only a count (a flood must not grow memory). */
export const MAX_WARNINGS = 20;

/** Appends a note unless the limit is reached; then counts what was dropped. */
export function addWarning(warnings: string[], text: string): void {
  if (warnings.length < MAX_WARNINGS) {
    warnings.push(text);
    return;
  }
  const last = warnings[MAX_WARNINGS];
  const dropped = last ? Number(/^;; \.\.\. and (\d+) more/.exec(last)?.[1] ?? 0) + 1 : 1;
  warnings[MAX_WARNINGS] = `;; ... and ${dropped} more warnings like these (not shown)`;
}

export function serverLabel(s: Server): string {
  return `${s.address}#${s.port}`;
}

export async function query(server: Server, question: Question, options: ClientOptions): Promise<QueryOutcome> {
  // Sockets would look a host name up themselves; every caller resolves names first.
  if (net.isIP(server.address.replace(/%.*$/, '')) === 0) return { kind: 'no-reply', reason: 'network', detail: `'${server.address}' is not an IP address`, server, warnings: [] };
  const id = randomInt(65536);
  const packet = encodeQuery(question, {
    id, recursionDesired: options.recurse, authenticData: options.adflag, checkingDisabled: options.cdflag,
    ednsUdpSize: options.ednsUdpSize, dnssecOk: options.dnssec, cookie: options.cookie ? randomBytes(8) : undefined, nsid: options.nsid,
  });
  const warnings: string[] = [];
  const tries = Math.max(1, Math.floor(options.tries));
  let last: TryResult = { kind: 'fail', reason: 'timeout', detail: 'timed out' };
  let truncatedRetry = false;
  let transport: Transport = options.tcp ? 'TCP' : 'UDP';
  for (let attempt = 0; attempt < tries; attempt++) {
    if (options.isCancelled?.() || options.signal?.aborted) break;
    options.onTry?.(server, attempt + 1, tries, formatName(question.labels));
    last = transport === 'UDP'
      ? await udpTry(server, packet, id, question, options.timeoutMs, warnings, options.signal)
      : await tcpTry(server, packet, id, question, options.timeoutMs, warnings, options.signal);
    if (last.kind === 'reply' && transport === 'UDP' && last.message.flags.tc && !options.ignoreTruncation) {
      addWarning(warnings, ';; Truncated, retrying in TCP mode.');
      truncatedRetry = true;
      transport = 'TCP';
      attempt--; // the TCP retry is not another try
      continue;
    }
    if (last.kind !== 'fail') break;
    addWarning(warnings, `;; communications error to ${serverLabel(server)}: ${last.detail}`);
    if (last.reason === 'network') break;
  }
  if (last.kind === 'reply') return { kind: 'answer', message: last.message, transport, server, timeMs: last.timeMs, truncatedRetry, warnings };
  if (last.kind === 'malformed') return { kind: 'malformed', error: last.error, hex: last.hex, transport, server, warnings };
  return { kind: 'no-reply', reason: last.reason, detail: last.detail, server, warnings };
}

/** Whether a reply's question matches ours (an empty question section is accepted, as dig does). */
function questionMismatch(message: DnsMessage, q: Question): string | undefined {
  if (message.question.length === 0) return undefined;
  const got = message.question[0];
  if (message.question.length === 1 && sameName(got.labels, q.labels) && got.typeCode === q.type && got.classCode === q.class) return undefined;
  return `;; Question section mismatch: got ${got.name}/${got.type}/${got.class} (expected ${formatName(q.labels)})`;
}

function failureOf(err: NodeJS.ErrnoException): TryResult {
  if (err.code === 'ECONNREFUSED') return { kind: 'fail', reason: 'refused', detail: 'connection refused' };
  if (err.code === 'ENETUNREACH' || err.code === 'EHOSTUNREACH') return { kind: 'fail', reason: 'unreachable', detail: 'network unreachable' };
  return { kind: 'fail', reason: 'network', detail: err.message };
}

const CANCELLED: TryResult = { kind: 'fail', reason: 'network', detail: 'cancelled' };

/** Calls onAbort when the signal aborts; returns the function that stops listening. */
function onAbort(signal: AbortSignal | undefined, abort: () => void): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    queueMicrotask(abort);
    return () => undefined;
  }
  signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

function udpTry(server: Server, packet: Buffer, id: number, question: Question, timeoutMs: number, warnings: string[], signal?: AbortSignal): Promise<TryResult> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(net.isIP(server.address) === 6 ? 'udp6' : 'udp4'); // isIP tries IPv4 first: no IPv6 regex for a v4 server
    let started = 0;
    let done = false;
    /** A malformed packet with our ID: the outcome if nothing valid comes before the timeout. */
    let malformed: TryResult | undefined;
    const finish = (r: TryResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stopListening();
      socket.close();
      resolve(r);
    };
    const timer = setTimeout(() => finish(malformed ?? { kind: 'fail', reason: 'timeout', detail: 'timed out' }), timeoutMs);
    const stopListening = onAbort(signal, () => finish(CANCELLED));
    socket.on('error', (err) => finish(failureOf(err)));
    socket.on('message', (msg) => {
      if (done) return;
      if (msg.length < 12) {
        addWarning(warnings, `;; Warning: ignoring a ${msg.length}-byte packet (shorter than a DNS header)`);
        return;
      }
      const gotId = msg.readUInt16BE(0);
      if (gotId !== id) {
        addWarning(warnings, `;; Warning: ID mismatch: expected ID ${id}, got ${gotId}`);
        return;
      }
      const parsed = parseMessage(msg);
      if (!parsed.ok) {
        addWarning(warnings, `;; Warning: ignoring a malformed reply with our ID (${parsed.error}); still waiting`);
        malformed ??= { kind: 'malformed', error: parsed.error, hex: msg.subarray(0, 512).toString('hex') };
        return;
      }
      if (!parsed.message.flags.qr) addWarning(warnings, ';; Warning: query response not set');
      if (parsed.message.opcode !== 'QUERY') {
        addWarning(warnings, `;; Warning: Opcode mismatch: expected QUERY, got ${parsed.message.opcode}`);
        return;
      }
      const mismatch = questionMismatch(parsed.message, question);
      if (mismatch) {
        addWarning(warnings, mismatch);
        return;
      }
      finish({ kind: 'reply', message: parsed.message, timeMs: Math.round(performance.now() - started) });
    });
    // A connected socket: the kernel drops datagrams from other sources and reports ICMP refusals.
    socket.connect(server.port, server.address, () => {
      started = performance.now();
      socket.send(packet, (err) => {
        if (err) finish(failureOf(err));
      });
    });
  });
}

function tcpTry(server: Server, packet: Buffer, id: number, question: Question, timeoutMs: number, warnings: string[], signal?: AbortSignal): Promise<TryResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: server.address, port: server.port });
    let done = false;
    // Received bytes not yet framed: at most one frame (2 + 65,535 bytes) plus one chunk.
    const chunks: Buffer[] = [];
    let bufferedBytes = 0;
    let malformed: TryResult | undefined;
    const frameLength = (): number | undefined => {
      if (bufferedBytes < 2) return undefined;
      return chunks[0].length >= 2 ? chunks[0].readUInt16BE(0) : (chunks[0][0] << 8) | chunks[1][0];
    };
    const finish = (r: TryResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stopListening();
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish(malformed ?? { kind: 'fail', reason: 'timeout', detail: bufferedBytes ? `timed out with ${bufferedBytes} bytes of an incomplete reply` : 'timed out' }), timeoutMs);
    const stopListening = onAbort(signal, () => finish(CANCELLED));
    socket.on('error', (err) => finish(failureOf(err)));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(packet.length);
      socket.write(Buffer.concat([length, packet]));
    });
    socket.on('end', () => finish(malformed ?? { kind: 'fail', reason: 'network', detail: 'connection closed before a complete reply' }));
    socket.on('data', (chunk) => {
      if (done) return;
      chunks.push(chunk);
      bufferedBytes += chunk.length;
      // Our own framing: a 2-byte big-endian length, then exactly that many bytes.
      for (;;) {
        const len = frameLength();
        // Join the chunks only once a whole frame is there: a peer sending one byte at a time
        // must not make every chunk copy everything received so far.
        if (len === undefined || bufferedBytes < 2 + len) return;
        const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const msg = head.subarray(2, 2 + len);
        const rest = head.subarray(2 + len);
        chunks.length = 0;
        if (rest.length) chunks.push(rest);
        bufferedBytes = rest.length;
        if (msg.length < 12) {
          addWarning(warnings, `;; Warning: ignoring a ${msg.length}-byte message over TCP (shorter than a DNS header)`);
          malformed ??= { kind: 'malformed', error: `${msg.length}-byte message over TCP`, hex: msg.toString('hex') };
          continue;
        }
        const gotId = msg.readUInt16BE(0);
        if (gotId !== id) {
          addWarning(warnings, `;; Warning: ID mismatch: expected ID ${id}, got ${gotId}`);
          continue;
        }
        const parsed = parseMessage(msg);
        if (!parsed.ok) {
          addWarning(warnings, `;; Warning: ignoring a malformed reply with our ID (${parsed.error}); still waiting`);
          malformed ??= { kind: 'malformed', error: parsed.error, hex: msg.subarray(0, 512).toString('hex') };
          continue;
        }
        const mismatch = questionMismatch(parsed.message, question);
        if (mismatch) {
          addWarning(warnings, mismatch);
          continue;
        }
        return finish({ kind: 'reply', message: parsed.message, timeMs: Math.round(performance.now() - started) });
      }
    });
  });
}
