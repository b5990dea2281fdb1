import assert from 'node:assert/strict';
import test from 'node:test';
import { isDottedQuad } from '../../../../server/src/languages/zone/rules/bad-ipv4';
import { ruleIds } from '../../../helpers';
import { lintZone, rangeText, zoneWith } from './zoneText';

test('fires on an A record that is not a dotted quad, on the address', async () => {
  const extra = 'www 300 IN A 192.0.2.256';
  const findings = await lintZone(extra);
  assert.deepEqual(ruleIds(findings), ['zone/bad-ipv4']);
  assert.deepEqual(findings[0].range, { start: { line: 7, character: 13 }, end: { line: 7, character: 24 } });
  assert.equal(rangeText(zoneWith(extra), findings[0]), '192.0.2.256');
});

test('does not fire on valid addresses, class before TTL, or other types', async () => {
  assert.deepEqual(await lintZone('www IN 300 A 192.0.2.1\n  IN 300 A 10.0.0.1 ; second address\nv6 IN AAAA 2001:db8::1'), []);
});

test('an IPv6 address in an A record is a bad dotted quad', async () => {
  assert.deepEqual(ruleIds(await lintZone('v6 A 2001:db8::1')), ['zone/bad-ipv4']);
});

test('dotted quads follow inet_pton: no leading zeros, four octets', () => {
  assert.equal(isDottedQuad('0.0.0.0'), true);
  assert.equal(isDottedQuad('255.255.255.255'), true);
  for (const bad of ['1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.256', '1.2.3.-1', 'a.b.c.d', '']) assert.equal(isDottedQuad(bad), false, bad);
});
