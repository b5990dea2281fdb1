// Every zone rule: one text that fires it on the expected token, one close variant that
// does not. Lines are added to a clean zone (zoneText.ts) unless `whole` gives the text.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { lint } from '../../../helpers';
import { CLEAN_ZONE, rangeText, zoneWith } from './zoneText';

interface Case {
  rule: string;
  /** Lines added to the clean zone, or a whole file when `whole` is set. */
  fires: string;
  /** The text the finding's range must cover. */
  token: string;
  clean: string;
  whole?: boolean;
  severity?: string;
}

const SOA = '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300';
// A DNSKEY and its SHA-256 CDS from BIND's checkzone tests (good-cds.db), zone "example.".
const KEY = 'example. 0 DNSKEY 257 3 10 AwEAAbqjg7xdvnU2Q/gtLw5LOfr5cDeTRjYuEbkzGrUiVSOSoxcTxuao WS/AFPQHuD8OSLiE/CeZ087JowREXl058rRfae8KMrveY17V0wmKs9N1 F1wf/hRDpXiThlRHWlskp8eSEEIqYrrHgWTesy/xDGIEOFM1gwRo0w8j KdRRJeL2hseTMa+m3rTzrYudUsI0BHLW8PiDUCbG5xgdee8/5YR4847i AAqHIiPJ1Z/IT53OIjMmtv5BUykZ8RYjlJxxX+C+dpRKiK73SQaR3hCB XAYOL9WsDp2/fpmEZpewavkMkdC+j2CX+z27MCS3ASO0AeKK0lcNXwND kgreE+Kr7gc=';
const DNSSEC_ZONE = (cds: string) => `$ORIGIN example.\n$TTL 300\n@ SOA ns1 hostmaster 2026010100 7200 3600 1209600 300\n@ NS ns1.example.net.\n${KEY}\n${cds}\n`;
const GOOD_CDS = 'example. 0 CDS 14364 10 2 FD03B2312C8F0FE72C1751EFA1007D743C94EC91594FF0047C23C37CE119BA0C';

