import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import { type ClientOptions, DEFAULT_CLIENT_OPTIONS, query } from '../../../../server/src/live/dns/client';
import type { Question } from '../../../../server/src/live/dns/message';
import { parseName } from '../../../../server/src/live/dns/names';
import { reply, startFakeServer } from './fakeServer';

const Q: Question = { labels: (parseName('www.example.test') as { labels: Buffer[] }).labels, type: 1, class: 1 };
const FAST: ClientOptions = { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: 300, tries: 2 };
const A = [{ name: 'www.example.test', type: 'A', ttl: 300, data: '192.0.2.10' }] as dnsPacket.Answer[];

test('a matching reply is accepted; stray IDs and other questions are ignored while waiting', async () => {
  const server = await startFakeServer((q) => [
    dnsPacket.encode({ type: 'response', id: ((q.packet.id ?? 0) + 1) % 65536, questions: q.packet.questions, answers: [] }),
    reply(q, { questions: [{ name: 'evil.test', type: 'A', class: 'IN' }], answers: [{ name: 'evil.test', type: 'A', data: '203.0.113.66' }] as dnsPacket.Answer[] }),
    Buffer.from([1, 2, 3]),
    reply(q, { answers: A }),
  ]);
  try {
    const o = await query({ address: server.address, port: server.port }, Q, FAST);
    assert.equal(o.kind, 'answer');
    if (o.kind !== 'answer') return;
    assert.deepEqual(o.message.answer.map((a) => a.data), ['192.0.2.10']);
    assert.ok(o.warnings.some((w) => /ID mismatch/.test(w)));
    assert.ok(o.warnings.some((w) => /Question section mismatch/.test(w)));
    assert.equal(o.transport, 'UDP');
  } finally {
    await server.close();
  }
});

test('TC=1 over UDP is retried over TCP with our own framing (reply split across writes)', async () => {
  const big = Array.from({ length: 20 }, (_, i) => ({ name: 'www.example.test', type: 'TXT', ttl: 300, data: `record-${i}-${'x'.repeat(76)}` })) as dnsPacket.Answer[];
  const server = await startFakeServer(
    (q) => [reply(q, { flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.TRUNCATED_RESPONSE, answers: [] })],
    '127.0.0.1', 0,
    (q, socket) => {
      const msg = reply(q, { answers: big });
      const frame = Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg]);
      socket.write(frame.subarray(0, 1)); // the length itself split
      setTimeout(() => socket.write(frame.subarray(1, 700)), 20);
      setTimeout(() => socket.write(frame.subarray(700)), 40);
    },
  );
  try {
    const o = await query({ address: server.address, port: server.port }, { ...Q, type: 16 }, FAST);
    assert.equal(o.kind, 'answer');
    if (o.kind !== 'answer') return;
    assert.equal(o.transport, 'TCP');
    assert.equal(o.truncatedRetry, true);
    assert.equal(o.message.answer.length, 20);
    assert.deepEqual(server.queries.map((q) => q.transport), ['udp', 'tcp']);
    assert.ok(o.warnings.includes(';; Truncated, retrying in TCP mode.'));
  } finally {
    await server.close();
  }
});

test('+ignore keeps the truncated UDP answer', async () => {
  const server = await startFakeServer((q) => [reply(q, { flags: dnsPacket.TRUNCATED_RESPONSE, answers: [] })]);
  try {
    const o = await query({ address: server.address, port: server.port }, Q, { ...FAST, ignoreTruncation: true });
    assert.equal(o.kind === 'answer' && o.message.flags.tc, true);
    assert.equal(server.queries.length, 1);
  } finally {
    await server.close();
  }
});

