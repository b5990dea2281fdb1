import assert from 'node:assert/strict';
import test from 'node:test';
import { formatName, isSubdomain, parseName, readWireName } from '../../../../server/src/live/dns/names';
import { expandIPv6, reverseName } from '../../../../server/src/live/dns/reverse';

function labelsOf(text: string): Buffer[] {
  const r = parseName(text);
  assert.ok(r.ok, text);
  return r.labels;
}

test('names parse into labels, with escapes, and print back the way dig prints them', () => {
  assert.deepEqual(labelsOf('www.example.test').map(String), ['www', 'example', 'test']);
  assert.deepEqual(labelsOf('www.example.test.').map(String), ['www', 'example', 'test']);
  assert.deepEqual(labelsOf('.'), []);
  const escaped = labelsOf('a\\.b.test');
  assert.equal(escaped.length, 2);
  assert.equal(escaped[0].toString(), 'a.b');
  assert.equal(formatName(escaped), 'a\\.b.test.');
  assert.deepEqual([...labelsOf('\\065\\000x.test')[0]], [65, 0, 120]);
  assert.equal(formatName(labelsOf('\\065\\000x.test')), 'A\\000x.test.');
  assert.equal(formatName([Buffer.from('say "hi"')]), 'say\\032\\"hi\\".');
});

test('names dns-packet would encode into corrupt packets are refused before encoding', () => {
  assert.equal(parseName('a'.repeat(63) + '.test').ok, true);
  const long = parseName('a'.repeat(64) + '.test');
  assert.equal(long.ok, false);
  assert.match((long as { error: string }).error, /64 bytes long/);
  assert.equal(parseName('a..b').ok, false);
  assert.equal(parseName('.a').ok, false);
  assert.equal(parseName('').ok, false);
  assert.equal(parseName('a\\').ok, false);
  assert.equal(parseName('a\\256.test').ok, false);
  const label = 'a'.repeat(63);
  assert.equal(parseName([label, label, label, 'a'.repeat(61)].join('.')).ok, true); // 255 bytes
  assert.equal(parseName([label, label, label, 'a'.repeat(62)].join('.')).ok, false); // 256 bytes
});

test('internationalized names become their A-labels', () => {
  assert.equal((parseName('bücher.example.test') as { text: string }).text, 'xn--bcher-kva.example.test.');
});

test('wire names: compression pointers must point backwards, and lengths are checked', () => {
  // "test" at 0, then a pointer to it at 6
  const msg = Buffer.from([4, 0x74, 0x65, 0x73, 0x74, 0, 0xc0, 0x00]);
  assert.deepEqual(readWireName(msg, 6).labels.map(String), ['test']);
  assert.equal(readWireName(msg, 6).end, 8);
  assert.throws(() => readWireName(Buffer.from([0xc0, 0x00]), 0), /backwards/); // points at itself
  assert.throws(() => readWireName(Buffer.from([0, 0xc0, 0x03, 0xc0, 0x01]), 1), /backwards/); // forward pointer
  assert.throws(() => readWireName(Buffer.from([5, 0x61]), 0), /past the end/);
  assert.throws(() => readWireName(Buffer.from([0x40]), 0), /bad label type/);
});

test('subdomain checks are case-insensitive and label-wise', () => {
  assert.ok(isSubdomain(labelsOf('WWW.Example.test'), labelsOf('example.TEST')));
  assert.ok(!isSubdomain(labelsOf('wwwexample.test'), labelsOf('example.test')));
  assert.ok(isSubdomain(labelsOf('x.test'), []));
});

test('-x builds in-addr.arpa and ip6.arpa nibble names', () => {
  assert.equal(reverseName('192.0.2.10'), '10.2.0.192.in-addr.arpa.');
  assert.equal(reverseName('2001:db8::10'), '0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
  assert.equal(reverseName('fe80::1%eth0'), reverseName('fe80::1'));
  assert.equal(expandIPv6('::ffff:192.0.2.1'), '00000000000000000000ffffc0000201');
  assert.equal(expandIPv6('::'), '0'.repeat(32));
  assert.equal(reverseName('example.test'), undefined);
  assert.equal(reverseName('300.1.1.1'), undefined);
});

test('formatLabel escapes exactly as the byte-by-byte rule says, for every byte value and mixed labels', async () => {
  const { formatLabel } = await import('../../../../server/src/live/dns/names');
  const special = new Set([...'."();@$\\'].map((c) => c.charCodeAt(0)));
  const reference = (label: Buffer) => [...label].map((b) => (special.has(b) ? '\\' + String.fromCharCode(b) : b < 0x21 || b > 0x7e ? '\\' + String(b).padStart(3, '0') : String.fromCharCode(b))).join('');
  for (let b = 0; b < 256; b++) {
    for (const label of [Buffer.from([b]), Buffer.from([0x61, b]), Buffer.from([b, 0x62, b])]) assert.equal(formatLabel(label), reference(label), `byte ${b}`);
  }
  let seed = 3;
  for (let i = 0; i < 2000; i++) {
    const label = Buffer.from(Array.from({ length: i % 64 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 5 === 0 ? seed % 256 : 0x61 + (seed % 26);
    }));
    assert.equal(formatLabel(label), reference(label));
  }
  assert.equal(formatLabel(Buffer.alloc(0)), '');
});
