import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import { encodeQuery, parseMessage } from '../../../../server/src/live/dns/message';
import { parseName } from '../../../../server/src/live/dns/names';

function labels(name: string): Buffer[] {
  return (parseName(name) as { labels: Buffer[] }).labels;
}

function response(answers: dnsPacket.Answer[], extra: Partial<dnsPacket.Packet> = {}): Buffer {
  return dnsPacket.encode({ type: 'response', id: 7, flags: dnsPacket.AUTHORITATIVE_ANSWER, questions: [{ name: 'x.test', type: 'A', class: 'IN' }], answers, ...extra });
}

function answerData(buf: Buffer): string[] {
  const r = parseMessage(buf);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.message.answer.map((a) => a.data);
}

test('the query carries our question with numeric type/class, RD+AD and EDNS0 1232', () => {
  const q = encodeQuery({ labels: labels('svc.example.test'), type: 65, class: 1 }, { id: 4242, recursionDesired: true, authenticData: true, checkingDisabled: false, ednsUdpSize: 1232, dnssecOk: false, nsid: false });
  const d = dnsPacket.decode(q);
  assert.equal(dnsPacket.decode.bytes, q.length);
  assert.equal(d.id, 4242);
  assert.equal(q.readUInt16BE(2), 0x0120); // RD and AD, as dig sends
  assert.equal(d.questions![0].name, 'svc.example.test');
  assert.equal(d.questions![0].type, 'UNKNOWN_65'); // HTTPS, not dns-packet's silent 0
  const opt = d.additionals![0] as unknown as { type: string; udpPayloadSize: number; flags: number };
  assert.equal(opt.type, 'OPT');
  assert.equal(opt.udpPayloadSize, 1232);
  const noEdns = encodeQuery({ labels: [], type: 2, class: 1 }, { id: 1, recursionDesired: false, authenticData: false, checkingDisabled: false, dnssecOk: false, nsid: false });
  assert.equal(noEdns.readUInt16BE(10), 0);
  assert.equal(noEdns.readUInt16BE(2), 0);
});

test('records print as dig +short prints them', () => {
  assert.deepEqual(answerData(response([
    { name: 'x.test', type: 'A', data: '192.0.2.1' },
    { name: 'x.test', type: 'AAAA', data: '2001:db8:0:0:1:0:0:1' },
    { name: 'x.test', type: 'CNAME', data: 'y.test' },
    { name: 'x.test', type: 'MX', data: { preference: 10, exchange: 'mail.test' } },
    { name: 'x.test', type: 'TXT', data: [Buffer.from('say "hi"'), Buffer.from([9, 0x62, 0xc8, 0xff])] },
    { name: 'x.test', type: 'SRV', data: { priority: 10, weight: 60, port: 5060, target: 'sip.test' } },
    { name: 'x.test', type: 'SOA', data: { mname: 'ns1.test', rname: 'host.test', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 } },
    { name: 'x.test', type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    { name: 'x.test', type: 'DS', data: { keyTag: 12345, algorithm: 13, digestType: 2, digest: Buffer.alloc(32, 0xab) } },
    { name: 'x.test', type: 'NAPTR', data: { order: 100, preference: 10, flags: 'S', services: 'SIP+D2U', regexp: '', replacement: '_sip._udp.test' } },
  ] as dnsPacket.Answer[])), [
    '192.0.2.1', '2001:db8::1:0:0:1', 'y.test.', '10 mail.test.', '"say \\"hi\\"" "\\009b\\200\\255"', '10 60 5060 sip.test.',
    'ns1.test. host.test. 1 2 3 4 5', '0 issue "letsencrypt.org"', `12345 13 2 ${'AB'.repeat(28)} ${'AB'.repeat(4)}`,
    '100 10 "S" "SIP+D2U" "" _sip._udp.test.',
  ]);
});

test('types dns-packet lacks: HTTPS/SVCB params and RFC 3597 unknowns', () => {
  const svcb = Buffer.concat([
    Buffer.from([0, 1, 0]), // priority 1, target "."
    Buffer.from([0, 1, 0, 6, 2, 0x68, 0x32, 2, 0x68, 0x33]), // alpn h2,h3
    Buffer.from([0, 3, 0, 2, 0x20, 0xfb]), // port 8443
    Buffer.from([0, 4, 0, 4, 192, 0, 2, 1]), // ipv4hint
  ]);
  const msg = response([
    { name: 'x.test', type: 'UNKNOWN_65', data: svcb },
    { name: 'x.test', type: 'UNKNOWN_65280', data: Buffer.from('deadbeef', 'hex') },
  ] as unknown as dnsPacket.Answer[]);
  const r = parseMessage(msg);
  assert.ok(r.ok);
  assert.deepEqual(r.message.answer.map((a) => `${a.type} ${a.data}`), ['HTTPS 1 . alpn="h2,h3" port=8443 ipv4hint=192.0.2.1', 'TYPE65280 \\# 4 DEADBEEF']);
  const badOrder = Buffer.concat([Buffer.from([0, 1, 0]), Buffer.from([0, 3, 0, 2, 0, 1]), Buffer.from([0, 1, 0, 3, 2, 0x68, 0x32])]);
  assert.equal(parseMessage(response([{ name: 'x.test', type: 'UNKNOWN_64', data: badOrder }] as unknown as dnsPacket.Answer[])).ok, false);
});

test('EDNS: the OPT record is read as such, with the extended rcode', () => {
  const msg = response([], { additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 1, ednsVersion: 0, flags: 0x8000, options: [{ code: 10, data: Buffer.from('0102030405060708', 'hex') }] } as unknown as dnsPacket.Answer] });
  const r = parseMessage(msg);
  assert.ok(r.ok);
  assert.equal(r.message.edns?.udpSize, 1232);
  assert.equal(r.message.edns?.do, true);
  assert.equal(r.message.status, 'BADVERS'); // (1 << 4) | 0
  assert.deepEqual(r.message.edns?.options, [{ code: 10, name: 'COOKIE', hex: '0102030405060708' }]);
  assert.equal(r.message.additional.length, 0);
});

