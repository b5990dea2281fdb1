import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import { parseDigArgs } from '../../../../server/src/live/dns/args';
import { digDate, type LookupJson, lookupText, recordLine } from '../../../../server/src/live/dns/format';

test('record lines use BIND\'s columns: tabs to 24/32/40/48, one space once a field reaches the next column', () => {
  assert.equal(recordLine({ name: 'www.example.test.', ttl: 300, class: 'IN', type: 'A', data: '192.0.2.10' }), 'www.example.test.\t300\tIN\tA\t192.0.2.10');
  assert.equal(recordLine({ name: 'example.test.', ttl: 300, class: 'IN', type: 'NS', data: 'ns1.example.test.' }), 'example.test.\t\t300\tIN\tNS\tns1.example.test.');
  assert.equal(recordLine({ name: '10.2.0.192.in-addr.arpa.', ttl: 300, class: 'IN', type: 'PTR', data: 'www.example.test.' }), '10.2.0.192.in-addr.arpa. 300\tIN\tPTR\twww.example.test.');
  assert.equal(recordLine({ name: 'nsec3.test.', ttl: 0, class: 'IN', type: 'NSEC3PARAM', data: '1 0 0 -' }), 'nsec3.test.\t\t0\tIN\tNSEC3PARAM 1 0 0 -');
});

test('dig\'s WHEN line', () => {
  assert.equal(digDate(new Date(Date.UTC(2026, 10, 5, 8, 7, 6))), 'Thu Nov 05 08:07:06 UTC 2026');
});

test('the text of an answer: header, flags, OPT, sections, stats; +short is the rdata alone', () => {
  const l: LookupJson = {
    server: '127.0.0.1#53', outcome: 'answer', status: 'NXDOMAIN', id: 7, opcode: 'QUERY', flags: ['qr', 'aa', 'rd'],
    question: [{ name: 'nope.test.', type: 'A', class: 'IN' }], answer: [],
    authority: [{ name: 'test.', ttl: 300, class: 'IN', type: 'SOA', data: 'ns.test. h.test. 1 2 3 4 5' }], additional: [],
    edns: { version: 0, udpSize: 1232, flags: [], options: [] }, transport: 'UDP', truncatedRetry: false, queryTimeMs: 1, size: 80, warnings: [],
  };
  const request = (argv: string) => {
    const r = parseDigArgs(argv.split(' '));
    assert.ok(r.ok);
    return r.request;
  };
  const text = lookupText(l, request('nope.test'), new Date(0));
  assert.match(text, /^;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 7\n;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;nope\.test\.\t\t\tIN\tA\n\n;; AUTHORITY SECTION:\ntest\.\t\t\t300\tIN\tSOA\tns\.test\. h\.test\. 1 2 3 4 5\n\n;; Query time: 1 msec\n;; SERVER: 127\.0\.0\.1#53\(127\.0\.0\.1\) \(UDP\)\n/);
  assert.equal(lookupText(l, request('nope.test +short'), new Date(0)), '');
  const timeout: LookupJson = { server: '127.0.0.1#53', outcome: 'no-reply', error: 'timed out', question: l.question, answer: [], authority: [], additional: [], warnings: [';; communications error to 127.0.0.1#53: timed out'] };
  assert.equal(lookupText(timeout, request('x'), new Date(0)), ';; communications error to 127.0.0.1#53: timed out\n');
});

test('lookupJson: the same data, keys in the same order, as the object spread it was built with before', async () => {
  const { parseMessage } = await import('../../../../server/src/live/dns/message');
  const { flagList, lookupJson, recordJson } = await import('../../../../server/src/live/dns/format');
  const { serverLabel } = await import('../../../../server/src/live/dns/client');
  type Outcome = Parameters<typeof lookupJson>[0];
  const reference = (outcome: Outcome, asked: { name: string; type: string; klass: string }) => {
    const base = { server: serverLabel(outcome.server), question: [{ name: asked.name, type: asked.type, class: asked.klass }], answer: [], authority: [], additional: [], warnings: outcome.warnings };
    if (outcome.kind === 'no-reply') return { ...base, outcome: 'no-reply', error: outcome.detail };
    if (outcome.kind === 'malformed') return { ...base, outcome: 'malformed', error: `malformed reply: ${outcome.error}`, transport: outcome.transport };
    const m = outcome.message;
    return {
      ...base, outcome: 'answer', status: m.status, id: m.id, opcode: m.opcode, flags: flagList(m),
      question: m.question.map((q) => ({ name: q.name, type: q.type, class: q.class })),
      answer: m.answer.map(recordJson), authority: m.authority.map(recordJson), additional: m.additional.map(recordJson),
      edns: m.edns && { version: m.edns.version, udpSize: m.edns.udpSize, flags: m.edns.do ? ['do'] : [], options: m.edns.options.map((o) => ({ name: o.name, hex: o.hex })) },
      transport: outcome.transport, truncatedRetry: outcome.truncatedRetry, queryTimeMs: outcome.timeMs, size: m.size,
    };
  };
  const server = { address: '127.0.0.1', port: 53 };
  const asked = { name: 'x.test.', type: 'A', klass: 'IN' };
  const message = (extra: Partial<dnsPacket.Packet>) => {
    const r = parseMessage(dnsPacket.encode({ type: 'response', id: 9, flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED, questions: [{ name: 'x.test', type: 'A', class: 'IN' }], answers: [{ name: 'x.test', type: 'A', ttl: 5, data: '192.0.2.1' }], ...extra }));
    assert.ok(r.ok);
    return r.message;
  };
  const outcomes: Outcome[] = [
    { kind: 'answer', message: message({}), transport: 'UDP', server, timeMs: 3, truncatedRetry: false, warnings: [] },
    { kind: 'answer', message: message({ additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: dnsPacket.DNSSEC_OK, options: [{ code: 10, data: Buffer.alloc(8, 1) }] } as unknown as dnsPacket.Answer], authorities: [{ name: 'test', type: 'NS', ttl: 60, data: 'ns.test' }] }), transport: 'TCP', server, timeMs: 0, truncatedRetry: true, warnings: [';; Truncated, retrying in TCP mode.'] },
    { kind: 'no-reply', reason: 'timeout', detail: 'timed out', server, warnings: [';; communications error'] },
    { kind: 'malformed', error: 'bad', hex: '00', transport: 'UDP', server, warnings: [] },
  ];
  for (const o of outcomes) {
    const ours = lookupJson(o, asked);
    assert.deepEqual(ours, reference(o, asked));
    assert.equal(JSON.stringify(ours), JSON.stringify(reference(o, asked)), `${o.kind}: key order`);
  }
});
