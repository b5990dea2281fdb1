// zone/soa-timers and zone/missing-trailing-dot: each warning condition fires on its token
// with severity warning, the RFC 1912 advice is information only, and the plausible cases
// stay quiet.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lint } from '../../../helpers';
import { rangeText, zoneWith } from './zoneText';

const zone = (soaTtl: number, timers: string, extra = '') => `$ORIGIN example.com.\n$TTL ${soaTtl}\n@ SOA ns1 hostmaster 2026010100 ${timers}\n@ NS ns1.example.net.\n${extra}`;

async function timerFindings(text: string): Promise<Array<{ token: string; severity: string | undefined; message: string }>> {
  return (await lint('zone', text)).filter((f) => f.ruleId === 'zone/soa-timers').map((f) => ({ token: rangeText(text, f), severity: f.severity, message: f.message }));
}

const WARNINGS: Array<[string, number, string, string]> = [
  ['retry longer than refresh', 3600, '3600 7200 1209600 3600', '7200'],
  ['expire shorter than refresh + retry', 3600, '7200 3600 10000 3600', '10000'],
  ['negative-caching TTL over a day', 172800, '7200 3600 1209600 172800', '172800'],
  ['negative-caching TTL over a day, minimum mistaken for expire', 604800, '7200 3600 1209600 3600000', '3600000'],
];

for (const [what, ttl, timers, token] of WARNINGS) {
  test(`zone/soa-timers warns: ${what}`, async () => {
    const found = await timerFindings(zone(ttl, timers));
    const warnings = found.filter((f) => f.severity === 'warning');
    assert.deepEqual(
      warnings.map((f) => f.token),
      [token],
      JSON.stringify(found),
    );
  });
}

test('zone/soa-timers: a good SOA draws nothing at all', async () => {
  assert.deepEqual(await timerFindings(zone(3600, '7200 3600 1209600 3600')), []);
});

test('zone/soa-timers: RFC 1912 ranges, retry = refresh and minimum above the SOA TTL are information only', async () => {
  const found = await timerFindings(zone(300, '300 300 604800 3600'));
  assert.deepEqual(found.map((f) => [f.token, f.severity]), [
    ['300', 'information'], // refresh under 20 minutes
    ['300', 'information'], // retry = refresh
    ['604800', 'information'], // expire under 2 weeks
    ['3600', 'information'], // minimum capped by the SOA TTL of 300
  ]);
});

test('zone/soa-timers: the IANA root zone\'s SOA (negative TTL one day) and a test zone\'s 0 0 0 0 0 draw no warning', async () => {
  const root = await timerFindings(`$ORIGIN .\n$TTL 86400\n@ SOA a.root-servers.net. nstld.verisign-grs.com. 2026120100 1800 900 604800 86400\n@ NS a.root-servers.net.\n`);
  assert.deepEqual(root.map((f) => [f.token, f.severity]), [
    ['604800', 'information'], // expire one week, under RFC 1912's 2 weeks
    ['86400', 'information'], // negative TTL one day: over RFC 2308's 1-3 hours, not over a day
  ]);
  const zeros = await timerFindings(zone(3600, '0 0 0 0'));
  assert.deepEqual(zeros.map((f) => [f.token, f.severity]), [
    ['0', 'information'], // refresh under a minute
    ['0', 'information'], // expire under 2 weeks
  ]);
});

test('zone/soa-timers: a refresh under a minute is information (BIND clamps it to 300 s)', async () => {
  const found = await timerFindings(zone(3600, '30 10 1209600 3600'));
  assert.deepEqual(found.map((f) => [f.token, f.severity]), [['30', 'information']]);
  assert.match(found[0].message, /min-refresh-time/);
});

test('zone/soa-timers: a long minimum under a short SOA TTL is capped, so it is not a warning', async () => {
  const found = await timerFindings(zone(300, '7200 3600 1209600 86400'));
  assert.deepEqual(found.map((f) => f.severity), ['information']);
  assert.match(found[0].message, /smaller of the two/);
});

async function trailingDot(text: string): Promise<string[]> {
  return (await lint('zone', text)).filter((f) => f.ruleId === 'zone/missing-trailing-dot').map((f) => rangeText(text, f));
}

test('zone/missing-trailing-dot fires when the name repeats the origin, in RDATA and in owners', async () => {
  assert.deepEqual(await trailingDot(zoneWith('@ MX 10 mail.example.com')), ['mail.example.com']);
  assert.deepEqual(await trailingDot(zoneWith('www.example.com A 192.0.2.1')), ['www.example.com']);
});

test('zone/missing-trailing-dot fires when a relative target ends in a real TLD', async () => {
  assert.deepEqual(await trailingDot(zoneWith('docs CNAME ghs.googlehosted.com')), ['ghs.googlehosted.com']);
  // .dev and .app are TLDs of the IANA list (not in the old hand-made subset's spirit only).
  assert.deepEqual(await trailingDot(zoneWith('api CNAME lb.vercel.app')), ['lb.vercel.app']);
});

test('zone/missing-trailing-dot stays quiet on relative names that expand to in-zone names', async () => {
  // "dev" has records here, so "api.dev" is api.dev.example.com., a name of this zone.
  assert.deepEqual(await trailingDot(zoneWith('dev A 192.0.2.9\napi.dev A 192.0.2.10\nx CNAME api.dev')), []);
  // covered by a wildcard
  assert.deepEqual(await trailingDot(zoneWith('*.shop A 192.0.2.9\nx CNAME a.shop')), []);
  assert.deepEqual(await trailingDot(zoneWith('x CNAME www.internal')), []);
});

test('zone/missing-trailing-dot: owners ending in a TLD (RPZ, catalog zones) and names under the root origin are not flagged', async () => {
  assert.deepEqual(await trailingDot(zoneWith('bad.example.org CNAME .')), []);
  assert.deepEqual(await trailingDot(`$ORIGIN .\n$TTL 300\n@ SOA a.root-servers.net nstld.verisign-grs.com 1 1800 900 604800 3600\n@ NS a.root-servers.net\n`), []);
});
