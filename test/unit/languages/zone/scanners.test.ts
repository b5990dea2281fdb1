// The one-scan readers the zone engine's hot path uses (isIpv6, isHostName, readUint,
// parseName, lexEntries over EntryLexer), held to their edge cases: the quirks the earlier
// split()/regex versions had are the behaviour the findings depend on.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EntryLexer, lexEntries } from '../../../../server/src/languages/zone/lexer';
import { parseName } from '../../../../server/src/languages/zone/names';
import { isHostName } from '../../../../server/src/languages/zone/rules/bad-owner-name';
import { joinedStartsWith } from '../../../../server/src/languages/zone/rules/spf-type';
import { isIpv6, readUint } from '../../../../server/src/languages/zone/values';

test('isIpv6: groups around one ::, an IPv4 tail only as the last group', () => {
  for (const ok of ['::', '::1', '1::', '2001:db8::1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4', '1.2.3.4::', 'ffff::abcd:1']) assert.equal(isIpv6(ok), true, ok);
  for (const bad of ['1', ':1', '1:', ':::', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2:', '12345::', 'g::', '1.2.3.4:1::', '::1.2.3', '1:2:3:4:5:6:7:8::']) assert.equal(isIpv6(bad), false, bad);
});

test('isHostName: LDH labels, a leading * label only for owners, no escapes', () => {
  assert.equal(isHostName('.', false), true);
  assert.equal(isHostName('www.example.com.', false), true);
  assert.equal(isHostName('a-b.c1.', false), true);
  assert.equal(isHostName('*.example.com.', true), true);
  assert.equal(isHostName('*.example.com.', false), false);
  assert.equal(isHostName('a.*.example.', true), false);
  for (const bad of ['-a.example.', 'a-.example.', '_sip.example.', 'a\\.b.example.', 'a..b.', 'a\\032b.', '*', 'a_b']) assert.equal(isHostName(bad, true), false, bad);
});

test('readUint: digits only, at most the limit, over 12 digits always out of range', () => {
  assert.deepEqual(readUint('0', 255), { value: 0 });
  assert.deepEqual(readUint('0012', 255), { value: 12 });
  assert.deepEqual(readUint('255', 255), { value: 255 });
  assert.deepEqual(readUint('256', 255), { error: 'out of range' });
  assert.deepEqual(readUint('4294967295', 0xffffffff), { value: 4294967295 });
  assert.deepEqual(readUint('0000000000001', 0xffffffff), { error: 'out of range' });
  for (const bad of ['', '-1', '1e3', ' 1', '0x10']) assert.deepEqual(readUint(bad, 0xffffffff), { error: 'not a valid number' }, bad);
});

test('parseName: one scan gives the key, the label errors and the wire limit', () => {
  assert.deepEqual(parseName('WWW.Example.COM.', '.'), { key: 'www.example.com.', absolute: true });
  assert.deepEqual(parseName('www', 'example.com.'), { key: 'www.example.com.', absolute: false });
  assert.deepEqual(parseName('a b', 'example.'), { key: 'a\\032b.example.', absolute: false });
  assert.deepEqual(parseName('A"b.', '.'), { key: 'a\\"b.', absolute: true });
  assert.deepEqual(parseName('a..b', 'example.'), { absolute: false, error: 'empty label' });
  assert.deepEqual(parseName('..', '.'), { absolute: true, error: 'empty label' });
  assert.deepEqual(parseName(`${'a'.repeat(64)}.`, '.'), { absolute: true, error: 'label too long' });
  const long = `${'a'.repeat(63)}.`.repeat(4);
  assert.deepEqual(parseName(long, '.'), { absolute: true, error: 'name too long' });
  assert.deepEqual(parseName(long.slice(0, -1), 'x.'), { absolute: false, error: 'ran out of space' });
});

test('EntryLexer gives the entries lexEntries gives, and resumes mid-text', () => {
  const text = '$TTL 1h\n@ IN SOA ns h ( 1 2\n 3 4 5 )\n\n; only a comment\nwww IN A 192.0.2.1 ; c\n\t IN TXT "a;b" x\n"unclosed\n';
  const fromGenerator = [...lexEntries(text)];
  const lexer = new EntryLexer(text);
  const fromLexer = [];
  for (let e = lexer.next(); e; e = lexer.next()) fromLexer.push(e);
  assert.deepEqual(fromLexer, fromGenerator);
  assert.equal(fromLexer.length, 5);
  const third = fromGenerator[2];
  assert.deepEqual([...lexEntries(text, third.offset, third.line)], fromGenerator.slice(2));
});

test('joinedStartsWith equals join("").startsWith', () => {
  for (const strings of [[], [''], ['v=sp', 'f1 -all'], ['v', '=', 's', 'p', 'f', '1'], ['v=spf'], ['x', 'v=spf1'], ['v=spf1'], ['', 'v=spf1 a']]) {
    assert.equal(joinedStartsWith(strings, 'v=spf1'), strings.join('').startsWith('v=spf1'), JSON.stringify(strings));
  }
});
