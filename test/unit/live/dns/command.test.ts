import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import type { CommandContext } from '../../../../server/src/core/command';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { resolverConfig } from '../../../../server/src/resolver/config';
import { DEFAULT_CLIENT_OPTIONS } from '../../../../server/src/live/dns/client';
import { compareResolvers, compareText } from '../../../../server/src/live/dns/compare';
import { authorities, normalizeRdata, runCheckRecordCommand } from '../../../../server/src/live/dns/checkRecord';
import { runDigCommand } from '../../../../server/src/live/dns/command';
import type { LookupJson } from '../../../../server/src/live/dns/format';
import { parseName } from '../../../../server/src/live/dns/names';
import { searchExpansion, searchText } from '../../../../server/src/live/dns/search';
import { type FakeQuery, reply, startFakeServer } from './fakeServer';

function ctx(trusted = true): CommandContext {
  return { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 300, tries: 1, rootHints: [] } }, trusted, isCancelled: () => false, log: () => undefined };
}

const answerFor = (name: string, address: string) => (q: FakeQuery) => {
  const qname = q.packet.questions![0].name.toLowerCase();
  if (qname !== name) return [reply(q, { rcode: 3 })];
  return [reply(q, { answers: [{ name: qname, type: 'A', ttl: 60, data: address }] as dnsPacket.Answer[] })];
};

test('dig refuses to send anything from an untrusted workspace, and reports usage errors with exit 1', async () => {
  const untrusted = await runDigCommand({ argv: ['@127.0.0.1', 'x.test'] }, ctx(false));
  assert.equal(untrusted.ok, false);
  assert.match(untrusted.error!, /untrusted/);
  const usage = await runDigCommand({ argv: ['x.test', '+bogus'] }, ctx());
  assert.equal(usage.exitCode, 1);
  assert.match(usage.error!, /invalid option/);
  const badName = await runDigCommand({ argv: ['@127.0.0.1', 'a..b'] }, ctx());
  assert.equal(badName.exitCode, 1);
  assert.match(badName.error!, /empty label/);
  assert.equal((await runDigCommand({ argv: 'x' }, ctx())).exitCode, 1);
});