const CASES: Case[] = [
  { rule: 'zone/syntax', fires: 'txt TXT "not closed', token: '"not closed', clean: 'txt TXT "closed"' },
  { rule: 'zone/syntax', fires: 'www A ( 192.0.2.1\nmail A 192.0.2.2', token: '(', clean: 'www A ( 192.0.2.1 )\nmail A 192.0.2.2' },
  { rule: 'zone/syntax', fires: '$FOO bar', token: '$FOO', clean: '$TTL 300' },
  { rule: 'zone/unknown-type', fires: 'www ALIAS lb.example.net.', token: 'ALIAS', clean: 'www CNAME lb.example.net.' },
  { rule: 'zone/unknown-type', fires: 'www ANY 192.0.2.1', token: 'ANY', clean: 'www TYPE1 192.0.2.1' },
  { rule: 'zone/bad-rdata', fires: 'mx MX mail.example.com.', token: 'mail.example.com.', clean: 'mx MX 10 mail.example.net.' },
  { rule: 'zone/bad-rdata', fires: 'mx MX 70000 mail.example.net.', token: '70000', clean: 'mx MX 7000 mail.example.net.' },
  { rule: 'zone/bad-rdata', fires: 'v6 AAAA 2001:db8::12::1', token: '2001:db8::12::1', clean: 'v6 AAAA 2001:db8::12:1' },
  { rule: 'zone/bad-rdata', fires: 'h HTTPS 1 . alpn=h2 alpn=h3', token: 'alpn=h3', clean: 'h HTTPS 1 . alpn=h2,h3 port=443' },
  { rule: 'zone/bad-rdata', fires: 'h HTTPS 1 . no-default-alpn', token: '', clean: 'h HTTPS 1 . alpn=h2 no-default-alpn' },
  { rule: 'zone/bad-rdata', fires: 'd DS 1 8 2 0g', token: '', clean: `d DS 1 8 2 ${'0a'.repeat(32)}` },
  { rule: 'zone/bad-ipv4', fires: 'www A 192.0.2.300', token: '192.0.2.300', clean: 'www A 192.0.2.30' },
  { rule: 'zone/name-too-long', fires: `${'a'.repeat(64)} A 192.0.2.1`, token: 'a'.repeat(64), clean: `${'a'.repeat(63)} A 192.0.2.1` },
  { rule: 'zone/txt-string-too-long', fires: `t TXT "${'x'.repeat(256)}"`, token: `"${'x'.repeat(256)}"`, clean: `t TXT "${'x'.repeat(255)}"` },
  { rule: 'zone/include', fires: '$INCLUDE does-not-exist.zone', token: 'does-not-exist.zone', clean: '', severity: 'information' },
  { rule: 'zone/generate', fires: '$GENERATE 10-1 host$ A 192.0.2.$', token: '10-1', clean: '$GENERATE 1-10 host$ A 192.0.2.$' },
  { rule: 'zone/bad-ipv4', fires: '$GENERATE 250-260 host$ A 192.0.2.$', token: '192.0.2.$', clean: '$GENERATE 250-255 host$ A 192.0.2.$' },
  { rule: 'zone/no-ttl', whole: true, fires: `$ORIGIN example.com.\n${SOA}\n@ NS ns1\nns1 A 192.0.2.1\n`, token: 'SOA', clean: `$ORIGIN example.com.\n$TTL 300\n${SOA}\n@ NS ns1\nns1 A 192.0.2.1\n`, severity: 'warning' },
  { rule: 'zone/ttl-too-large', fires: 'www 4294967295 A 192.0.2.1', token: '4294967295', clean: 'www 2147483647 A 192.0.2.1' },
  { rule: 'zone/class-mismatch', fires: 'www CH A 192.0.2.1', token: 'CH', clean: 'www IN A 192.0.2.1' },
  { rule: 'zone/out-of-zone', fires: 'www.example.org. A 192.0.2.1', token: 'www.example.org.', clean: 'www.example.com. A 192.0.2.1' },
  { rule: 'zone/soa-not-at-apex', fires: 'sub SOA ns1 hostmaster 1 7200 3600 1209600 300', token: 'sub', clean: 'sub NS ns1.example.net.' },
  { rule: 'zone/multiple-singleton', fires: 'w CNAME a.example.net.\nw CNAME b.example.net.', token: 'CNAME', clean: 'w CNAME a.example.net.\nw CNAME a.example.net.' },
  { rule: 'zone/cname-and-other-data', fires: 'w CNAME a.example.net.\nw MX 10 mail.example.net.', token: 'CNAME', clean: 'w CNAME a.example.net.\nx MX 10 mail.example.net.' },
  { rule: 'zone/cname-and-other-data', fires: '@ CNAME a.example.net.', token: 'CNAME', clean: 'www CNAME a.example.net.' },
  { rule: 'zone/cname-and-other-data', fires: 'w CNAME a.example.net.\nW.example.com. MX 10 mail.example.net.', token: 'CNAME', clean: 'w CNAME a.example.net.\nx.example.com. MX 10 mail.example.net.' },
  { rule: 'zone/ns-wildcard', fires: '* NS ns1.example.net.', token: '*', clean: '* A 192.0.2.1' },
  { rule: 'zone/nsec3-owner', fires: 'CPNMU=== NSEC3 1 0 0 - CPNMU000000000000000000000000000 A', token: 'CPNMU===', clean: 'CPNMU NSEC3 1 0 0 - CPNMU000000000000000000000000000 A' },
  { rule: 'zone/ds-at-apex', fires: '@ DS 1 8 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE4F6ACD4F2B4D8A21A4B7B6C4', token: 'DS', clean: 'sub NS ns1.example.net.\nsub DS 1 8 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE4F6ACD4F2B4D8A21A4B7B6C4' },
  { rule: 'zone/missing-soa', whole: true, fires: '$ORIGIN example.com.\n$TTL 300\nexample.org. SOA ns1 hostmaster 1 7200 3600 1209600 300\n', token: '', clean: '$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.1\n' },
  { rule: 'zone/missing-apex-ns', whole: true, fires: `$ORIGIN example.com.\n$TTL 300\n${SOA}\nwww A 192.0.2.1\n`, token: '@', clean: `$ORIGIN example.com.\n$TTL 300\n${SOA}\n@ NS ns1.example.net.\n` },
  { rule: 'zone/bad-owner-name', fires: 'mail_server A 192.0.2.10', token: 'mail_server', clean: '_dmarc TXT "v=DMARC1; p=none"' },
  { rule: 'zone/non-terminal-wildcard', fires: 'foo.* TXT "x"', token: 'foo.*', clean: '*.foo TXT "x"' },
  { rule: 'zone/ttl-mismatch', fires: 'www 300 A 192.0.2.1\nwww 600 A 192.0.2.2', token: '600', clean: 'www 300 A 192.0.2.1\nwww 300 A 192.0.2.2' },
  { rule: 'zone/ttl-mismatch', fires: 'www 300 A 192.0.2.1\nWWW.example.com. 600 A 192.0.2.2', token: '600', clean: 'www 300 A 192.0.2.1\nwww.example.org. 600 A 192.0.2.2' },
  { rule: 'zone/target-is-address', fires: '@ MX 10 192.0.2.7', token: '192.0.2.7', clean: '@ MX 10 ns1' },
  { rule: 'zone/target-is-cname', fires: '@ MX 10 mail\nmail CNAME ns1', token: 'mail', clean: '@ MX 10 mail\nmail A 192.0.2.9' },
  { rule: 'zone/target-no-address', fires: '@ MX 10 mail', token: 'mail', clean: '@ MX 10 mail.example.net.' },
  // One name written relative in one place and absolute in another is one name in the index.
  { rule: 'zone/target-no-address', fires: '@ MX 10 mail\nmail.example.com. TXT "x"', token: 'mail', clean: '@ MX 10 mail\nMAIL.example.com. A 192.0.2.9' },
  { rule: 'zone/target-is-cname', fires: '@ MX 10 mail.example.com.\nmail CNAME ns1', token: 'mail.example.com.', clean: '@ MX 10 mail.example.com.\nmail A 192.0.2.9' },
  { rule: 'zone/missing-trailing-dot', fires: '@ MX 10 mail.example.com', token: 'mail.example.com', clean: '@ MX 10 mail.example.com.' },
  { rule: 'zone/missing-trailing-dot', fires: 'docs CNAME ghs.googlehosted.com', token: 'ghs.googlehosted.com', clean: 'docs CNAME ghs.internal' },
  { rule: 'zone/missing-trailing-dot', fires: 'www.example.com A 192.0.2.1', token: 'www.example.com', clean: 'www A 192.0.2.1' },
  { rule: 'zone/missing-glue', fires: 'sub NS ns1.sub', token: 'ns1.sub', clean: 'sub NS ns1.sub\nns1.sub A 192.0.2.53' },
  { rule: 'zone/occluded', fires: 'sub NS ns1.example.net.\nwww.sub A 192.0.2.1', token: 'www.sub', clean: 'sub NS ns1.example.net.\nwww.sub2 A 192.0.2.1' },
  { rule: 'zone/soa-serial', whole: true, fires: `$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 42 7200 3600 1209600 300\n@ NS ns1.example.net.\n`, token: '42', clean: `$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 2026010100 7200 3600 1209600 300\n@ NS ns1.example.net.\n` },
  { rule: 'zone/soa-timers', whole: true, fires: `$ORIGIN example.com.\n$TTL 86400\n@ SOA ns1 hostmaster 2026010100 7200 3600 1209600 604800\n@ NS ns1.example.net.\n`, token: '604800', clean: `$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 2026010100 7200 3600 1209600 3600\n@ NS ns1.example.net.\n` },
  { rule: 'zone/duplicate-record', fires: 'www A 192.0.2.1\nwww A 192.0.2.1', token: 'www', clean: 'www A 192.0.2.1\nwww A 192.0.2.2' },
  { rule: 'zone/ttl-range', fires: 'www 5 A 192.0.2.1', token: '5', clean: 'www 300 A 192.0.2.1' },
  { rule: 'zone/spf-syntax', fires: '@ TXT v=spf1 mx -all', token: 'v=spf1', clean: '@ TXT "v=spf1 mx -all"' },
  { rule: 'zone/spf-syntax', fires: '@ TXT "v=spf1 ip4:192.0.2.0/33 -all"', token: '"v=spf1 ip4:192.0.2.0/33 -all"', clean: '@ TXT "v=spf1 ip4:192.0.2.0/24 -all"' },
  { rule: 'zone/spf-syntax', fires: '@ TXT "v=spf1 mx -all"\n@ TXT "v=spf1 a -all"', token: '"v=spf1 a -all"', clean: '@ TXT "v=spf1 mx -all"\n@ TXT "google-site-verification=x"' },
  { rule: 'zone/spf-syntax', fires: `@ TXT "v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.ex`).join(' ')} -all"`, token: '', clean: `@ TXT "v=spf1 ${Array.from({ length: 10 }, (_, i) => `include:s${i}.ex`).join(' ')} -all"` },
  { rule: 'zone/dmarc-syntax', fires: '_dmarc TXT "v=DMARC1; rua=mailto:d@example.com"', token: '"v=DMARC1; rua=mailto:d@example.com"', clean: '_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com"' },
  { rule: 'zone/dkim-syntax', fires: 'sel._domainkey TXT "v=DKIM1; k=rsa"', token: '"v=DKIM1; k=rsa"', clean: 'sel._domainkey TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="' },
  { rule: 'zone/caa-tag', fires: '@ CAA 0 isue "letsencrypt.org"', token: 'isue', clean: '@ CAA 0 issue "letsencrypt.org"' },
  { rule: 'zone/caa-tag', fires: '@ CAA 0 iodef "security@example.com"', token: '"security@example.com"', clean: '@ CAA 0 iodef "mailto:security@example.com"' },
  { rule: 'zone/cds-consistency', whole: true, fires: DNSSEC_ZONE('@ CDS 14364 14 2 FD03B2312C8F0FE72C1751EFA1007D743C94EC91594FF0047C23C37CE119BA0C'), token: '14364', clean: DNSSEC_ZONE(GOOD_CDS) },
  { rule: 'zone/cds-consistency', whole: true, fires: DNSSEC_ZONE(`${GOOD_CDS}\n@ CDS 0 0 0 00`), token: 'CDS', clean: DNSSEC_ZONE('@ CDS 0 0 0 00') },
  { rule: 'zone/cds-digest', whole: true, fires: DNSSEC_ZONE('@ CDS 14364 10 2 FD03B2312C8F0FE72C1751EFA1007D743C94EC91594FF0047C23C37CE119BA0D'), token: '14364', clean: DNSSEC_ZONE(GOOD_CDS) },
  { rule: 'zone/wildcard-shadowed', fires: '* A 192.0.2.80\nshop MX 10 mail.example.net.', token: 'shop', clean: '* A 192.0.2.80\nshop A 192.0.2.81\nshop MX 10 mail.example.net.\n_dmarc TXT "v=DMARC1; p=none"' },
  { rule: 'zone/spf-type', fires: '@ SPF "v=spf1 -all"', token: 'SPF', clean: '@ SPF "v=spf1 -all"\n@ TXT "v=spf1 -all"' },
];