test('junk dns-packet would accept is rejected: trailing bytes, wrong rdlength, truncated CAA', () => {
  const good = response([{ name: 'x.test', type: 'A', data: '192.0.2.1' }]);
  assert.ok(parseMessage(good).ok);
  assert.match((parseMessage(Buffer.concat([good, Buffer.from([0])])) as { error: string }).error, /trailing/);
  // rdlength 2 on an A record (dns-packet reads 4 bytes and misaligns the rest)
  const shortA = Buffer.from(good);
  shortA.writeUInt16BE(2, good.length - 6);
  assert.equal(parseMessage(shortA.subarray(0, good.length - 2)).ok, false);
  const caa = response([{ name: 'x.test', type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } }] as dnsPacket.Answer[]);
  for (let cut = 0; cut < caa.length; cut++) assert.equal(parseMessage(caa.subarray(0, cut)).ok, false, `CAA cut at ${cut}`);
});

test('every truncation and many mutations of a rich response end in ok or a reason, never a throw', () => {
  const rich = response([
    { name: 'x.test', type: 'TXT', data: ['a', 'bc'] },
    { name: 'x.test', type: 'NAPTR', data: { order: 1, preference: 2, flags: 'S', services: 'x', regexp: '', replacement: 'y.test' } },
    { name: 'x.test', type: 'RRSIG', data: { typeCovered: 'A', algorithm: 13, labels: 2, originalTTL: 300, expiration: 2e9, inception: 1.9e9, keyTag: 1, signersName: 'x.test', signature: Buffer.alloc(64, 1) } },
    { name: 'x.test', type: 'HINFO', data: { cpu: 'PC', os: 'Linux' } },
  ] as dnsPacket.Answer[]);
  assert.ok(parseMessage(rich).ok);
  let rejected = 0;
  for (let cut = 0; cut < rich.length; cut++) {
    const r = parseMessage(rich.subarray(0, cut));
    if (!r.ok) rejected++;
  }
  assert.equal(rejected, rich.length);
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const m = Buffer.from(rich);
    for (let k = 0; k < 3; k++) m[Math.floor(random() * m.length)] = Math.floor(random() * 256);
    const r = parseMessage(m);
    assert.equal(typeof r.ok, 'boolean');
  }
});

/** The query as dns-packet's encoder built it before encodeQuery wrote the bytes itself. */
function referenceQuery(question: { labels: Buffer[]; type: number; class: number }, o: Parameters<typeof encodeQuery>[1]): Buffer {
  let flags = 0;
  if (o.recursionDesired) flags |= dnsPacket.RECURSION_DESIRED;
  if (o.authenticData) flags |= dnsPacket.AUTHENTIC_DATA;
  if (o.checkingDisabled) flags |= dnsPacket.CHECKING_DISABLED;
  const options: Array<{ code: number; data: Buffer }> = [];
  if (o.nsid) options.push({ code: 3, data: Buffer.alloc(0) });
  if (o.cookie) options.push({ code: 10, data: o.cookie });
  const skeleton = dnsPacket.encode({
    type: 'query', id: o.id, flags,
    questions: [{ name: '.', type: 'A', class: 'IN' }],
    additionals: o.ednsUdpSize === undefined ? [] : [{ type: 'OPT', name: '.', udpPayloadSize: o.ednsUdpSize, extendedRcode: 0, ednsVersion: 0, flags: o.dnssecOk ? dnsPacket.DNSSEC_OK : 0, options } as unknown as dnsPacket.Answer],
  } as dnsPacket.Packet);
  const name = Buffer.concat([...question.labels.flatMap((l) => [Buffer.from([l.length]), l]), Buffer.from([0])]);
  const typeClass = Buffer.alloc(4);
  typeClass.writeUInt16BE(question.type, 0);
  typeClass.writeUInt16BE(question.class, 2);
  return Buffer.concat([skeleton.subarray(0, 12), name, typeClass, skeleton.subarray(17)]);
}

test('encodeQuery writes the bytes dns-packet wrote, for every flag, EDNS and option combination', () => {
  const names = [[], labels('example.test'), labels('a.b.c.d.e.f.g.example.test'), [Buffer.from('x'.repeat(63)), Buffer.from([0, 0x2e, 0xff])]];
  let cases = 0;
  for (const question of names.map((l, i) => ({ labels: l, type: [1, 16, 65, 65280][i], class: [1, 3, 255, 1][i] }))) {
    for (let bits = 0; bits < 64; bits++) {
      for (const ednsUdpSize of [undefined, 0, 512, 1232, 4096, 65535]) {
        const o = {
          id: [0, 1, 4242, 65535][bits & 3], recursionDesired: (bits & 4) !== 0, authenticData: (bits & 8) !== 0, checkingDisabled: (bits & 16) !== 0,
          ednsUdpSize, dnssecOk: (bits & 32) !== 0, nsid: (bits & 1) !== 0, cookie: (bits & 2) !== 0 ? Buffer.from('0123456789abcdef', 'hex') : undefined,
        };
        assert.deepEqual(encodeQuery(question, o), referenceQuery(question, o), JSON.stringify({ question, o }));
        cases++;
      }
    }
  }
  assert.equal(cases, 4 * 64 * 6);
});
