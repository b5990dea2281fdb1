import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../../helpers';
import { isDottedQuad } from '../../../../server/src/languages/zone/rules/bad-ipv4';

test('fires on an A record that is not a dotted quad, on the address', async () => {
  const findings = await lint('zone', '$ORIGIN example.com.\nwww 300 IN A 192.0.2.256\n');
  assert.deepEqual(ruleIds(findings), ['zone/bad-ipv4']);
  assert.deepEqual(findings[0].range, { start: { line: 1, character: 13 }, end: { line: 1, character: 24 } });
});

test('does not fire on valid addresses, class before TTL, or other types', async () => {
  const text = '$ORIGIN example.com.\nwww IN 300 A 192.0.2.1\n  A 10.0.0.1 ; second address\nv6 IN AAAA 2001:db8::1\n';
  assert.deepEqual(await lint('zone', text), []);
});

test('dotted quads follow inet_pton: no leading zeros, four octets', () => {
  assert.equal(isDottedQuad('0.0.0.0'), true);
  assert.equal(isDottedQuad('255.255.255.255'), true);
  for (const bad of ['1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.256', '1.2.3.-1', 'a.b.c.d', '']) assert.equal(isDottedQuad(bad), false, bad);
});
