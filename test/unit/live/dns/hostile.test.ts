// The DNS client against a hostile loopback responder: every reply that does not match the
// query sent (ID, question, source address and port) is refused, malformed packets with our
// ID cannot cancel a lookup, stalls and endless streams end at the timeout, floods keep the
// notes bounded, and each outcome says what happened. Each case prints what it tried.

import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import type * as net from 'node:net';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { type ClientOptions, DEFAULT_CLIENT_OPTIONS, MAX_WARNINGS, query, type QueryOutcome } from '../../../../server/src/live/dns/client';
import { runDigCommand } from '../../../../server/src/live/dns/command';
import type { Question } from '../../../../server/src/live/dns/message';
import { parseName } from '../../../../server/src/live/dns/names';
import type { TraceResult } from '../../../../server/src/live/dns/trace';
import { type FakeQuery, type Handler, reply, startFakeServer } from './fakeServer';

const Q: Question = { labels: (parseName('www.example.test') as { labels: Buffer[] }).labels, type: 1, class: 1 };
const OPTS: ClientOptions = { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: 400, tries: 1 };
const GOOD = (q: FakeQuery) => reply(q, { answers: [{ name: 'www.example.test', type: 'A', ttl: 60, data: '192.0.2.10' }] as dnsPacket.Answer[] });

function withId(q: FakeQuery, bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  if (b.length >= 2) b.writeUInt16BE(q.packet.id ?? 0, 0);
  return b;
}

function header(id: number, counts: [number, number, number, number], flags = 0x8180): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(id, 0);
  h.writeUInt16BE(flags, 2);
  counts.forEach((c, i) => h.writeUInt16BE(c, 4 + 2 * i));
  return h;
}

function summary(o: QueryOutcome): string {
  if (o.kind === 'answer') return `answer ${o.message.answer.map((a) => a.data).join(',')} via ${o.transport}`;
  if (o.kind === 'malformed') return `malformed (${o.error})`;
  return `no-reply: ${o.reason} (${o.detail})`;
}

async function run(name: string, handler: Handler, options: ClientOptions = OPTS, tcpRaw?: (q: FakeQuery, socket: net.Socket) => void): Promise<{ o: QueryOutcome; ms: number }> {
  const server = await startFakeServer(handler, '127.0.0.1', 0, tcpRaw);
  try {
    const started = Date.now();
    const o = await query({ address: server.address, port: server.port }, Q, options);
    const ms = Date.now() - started;
    console.log(`${name}: ${summary(o)} in ${ms} ms, ${o.warnings.length} notes${o.warnings[0] ? ` (first: ${o.warnings[0]})` : ''}`);
    assert.ok(o.warnings.length <= MAX_WARNINGS + 1, 'notes are bounded');
    return { o, ms };
  } finally {
    await server.close();
  }
}

test('wrong IDs, wrong questions and non-responses are refused; the matching reply is taken', async () => {
  const { o } = await run('wrong ID + wrong question + good', (q) => [
    (() => { const b = GOOD(q); b.writeUInt16BE(((q.packet.id ?? 0) + 1) & 0xffff, 0); return b; })(),
    reply(q, { questions: [{ name: 'evil.test', type: 'A', class: 'IN' }], answers: [{ name: 'evil.test', type: 'A', data: '203.0.113.66' }] as dnsPacket.Answer[] }),
    GOOD(q),
  ]);
  assert.equal(summary(o), 'answer 192.0.2.10 via UDP');
  assert.ok(o.warnings.some((w) => /ID mismatch/.test(w)) && o.warnings.some((w) => /Question section mismatch/.test(w)));
});