test('no reply: every try times out after the configured time, with the same ID from a new port', async () => {
  const server = await startFakeServer(() => []);
  try {
    const started = Date.now();
    const o = await query({ address: server.address, port: server.port }, Q, { ...FAST, timeoutMs: 200, tries: 3 });
    const elapsed = Date.now() - started;
    assert.equal(o.kind, 'no-reply');
    assert.equal(o.kind === 'no-reply' && o.reason, 'timeout');
    assert.equal(server.queries.length, 3);
    assert.equal(new Set(server.queries.map((q) => q.packet.id)).size, 1, 'retries reuse the ID, as dig does');
    assert.equal(new Set(server.queries.map((q) => q.from.port)).size, 3, 'a fresh socket per try');
    assert.ok(elapsed >= 580, `waited ${elapsed} ms for 3 tries of 200 ms`);
  } finally {
    await server.close();
  }
});

test('a closed port is "connection refused", not a hang', async () => {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
  const port = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  const o = await query({ address: '127.0.0.1', port }, Q, { ...FAST, tries: 1, timeoutMs: 2000 });
  assert.equal(o.kind, 'no-reply');
  assert.equal(o.kind === 'no-reply' && o.reason, 'refused');
});

test('fuzzed replies (random bytes, truncations, mutations with our ID) never crash the client', async () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let mode = 0;
  const server = await startFakeServer((q) => {
    const good = reply(q, { answers: [...A, { name: 'www.example.test', type: 'CAA', data: { flags: 0, tag: 'issue', value: 'ca.test' } }, { name: 'www.example.test', type: 'TXT', data: 'hello' }] as dnsPacket.Answer[] });
    const m = mode++;
    let bytes: Buffer;
    if (m % 3 === 0) bytes = Buffer.from(Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)));
    else if (m % 3 === 1) bytes = good.subarray(0, Math.floor(random() * good.length));
    else {
      bytes = Buffer.from(good);
      for (let k = 0; k < 4; k++) bytes[12 + Math.floor(random() * (bytes.length - 12))] = Math.floor(random() * 256);
    }
    // keep our ID so the bytes get past the ID check and into the parser
    if (bytes.length >= 2) bytes.writeUInt16BE(q.packet.id ?? 0, 0);
    return [bytes];
  });
  try {
    const kinds = new Map<string, number>();
    for (let i = 0; i < 120; i++) {
      const o = await query({ address: server.address, port: server.port }, Q, { ...FAST, timeoutMs: 100, tries: 1 });
      assert.ok(['answer', 'malformed', 'no-reply'].includes(o.kind));
      if (o.kind === 'answer') for (const a of o.message.answer) assert.equal(typeof a.data, 'string');
      kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
    }
    assert.ok((kinds.get('malformed') ?? 0) > 0, 'some fuzzed replies are reported as malformed');
  } finally {
    await server.close();
  }
});

test('TCP: bad frames, early close and junk never crash the client and end in a clear outcome', async () => {
  const behaviours: Array<(q: Buffer, id: number) => Buffer | 'close'> = [
    () => Buffer.from([0x00]), // half a length, then close
    () => 'close',
    (q, id) => { const m = Buffer.from(q); m.writeUInt16BE(id, 0); return Buffer.concat([Buffer.from([0, 5]), m.subarray(0, 5)]); }, // 5-byte message
    (_q, id) => { const r = Buffer.alloc(40, 0xff); r.writeUInt16BE(id, 0); return Buffer.concat([Buffer.from([0, 40]), r]); }, // junk with our ID
    () => Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.alloc(10)]), // a length it never completes
  ];
  let n = 0;
  const server = await startFakeServer(() => [], '127.0.0.1', 0, (q, socket) => {
    const out = behaviours[n++ % behaviours.length](q.raw, q.packet.id ?? 0);
    if (out === 'close') socket.end();
    else { socket.write(out); socket.end(); }
  });
  try {
    const kinds: string[] = [];
    for (let i = 0; i < behaviours.length; i++) {
      const o = await query({ address: server.address, port: server.port }, Q, { ...FAST, tcp: true, tries: 1, timeoutMs: 500 });
      kinds.push(o.kind === 'no-reply' ? `no-reply:${o.reason}` : o.kind);
    }
    assert.deepEqual(kinds, ['no-reply:network', 'no-reply:network', 'malformed', 'malformed', 'no-reply:network']);
  } finally {
    await server.close();
  }
});