for (const c of CASES) {
  test(`${c.rule} fires: ${JSON.stringify(c.fires).slice(0, 60)}`, async () => {
    const text = c.whole ? c.fires : zoneWith(c.fires);
    const found = (await lint('zone', text)).filter((f) => f.ruleId === c.rule);
    assert.ok(found.length > 0, `${c.rule} did not fire`);
    if (c.token) assert.equal(rangeText(text, found[0]), c.token);
    if (c.severity) assert.equal(found[0].severity, c.severity);
  });
  test(`${c.rule} does not fire: ${JSON.stringify(c.clean).slice(0, 60)}`, async () => {
    const text = c.whole ? c.clean : zoneWith(c.clean);
    const found = (await lint('zone', text)).filter((f) => f.ruleId === c.rule);
    assert.deepEqual(found.map((f) => f.message), []);
  });
}

test('the clean zone has no findings at all', async () => {
  assert.deepEqual(await lint('zone', `${CLEAN_ZONE}\n`), []);
});

test('the trailing-dot fix inserts "." right after the name', async () => {
  const text = zoneWith('@ MX 10 mail.example.com ; mail');
  const [f] = (await lint('zone', text)).filter((x) => x.ruleId === 'zone/missing-trailing-dot');
  assert.deepEqual(f.fixes?.[0].edits, [{ range: { start: { line: 7, character: 24 }, end: { line: 7, character: 24 } }, newText: '.' }]);
});