test('a reply from another port or another address is never accepted (connected socket)', async () => {
  const spoofers = [dgram.createSocket('udp4'), dgram.createSocket('udp4')];
  await new Promise<void>((r) => spoofers[0].bind(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => spoofers[1].bind(0, '127.0.0.5', () => r()));
  try {
    const { o, ms } = await run('correct reply from 127.0.0.1:other-port and from 127.0.0.5', (q) => {
      for (const s of spoofers) s.send(GOOD(q), q.from.port, q.from.address);
      return [];
    });
    assert.equal(o.kind, 'no-reply');
    assert.ok(ms < OPTS.timeoutMs + 1000, 'ends at the timeout');
  } finally {
    for (const s of spoofers) s.close();
  }
});

test('a malformed packet with our ID does not cancel the lookup: the real reply after it is taken', async () => {
  const { o } = await run('truncated packet with our ID, then the good reply', (q) => [withId(q, GOOD(q).subarray(0, 20)), GOOD(q)]);
  assert.equal(summary(o), 'answer 192.0.2.10 via UDP');
  assert.ok(o.warnings.some((w) => /malformed reply with our ID/.test(w)));
  const alone = await run('only a malformed packet with our ID', (q) => [withId(q, GOOD(q).subarray(0, 20))]);
  assert.equal(alone.o.kind, 'malformed', 'reported as malformed once the wait is over');
  assert.ok(alone.ms >= OPTS.timeoutMs - 50, 'after waiting for a real reply');
});

test('compression-pointer loops and oversized counts are malformed, never a hang', async () => {
  const loop = (q: FakeQuery) => Buffer.concat([header(q.packet.id ?? 0, [1, 0, 0, 0]), Buffer.from([0xc0, 0x0c, 0, 1, 0, 1])]);
  const chain = (q: FakeQuery) => Buffer.concat([header(q.packet.id ?? 0, [1, 1, 0, 0]), Buffer.from([0xc0, 0x12, 0, 1, 0, 1, 0xc0, 0x0c])]);
  const counts = (q: FakeQuery) => Buffer.concat([header(q.packet.id ?? 0, [65535, 65535, 65535, 65535]), Buffer.alloc(30)]);
  for (const [name, make] of [['pointer to itself', loop], ['two pointers to each other', chain], ['counts of 65,535 with 30 bytes', counts]] as const) {
    const { o, ms } = await run(name, (q) => [make(q)]);
    assert.equal(o.kind, 'malformed', name);
    assert.ok(ms < OPTS.timeoutMs + 1000, `${name}: bounded`);
  }
});

test('a flood of 3,000 stray datagrams keeps the notes bounded; the reply after it is taken', async () => {
  const { o } = await run('3,000 wrong-ID datagrams then the good reply', (q) => {
    const out: Array<Buffer | number> = [];
    for (let i = 0; i < 3000; i++) {
      const b = GOOD(q);
      b.writeUInt16BE(((q.packet.id ?? 0) + 1 + (i % 100)) & 0xffff, 0);
      out.push(b);
      if (i % 100 === 99) out.push(5); // let the client drain its socket now and then
    }
    out.push(GOOD(q));
    return out;
  }, { ...OPTS, timeoutMs: 3000 });
  assert.equal(summary(o), 'answer 192.0.2.10 via UDP');
  assert.match(o.warnings[o.warnings.length - 1], /\.\.\. and \d+ more warnings/);
});

test('TC=1, then a TCP peer that stalls after a 65,535 length prefix: ends at the timeout', async () => {
  const { o, ms } = await run(
    'TC=1 then TCP [ff ff] + 100 bytes, then silence',
    (q) => [reply(q, { flags: dnsPacket.TRUNCATED_RESPONSE })],
    { ...OPTS, timeoutMs: 500 },
    (_q, socket) => socket.write(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.alloc(100)])),
  );
  assert.equal(o.kind, 'no-reply');
  assert.match(o.kind === 'no-reply' ? o.detail : '', /timed out with 102 bytes of an incomplete reply/);
  assert.ok(ms < 500 + 500 + 1000);
});

test('a TCP peer streaming wrong-ID frames forever: timeout, bounded notes, no RangeError, bounded memory', async () => {
  const before = process.memoryUsage().heapUsed;
  let frames = 0;
  const { o, ms } = await run('endless wrong-ID frames over TCP', () => [], { ...OPTS, tcp: true, timeoutMs: 800 }, (q, socket) => {
    const frame = (() => {
      const b = GOOD(q);
      b.writeUInt16BE(((q.packet.id ?? 0) + 1) & 0xffff, 0);
      return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
    })();
    const batch = Buffer.concat(Array.from({ length: 200 }, () => frame));
    const pump = () => {
      if (socket.destroyed) return;
      frames += 200;
      if (socket.write(batch)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    socket.on('error', () => undefined);
    pump();
  });
  const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  console.log(`  the peer sent ${frames} frames; heap grew ${grown.toFixed(1)} MB`);
  assert.equal(o.kind, 'no-reply');
  assert.ok(ms < 800 + 1000);
  assert.ok(frames > 1000, 'the peer really streamed');
  assert.ok(grown < 100, `heap grew ${grown.toFixed(1)} MB`);
});

test('+trace against a priming reply of 300 glueless roots keeps its query budget and says so', async () => {
  const names = Array.from({ length: 300 }, (_, i) => `r${i}.roots.test`);
  const server = await startFakeServer((q) => {
    const question = q.packet.questions![0];
    if (question.name === '' || question.name === '.') return [reply(q, { answers: names.map((n) => ({ name: '.', type: 'NS', ttl: 60, data: n })) as dnsPacket.Answer[] })];
    return [reply(q, { rcode: 3 })]; // no address for any root name
  });
  try {
    const started = Date.now();
    const report = await runDigCommand({ argv: [`@${server.address}`, '-p', String(server.port), '+trace', 'www.example.test'] }, { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 300, tries: 1, rootHints: [] } }, trusted: true, isCancelled: () => false, log: () => undefined });
    const data = report.data as TraceResult;
    console.log(`+trace: ${server.queries.length} queries sent in ${Date.now() - started} ms: ${data.error}`);
    assert.equal(data.outcome, 'failed');
    assert.ok(server.queries.length <= 100, `${server.queries.length} queries (budget 100)`);
    assert.match(data.error!, /300 root NS names without glue/);
  } finally {
    await server.close();
  }
});
