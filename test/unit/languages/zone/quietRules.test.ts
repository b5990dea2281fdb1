// zone/no-ttl and zone/target-no-address where named-checkzone says the same: no-ttl warns
// once per zone, as dns_master_load does, and the SOA minimum then stands as the default
// TTL; target-no-address honours wildcards (RFC 4592) the way named's lookup does.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { parseZone } from '../../../../server/src/languages/zone/parser';
import { lint } from '../../../helpers';
import { rangeText, zoneWith } from './zoneText';

async function ruleTokens(text: string, rule: string): Promise<Array<[string, string | undefined]>> {
  return (await lint('zone', text)).filter((f) => f.ruleId === rule).map((f) => [rangeText(text, f), f.severity]);
}

const CTX = { uri: 'file:///zones/test', settings: { ...DEFAULT_SETTINGS, zone: { origin: 'example.com.' } } };
const NO_TTL = '$ORIGIN example.com.\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 600 A 192.0.2.1\nns2 A 192.0.2.2\n';

test('zone/no-ttl: one warning at the SOA (named: "no TTL specified; using SOA MINTTL instead"), none for later records', async () => {
  assert.deepEqual(await ruleTokens(NO_TTL, 'zone/no-ttl'), [['SOA', 'warning']]);
});

test('zone/no-ttl: after the SOA minimum is taken, records without a TTL get it, not the previous explicit TTL (dns_master_load)', () => {
  const ast = parseZone(NO_TTL, CTX);
  const ttl = (owner: string) => ast.records.find((r) => r.owner === owner)?.ttl;
  assert.equal(ttl('ns1.example.com.'), 600);
  assert.equal(ttl('ns2.example.com.'), 300);
});

