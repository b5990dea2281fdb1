import assert from 'node:assert/strict';
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
