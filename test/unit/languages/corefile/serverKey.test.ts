import assert from 'node:assert/strict';
import test from 'node:test';
import { normalizeKey } from '../../../../server/src/languages/corefile/serverKey';
import { parseGoDuration, parseIPv6, isDomainName } from '../../../../server/src/languages/corefile/values';

test('server keys: scheme default ports, case, CIDR reverse zones', () => {
  assert.deepEqual(normalizeKey('EXAMPLE.org').zones, ['example.org.']);
  assert.equal(normalizeKey('tls://example.org').port, '853');
  assert.equal(normalizeKey('https3://example.org').port, '443');
  assert.deepEqual(normalizeKey('10.0.0.0/15').zones, ['0.10.in-addr.arpa.', '1.10.in-addr.arpa.']);
  assert.match(normalizeKey('example.org:').error ?? '', /after last colon/);
  assert.equal(normalizeKey('udp://example.org').unknownScheme, 'udp');
});

test('Go durations and names as CoreDNS parses them', () => {
  assert.equal(parseGoDuration('1m30s'), 90_000);
  assert.equal(parseGoDuration('0'), 0);
  assert.equal(parseGoDuration('10'), undefined);
  assert.equal(parseIPv6('::ffff:1.2.3.4')?.length, 16);
  assert.equal(isDomainName('a..b'), false);
  assert.equal(isDomainName(`${'a'.repeat(64)}.org`), false);
});