test('zone/no-ttl: an explicit TTL before the SOA means RFC 1035 semantics (the previous TTL), warned once', async () => {
  const text = '$ORIGIN example.com.\nns1 600 A 192.0.2.1\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns2 A 192.0.2.2\n';
  const found = (await lint('zone', text)).filter((f) => f.ruleId === 'zone/no-ttl');
  assert.deepEqual(found.map((f) => [rangeText(text, f), f.severity]), [['SOA', 'warning']]);
  assert.match(found[0].message, /previous record's TTL 600/);
  const ast = parseZone(text, CTX);
  assert.deepEqual(ast.records.map((r) => r.ttl), [600, 600, 600, 600]);
});

test('zone/no-ttl: quiet with $TTL', async () => {
  assert.deepEqual(await ruleTokens(`$TTL 300\n${NO_TTL}`, 'zone/no-ttl'), []);
});

test('zone/target-no-address: a wildcard with an address answers for the target', async () => {
  assert.deepEqual(await ruleTokens(zoneWith('*.example.com. A 192.0.2.9\n@ MX 10 mail'), 'zone/target-no-address'), []);
  // any depth below the closest encloser (BIND's redirect test zone: NS ns.example.net under "redirect.")
  const redirect = '$TTL 300\n@ IN SOA ns.example.net hostmaster.example.net 0 0 0 0 0\n@ IN NS ns.example.net\n*.redirect. IN A 100.100.100.2\n';
  const found = (await lint('zone', redirect, { zone: { origin: 'redirect.' } })).filter((f) => f.ruleId === 'zone/target-no-address');
  assert.deepEqual(found, []);
});

test('zone/target-no-address: a wildcard does not cover a name that exists, sits below an existing name, or has no address', async () => {
  // mail owns a TXT record: the wildcard does not apply to it (RFC 4592 §2.2.1)
  assert.deepEqual(await ruleTokens(zoneWith('*.example.com. A 192.0.2.9\nmail TXT "x"\n@ MX 10 mail'), 'zone/target-no-address'), [['mail', 'warning']]);
  // x.sub.example.com: sub exists (an empty non-terminal above y.sub), so *.example.com is not its wildcard
  assert.deepEqual(await ruleTokens(zoneWith('*.example.com. A 192.0.2.9\ny.sub A 192.0.2.8\n@ MX 10 x.sub'), 'zone/target-no-address'), [['x.sub', 'warning']]);
  // named: "*.max-ttl.nil/MX 'mail.max-ttl.nil' has no address records" when the wildcard holds only an MX
  assert.deepEqual(await ruleTokens(zoneWith('*.example.com. MX 10 mail\n@ MX 10 mail'), 'zone/target-no-address'), [['mail', 'warning'], ['mail', 'warning']]);
});

test('zone/target-no-address: names outside the zone are not ours to know', async () => {
  assert.deepEqual(await ruleTokens(zoneWith('@ MX 10 mail.example.net.\n_sip._tcp SRV 0 0 5060 sip.example.org.'), 'zone/target-no-address'), []);
});

test('zone/target-no-address: a target below a DNAME is redirected elsewhere (BIND good-occulted-ns-by-dname.db)', async () => {
  const text = '$TTL 300\nexample. SOA marka.isc.org. a.root.servers.nil. 2026 600 600 1200 600\nexample. DNAME example.net.\nexample. NS ns.example.net.\nfoo.example. NS exavider.example.\n';
  const found = (await lint('zone', text, { zone: { origin: 'example.' } })).filter((f) => f.ruleId === 'zone/target-no-address');
  assert.deepEqual(found, []);
  // without the DNAME the same target has no address
  const plain = text.replace('example. DNAME example.net.\n', '');
  assert.deepEqual((await lint('zone', plain, { zone: { origin: 'example.' } })).filter((f) => f.ruleId === 'zone/target-no-address').map((f) => f.severity), ['warning']);
});

const REVERSE_ZONE = (extra: string) => `$ORIGIN 2.0.192.in-addr.arpa.\n$TTL 300\n@ SOA ns1.example.net. hostmaster.example.net. 1 7200 3600 1209600 300\n@ NS ns1.example.net.\n${extra}\n`;
const badNames = async (text: string, origin?: string) =>
  (await lint('zone', text, origin ? { zone: { origin } } : {})).filter((f) => f.ruleId === 'zone/bad-owner-name').map((f) => rangeText(text, f));

test('zone/bad-owner-name follows BIND\'s exceptions: gc._msdcs and SPF exists targets are quiet A owners', async () => {
  assert.deepEqual(await badNames(zoneWith('gc._msdcs A 192.0.2.2\na._spf A 192.0.2.3\nb._spf_rate A 192.0.2.4\nc._spf_verify A 192.0.2.5')), []);
  // the SPF exception is checkowner_in_a's only; AAAA and MX owners have none, and other underscores still draw it
  assert.deepEqual(await badNames(zoneWith('a._spf AAAA 2001:db8::1\nx._tcp A 192.0.2.6')), ['a._spf', 'x._tcp']);
});

test('zone/bad-owner-name: a wildcard owner written relative to the apex is a host name (alone or over labels); a `*` elsewhere is not', async () => {
  assert.deepEqual(await badNames(zoneWith('* A 192.0.2.7\n*.w A 192.0.2.8\n*.W MX 10 www')), []);
  assert.deepEqual(await badNames(zoneWith('a.* A 192.0.2.9\nx*y A 192.0.2.10')), ['a.*', 'x*y']);
});

test('zone/bad-owner-name checks the host names named checks: PTR in reverse zones, SVCB service form, DSYNC, AFSDB, RT', async () => {
  assert.deepEqual(await badNames(REVERSE_ZONE('1 PTR bad_host.example.net.\nb._dns-sd._udp PTR !@#3.\nlb._dns-sd._tcp PTR x_y.example.net.'), '2.0.192.in-addr.arpa.'), ['bad_host.example.net.', 'x_y.example.net.']);
  // a PTR outside the reverse trees, and SVCB in alias form, are not host names to check-names
  assert.deepEqual(await badNames(zoneWith('_svc PTR x_y.example.net.\nalias SVCB 0 _under.example.net.')), []);
  assert.deepEqual(await badNames(zoneWith('svc SVCB 1 _under.example.net. alpn=h2\n_dsync DSYNC CDS 1 5359 _n.example.net.\nafs AFSDB 1 a_b.example.net.\nrt RT 1 r_t.example.net.')), ['_under.example.net.', '_n.example.net.', 'a_b.example.net.', 'r_t.example.net.']);
});

test('$GENERATE: a negative offset prints as unsigned in hex and nibble modes, as named does (BIND good-generate-modifier.db)', async () => {
  const text = zoneWith('$GENERATE 1024-1025 ${-2000,0,n} AAAA 2001:db8::${0,4,x}\n$GENERATE 1-1 x${-2,0,x} A 192.0.2.9');
  const ast = parseZone(text, CTX);
  assert.deepEqual(ast.records.filter((r) => r.generated).map((r) => r.owner), ['0.3.c.f.f.f.f.f.example.com.', '1.3.c.f.f.f.f.f.example.com.', 'xffffffff.example.com.']);
  assert.deepEqual(await badNames(text), []);
});