test('the TXT split fix makes strings of at most 255 octets that concatenate to the original', async () => {
  const long = 'v=DKIM1; k=rsa; p=' + 'A'.repeat(400);
  const text = zoneWith(`sel._domainkey TXT "${long}"`);
  const [f] = (await lint('zone', text)).filter((x) => x.ruleId === 'zone/txt-string-too-long');
  const edit = f.fixes![0].edits[0].newText;
  const parts = [...edit.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  assert.ok(parts.every((p) => p.length <= 255));
  assert.equal(parts.join(''), long);
  const fixed = zoneWith(`sel._domainkey TXT ${edit}`);
  assert.deepEqual(await lint('zone', fixed), []);
});

// pdns's zone2sql-json-comments zone: `$ORIGIN example.net` (no dot) puts its SOA one level
// below the apex; named-checkzone says "SOA record not at top of zone" on that line and
// nothing else. The same error again as "0 SOA records" on line 1 is noise.
test('an in-zone SOA below the apex is soa-not-at-apex only, not missing-soa too', async () => {
  // the origin from the setting (named-checkzone's argument), as in that zone
  const below = '$TTL 300\nsub SOA ns1 hostmaster 1 7200 3600 1209600 300\nsub NS ns1.example.net.\n';
  const origin = { zone: { ...DEFAULT_SETTINGS.zone, origin: 'example.com.' } };
  assert.deepEqual((await lint('zone', below, origin)).filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.range.start.line + 1]), [['zone/soa-not-at-apex', 2]]);
  // out of zone, named ignores the SOA ("ignoring out-of-zone data") and counts 0 SOA records
  const outside = '$TTL 300\nexample.org. SOA ns1 hostmaster 1 7200 3600 1209600 300\n';
  assert.ok((await lint('zone', outside, origin)).some((f) => f.ruleId === 'zone/missing-soa'));
});
