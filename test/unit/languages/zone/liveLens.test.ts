// The zone file's "Check live" code lenses: one per RRset of the document, and their
// arguments, run as the editor runs them, compare the file with a (fake) authoritative server.

import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { checkZoneRecords } from '../../../../server/src/languages/zone/command';
import { MAX_LIVE_LENSES, zoneLiveLenses, zoneRrsets } from '../../../../server/src/languages/zone/liveLens';
import type { ZoneAst } from '../../../../server/src/languages/zone/model';
import { runCheckRecordCommand } from '../../../../server/src/live/dns/checkRecord';
import { runCheckRecordsCommand } from '../../../../server/src/live/dns/checkRecords';
import { type CheckRecordArgs, type Report, SHOW_SERVER_REPORT, ServerCommands } from '../../../../server/src/protocol';
import { reply, startFakeServer } from '../../live/dns/fakeServer';

const ZONE = `$ORIGIN example.test.
$TTL 300
@     IN SOA ns1 hostmaster 1 7200 3600 1209600 300
      IN NS  ns1
ns1   IN A   127.0.0.1
www   IN A   192.0.2.1
      IN A   192.0.2.2
www   IN RRSIG A 13 3 300 20270101000000 20260101000000 1 example.test. AAAA
`;

const ctx = { uri: 'file:///zones/example.test.zone', settings: DEFAULT_SETTINGS };
const parse = (text: string) => zoneLanguage.parse(text, ctx) as ZoneAst;

test('by default one "Check all" lens at the SOA naming the document; its RRsets are every one but signatures', () => {
  const lenses = zoneLiveLenses(parse(ZONE));
  assert.deepEqual(lenses.map((l) => l.title), ['Check all 4 RRsets live']);
  assert.equal(lenses[0].arguments?.[0], ServerCommands.checkRecords);
  assert.deepEqual(lenses[0].arguments?.[1], { uri: ctx.uri }, 'the document, not its RRsets (read when the command runs)');
  assert.deepEqual(zoneRrsets(parse(ZONE)).rrsets.map((r) => `${r.name} ${r.type}`), ['example.test. SOA', 'example.test. NS', 'ns1.example.test. A', 'www.example.test. A']);
  assert.deepEqual(lenses[0].range.start, { line: 2, character: 9 });
});

test('"Check all" given { uri } checks the RRsets of the document as it reads when the command runs', async () => {
  const seen: unknown[] = [];
  const inner = async (args: unknown): Promise<Report> => (seen.push(args), { ok: true, title: 'inner', text: '', data: null });
  const command = checkZoneRecords(inner);
  const commandCtx = { settings: DEFAULT_SETTINGS, trusted: true, isCancelled: () => false, log: () => undefined, documentText: (uri: string) => (uri === ctx.uri ? `${ZONE}new 300 IN A 192.0.2.7\n` : undefined) };
  const [lens] = zoneLiveLenses(parse(ZONE));
  await command(lens.arguments![1], commandCtx);
  assert.deepEqual(seen[0], { rrsets: [...zoneRrsets(parse(ZONE)).rrsets, { name: 'new.example.test.', type: 'A', expected: ['192.0.2.7'] }] }, 'the edited text, not the text the lens was made from');
  const given = { rrsets: [{ name: 'a.example.', type: 'A', expected: ['192.0.2.1'] }] };
  await command(given, commandCtx);
  assert.equal(seen[1], given, 'explicit RRsets pass through as given');
  const untrusted = await command({ uri: ctx.uri }, { ...commandCtx, trusted: false });
  assert.equal(untrusted.ok, false);
  assert.match(untrusted.error ?? '', /untrusted/);
  const closed = await command({ uri: 'untitled:Untitled-1' }, commandCtx);
  assert.match(closed.error ?? '', /is not open/);
  const empty = await command({ uri: 'untitled:empty' }, { ...commandCtx, documentText: () => '; nothing\n' });
  assert.match(empty.error ?? '', /no RRsets to check/);
  assert.equal(seen.length, 2, 'the check ran only for the two with RRsets');
});

test('with infraLens.zone.liveLens, one lens per RRset on its type as well', () => {
  const lenses = zoneLiveLenses(parse(ZONE), true).slice(1);
  assert.deepEqual(lenses.map((l) => l.title), ['Check live: @ SOA', 'Check live: @ NS', 'Check live: ns1 A', 'Check live: www A']);
  const www = lenses[3];
  assert.equal(www.command, SHOW_SERVER_REPORT);
  assert.equal(www.arguments?.[0], ServerCommands.checkRecord);
  assert.deepEqual(www.arguments?.[1], { name: 'www.example.test.', type: 'A', expected: ['192.0.2.1', '192.0.2.2'] });
  assert.deepEqual(www.range.start, { line: 5, character: 9 });
});

test('a bulk zone gets at most MAX_LIVE_LENSES lenses', () => {
  const many = ['$ORIGIN bulk.test.', ...Array.from({ length: MAX_LIVE_LENSES + 10 }, (_, i) => `h${i} 300 IN A 192.0.2.1`)].join('\n');
  assert.equal(zoneLiveLenses(parse(many), true).length, MAX_LIVE_LENSES + 1);
});