test('dig exit status: 0 for NXDOMAIN and SERVFAIL answers, 9 when nothing replies', async () => {
  const nx = await startFakeServer((q) => [reply(q, { rcode: 3 })]);
  const servfail = await startFakeServer((q) => [reply(q, { rcode: 2 })]);
  const silent = await startFakeServer(() => []);
  try {
    const r1 = await runDigCommand({ argv: [`@${nx.address}`, '-p', String(nx.port), 'nope.test'] }, ctx());
    assert.equal(r1.exitCode, 0);
    assert.equal((r1.data as LookupJson).status, 'NXDOMAIN');
    assert.match(r1.text, /status: NXDOMAIN/);
    const r2 = await runDigCommand({ argv: [`@${servfail.address}`, '-p', String(servfail.port), 'x.test', '+short'] }, ctx());
    assert.equal(r2.exitCode, 0);
    assert.equal(r2.text, '');
    const r3 = await runDigCommand({ argv: [`@${silent.address}`, '-p', String(silent.port), 'x.test', '+tries=2', '+timeout=1'] }, ctx());
    assert.equal(r3.exitCode, 9);
    assert.equal(r3.ok, false);
    assert.equal((r3.data as LookupJson).outcome, 'no-reply');
    assert.match(r3.text, /communications error to 127\.0\.0\.1#\d+: timed out\n.*timed out\n;; no servers could be reached/);
    assert.equal(silent.queries.length, 2);
  } finally {
    await Promise.all([nx.close(), servfail.close(), silent.close()]);
  }
});

test('a malformed reply is a clear result, not a crash', async () => {
  const junk = await startFakeServer((q) => [Buffer.concat([reply(q, { answers: [{ name: 'x.test', type: 'A', data: '192.0.2.1' }] as dnsPacket.Answer[] }), Buffer.from([0xde, 0xad])])]);
  try {
    const r = await runDigCommand({ argv: [`@${junk.address}`, '-p', String(junk.port), 'x.test'] }, ctx());
    assert.equal(r.exitCode, 9);
    assert.equal((r.data as LookupJson).outcome, 'malformed');
    assert.match(r.text, /Got bad packet .*trailing data/);
  } finally {
    await junk.close();
  }
});

test('+compare asks every resolver and marks the one that disagrees', async () => {
  const s1 = await startFakeServer(answerFor('www.example.test', '192.0.2.10'), '127.0.0.1');
  const s2 = await startFakeServer(answerFor('www.example.test', '192.0.2.10'), '127.0.0.1');
  const s3 = await startFakeServer(answerFor('www.example.test', '203.0.113.9'), '127.0.0.1');
  try {
    const q = { labels: (parseName('www.example.test') as { labels: Buffer[] }).labels, type: 1, class: 1 };
    const result = await compareResolvers([s1, s2, s3].map((s) => ({ address: s.address, port: s.port })), q, { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: 300, tries: 1 });
    assert.equal(result.agree, false);
    assert.deepEqual(result.rows.map((r) => r.differs), [false, false, true]);
    assert.deepEqual(result.rows[2].extra, ['www.example.test. A 203.0.113.9']);
    assert.deepEqual(result.rows[2].missing, ['www.example.test. A 192.0.2.10']);
    assert.match(compareText(result, 'www.example.test. IN A'), /^!! 127\.0\.0\.1#\d+ {2}NOERROR/m);
  } finally {
    await Promise.all([s1.close(), s2.close(), s3.close()]);
  }
});

test('+search sends the names glibc would try under ndots:5, in order, and stops at the first answer', async () => {
  const server = await startFakeServer(answerFor('web.default.svc.cluster.local', '10.0.0.7'));
  try {
    const config = resolverConfig('nameserver 127.0.0.1\nsearch ns1.svc.cluster.local svc.cluster.local cluster.local default.svc.cluster.local\noptions ndots:5\n');
    const r = await searchExpansion('web.default', { code: 1, name: 'A' }, { code: 1, name: 'IN' }, config, [{ address: server.address, port: server.port }], { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: 300, tries: 1 });
    assert.deepEqual(server.queries.map((q) => q.packet.questions![0].name), [
      'web.default.ns1.svc.cluster.local', 'web.default.svc.cluster.local',
    ]);
    assert.equal(r.answeredBy, 'web.default.svc.cluster.local.');
    assert.equal(r.candidates.length, 5);
    assert.match(searchText(r, false), /2 sent, answered by web\.default\.svc\.cluster\.local\./);
    assert.match(searchText(r, false), /3 later candidate\(s\) not sent/);
    assert.match(searchText(r, false), /'web.default' has 1 dot\(s\), fewer than ndots:5: the search list goes first/);
  } finally {
    await server.close();
  }
});

test('live record check: same RRset in another spelling matches; a changed record is shown', async () => {
  const server = await startFakeServer((q) => [q.packet.questions![0].type === 'SOA' ? reply(q, { answers: [
    { name: 'example.test', type: 'SOA', ttl: 300, data: { mname: 'ns1.example.test', rname: 'h.example.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 } },
  ] as dnsPacket.Answer[] }) : reply(q, { answers: [
    { name: 'example.test', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mail.example.test' } },
    { name: 'example.test', type: 'MX', ttl: 300, data: { preference: 20, exchange: 'mail2.example.test' } },
  ] as dnsPacket.Answer[] })]);
  try {
    const base = { name: 'example.test.', type: 'MX', servers: [server.address], port: server.port };
    const same = await runCheckRecordCommand({ ...base, expected: ['20 MAIL2.example.test.', '10   mail'] }, ctx());
    assert.equal(same.exitCode, 0, same.text);
    assert.equal((same.data as { matches: boolean }).matches, true);
    const changed = await runCheckRecordCommand({ ...base, expected: ['10 mail.example.test.', '30 mail3.example.test.'] }, ctx());
    assert.equal(changed.exitCode, 1);
    assert.match(changed.text, /- in the file, not live: 30 mail3\.example\.test\./);
    assert.match(changed.text, /\+ live, not in the file: 20 mail2\.example\.test\./);
    const bad = await runCheckRecordCommand({ name: 'x', type: 'NOPE', expected: [] }, ctx());
    assert.equal(bad.ok, false);
  } finally {
    await server.close();
  }
});

test('record normalization: TXT quoting, AAAA spelling, hex case and spacing', () => {
  assert.equal(normalizeRdata('TXT', 'v=spf1'), normalizeRdata('TXT', '"v=spf1"'));
  assert.equal(normalizeRdata('TXT', '"tab\\009"'), '"tab\\009"');
  assert.equal(normalizeRdata('AAAA', '2001:DB8:0:0::10'), '2001:db8::10');
  assert.equal(normalizeRdata('DS', '1 13 2 abcd EF01'), normalizeRdata('DS', '1 13 2 ABCDEF01'));
  assert.equal(normalizeRdata('CNAME', 'www', 'example.test.'), 'www.example.test.');
  assert.equal(normalizeRdata('MX', '10 @', 'example.test.'), '10 example.test.');
});

test('live record check finds the zone and its servers through the resolver: the closest enclosing NS set', async () => {
  const resolver = await startFakeServer((q) => {
    const { name, type } = q.packet.questions![0];
    if (type === 'NS' && name === 'example.test') return [reply(q, { answers: [{ name: 'example.test', type: 'NS', ttl: 60, data: 'ns1.example.test' }] as dnsPacket.Answer[], additionals: [{ name: 'ns1.example.test', type: 'A', ttl: 60, data: '127.0.0.1' }] as dnsPacket.Answer[] })];
    if (type === 'NS') return [reply(q, { authorities: [{ name: 'example.test', type: 'SOA', ttl: 60, data: { mname: 'ns1.example.test', rname: 'h.example.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 } }] as dnsPacket.Answer[] })];
    return [reply(q, { rcode: 3 })];
  });
  try {
    const labels = (parseName('www.example.test') as { labels: Buffer[] }).labels;
    const found = await authorities(labels, 5353, [{ address: resolver.address, port: resolver.port }], { ...DEFAULT_CLIENT_OPTIONS, timeoutMs: 300, tries: 1 });
    assert.equal(found.zone, 'example.test.');
    assert.deepEqual(found.servers, [{ address: '127.0.0.1', port: 5353 }]);
    assert.deepEqual(resolver.queries.map((q) => q.packet.questions![0].name), ['www.example.test', 'example.test']);
    assert.ok(resolver.queries.every((q) => q.packet.flags! & dnsPacket.RECURSION_DESIRED));
  } finally {
    await resolver.close();
  }
});
