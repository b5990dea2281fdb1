// Findings seen on real, deployed Corefiles: a duration where cache wants a TTL, tls://
// host names by CoreDNS version, plugins of custom builds, and resolv-conf-loop's severity
// on the upstream defaults versus where the loop is real.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { lint } from '../../../helpers';

const coredns = (c: Partial<typeof DEFAULT_SETTINGS.coredns>) => ({ coredns: { ...DEFAULT_SETTINGS.coredns, ...c } });

test("cache 1h offers 'cache 3600'; sub-second durations and plain TTLs are left alone", async () => {
  const [f] = (await lint('corefile', '.:53 {\n    cache 1h\n    forward . 10.0.0.2\n}\n')).filter((x) => x.ruleId === 'corefile/cache-ttl-duration');
  assert.equal(f.fixes?.[0].edits[0].newText, '3600');
  assert.equal(f.fixes?.[0].title, "Change to 'cache 3600'");
  assert.deepEqual((await lint('corefile', '.:53 {\n    cache 30 example.org\n}\n')).filter((x) => x.ruleId === 'corefile/cache-ttl-duration'), []);
});

test('forward . tls://dns.quad9.net is rejected before CoreDNS 1.14.7 and accepted from it', async () => {
  const text = '.:53 {\n    forward . tls://dns.quad9.net {\n        tls_servername dns.quad9.net\n    }\n}\n';
  const before = (await lint('corefile', text, coredns({ version: '1.14.6' }))).filter((f) => f.ruleId === 'corefile/invalid-value');
  assert.equal(before.length, 1);
  assert.match(before[0].message, /not an IP address or file: "dns.quad9.net"/);
  assert.deepEqual(before[0].range, { start: { line: 1, character: 14 }, end: { line: 1, character: 33 } });
  assert.deepEqual(await lint('corefile', text, coredns({ version: '1.14.7' })), []);
  assert.deepEqual(await lint('corefile', '.:53 {\n    forward . tls://9.9.9.9 {\n        tls_servername dns.quad9.net\n    }\n}\n', coredns({ version: '1.11.1' })), []);
});

test("infraLens.coredns.externalPlugins accepts a custom build's plugins; otherwise the fix declares them", async () => {
  const text = '.:53 {\n    unbound\n    alternate SERVFAIL . 10.0.0.2\n}\n';
  const unknown = (await lint('corefile', text)).filter((f) => f.ruleId === 'corefile/unknown-directive');
  assert.deepEqual(unknown.map((f) => f.range.start.line), [1, 2]);
  const declare = unknown[0].fixes?.find((x) => x.title === "Declare 'unbound' as an external plugin");
  assert.deepEqual(declare?.command, { command: 'infraLens.declareExternalPlugin', arguments: ['unbound'] });
  assert.deepEqual(await lint('corefile', text, coredns({ externalPlugins: ['unbound', 'alternate:53'] })), []);
});

const severityOf = async (text: string) => (await lint('corefile', text)).filter((f) => f.ruleId === 'corefile/resolv-conf-loop').map((f) => `${f.range.start.line}:${f.severity}`);

test('resolv-conf-loop: the upstream default is information; a loopback forward beside it makes both warnings', async () => {
  assert.deepEqual(await severityOf('.:53 {\n    forward . /etc/resolv.conf\n    loop\n}\n'), ['1:information']);
  assert.deepEqual(await severityOf('.:53 {\n    forward . /etc/resolv.conf\n    loop\n}\nexample.org {\n    forward . 127.0.0.1:5353\n    loop\n}\n'), ['1:warning', '5:warning']);
});

test("resolv-conf-loop: forwarding to this CoreDNS's own other server block is not a loop", async () => {
  const text = '.:53 {\n    forward example.internal 127.0.0.1:5300\n    forward . 10.0.0.2\n    loop\n}\n.:5300 {\n    whoami\n}\n';
  assert.deepEqual(await severityOf(text), []);
  assert.deepEqual(await severityOf(text.replace('.:5300', '.:5301')), ['1:warning']);
});