test('past the cap the summary lens says "the first N", and a kept RRset still gets its records from later in the file', () => {
  const lines = ['$ORIGIN bulk.test.', ...Array.from({ length: MAX_LIVE_LENSES + 10 }, (_, i) => `h${i} 300 IN A 192.0.2.1`), 'h0 300 IN A 192.0.2.99', 'late 300 IN A 192.0.2.7'];
  const [summary] = zoneLiveLenses(parse(lines.join('\n')));
  assert.equal(summary.title, `Check the first ${MAX_LIVE_LENSES} RRsets live`);
  const { rrsets, capped } = zoneRrsets(parse(lines.join('\n')));
  assert.ok(capped);
  assert.equal(rrsets.length, MAX_LIVE_LENSES);
  assert.deepEqual(rrsets[0], { name: 'h0.bulk.test.', type: 'A', expected: ['192.0.2.1', '192.0.2.99'] }, 'the second h0 A, at the end, belongs to the kept RRset');
  assert.ok(!rrsets.some((r) => r.name === 'late.bulk.test.'), 'an RRset past the cap is not taken');
  assert.equal(zoneLiveLenses(parse(lines.slice(0, 5).join('\n')))[0].title, 'Check all 4 RRsets live', 'under the cap: all');
});

test('the summary lens counts the RRsets the check command takes, around the cap too, without gathering their data', () => {
  const rrsetLines = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `h${i} 300 IN A 192.0.2.1\nh${i} 300 IN TXT "t"\nh${i} 300 IN RRSIG A 8 3 300 20300101000000 20200101000000 1 bulk.test. AAAA` : `h${i} 300 IN A 192.0.2.1`));
  // The SOA, each owner's A and every third owner's TXT (its RRSIG is not compared): RRsets = 1 + n + ceil(n / 3).
  let atCap = 0;
  while (1 + atCap + Math.ceil(atCap / 3) < MAX_LIVE_LENSES) atCap++;
  assert.equal(1 + atCap + Math.ceil(atCap / 3), MAX_LIVE_LENSES);
  for (const records of [1, 10, atCap - 1, atCap, atCap + 1, MAX_LIVE_LENSES + 3]) {
    const text = ['$ORIGIN bulk.test.', '@ 300 IN SOA ns h 1 7200 3600 1209600 300', 'ch 300 CH TXT "not IN"', '$GENERATE 1-5 g$ 300 IN A 192.0.2.$', ...rrsetLines(records), 'h1 300 IN A 192.0.2.2'].join('\n');
    const { rrsets, capped } = zoneRrsets(parse(text));
    const expected = capped ? `Check the first ${rrsets.length} RRsets live` : `Check all ${rrsets.length} RRsets live`;
    assert.equal(zoneLiveLenses(parse(text))[0].title, expected, `${records} owners`);
    assert.equal(zoneLiveLenses(parse(text), true)[0].title, expected, `${records} owners, a lens per RRset`);
  }
});

test("the lens's arguments, run as the check command, say whether the live answer matches", async () => {
  let live = ['192.0.2.2', '192.0.2.1'];
  const server = await startFakeServer((q) => {
    const question = q.packet.questions![0];
    if (question.type === 'SOA') return [reply(q, { answers: [{ name: 'example.test', type: 'SOA', ttl: 300, data: { mname: 'ns1.example.test', rname: 'hostmaster.example.test', serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 } }] as dnsPacket.Answer[] })];
    return [reply(q, { answers: live.map((data) => ({ name: question.name, type: 'A', ttl: 300, data })) as dnsPacket.Answer[] })];
  });
  try {
    const args = zoneLiveLenses(parse(ZONE), true)[4].arguments![1] as CheckRecordArgs;
    const commandCtx = { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 500, tries: 1, rootHints: [] } }, trusted: true, isCancelled: () => false, log: () => undefined };
    const same = await runCheckRecordCommand({ ...args, servers: [server.address], port: server.port }, commandCtx);
    assert.equal(same.exitCode, 0, same.text);
    assert.match(same.text, /matches the zone file/);
    live = ['192.0.2.1', '192.0.2.9'];
    const changed = await runCheckRecordCommand({ ...args, servers: [server.address], port: server.port }, commandCtx);
    assert.equal(changed.exitCode, 1, changed.text);
    assert.match(changed.text, /- in the file, not live: 192\.0\.2\.2/);
    assert.match(changed.text, /\+ live, not in the file: 192\.0\.2\.9/);
  } finally {
    await server.close();
  }
});

test('"Check all" runs every RRset and reports one line each in one table', async () => {
  const server = await startFakeServer((q) => {
    const question = q.packet.questions![0];
    if (question.type === 'A' && question.name === 'www.example.test') return [reply(q, { answers: [{ name: question.name, type: 'A', ttl: 300, data: '192.0.2.1' }] as dnsPacket.Answer[] })];
    if (question.type === 'A') return [reply(q, { answers: [{ name: question.name, type: 'A', ttl: 300, data: '127.0.0.1' }] as dnsPacket.Answer[] })];
    return [reply(q, { answers: [] })];
  });
  try {
    const all = zoneRrsets(parse(ZONE));
    const rrsets = all.rrsets.filter((r) => r.type === 'A').map((r) => ({ ...r, servers: [server.address], port: server.port }));
    const commandCtx = { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 500, tries: 1, rootHints: [] } }, trusted: true, isCancelled: () => false, log: () => undefined };
    const r = await runCheckRecordsCommand({ rrsets }, commandCtx);
    assert.match(r.text, /^;; 2 RRsets: 1 match, 1 differ, 0 unanswered$/m);
    assert.match(r.text, /^ok ns1\.example\.test\. A\s+matches on 1 server/m);
    assert.match(r.text, /^!! www\.example\.test\. A\s+differs on /m);
    assert.equal(r.exitCode, 1);
  } finally {
    await server.close();
  }
});
