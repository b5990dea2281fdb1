import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, pod } from './manifests';

const RULE = 'k8s/dns-config';

test('more than 3 nameservers, a bad IP, a bad search domain, an unnamed option', async () => {
  const f = await findingsOf(RULE, pod('dnsConfig:\n  nameservers: [10.0.0.1, 10.0.0.2, 10.0.0.3, dns.local]\n  searches: [Bad_Domain, ok.example.]\n  options: [{value: "1"}]\ncontainers: [{name: c}]'));
  assert.deepEqual(f.map((x) => x.message.slice(0, 70)), [
    'spec.dnsConfig.nameservers: Invalid value: []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "dns.local"}'.slice(0, 70),
    'spec.dnsConfig.nameservers[3]: Invalid value: "dns.local": must be a valid IP address'.slice(0, 70),
    'spec.dnsConfig.searches[0]: Invalid value: "Bad_Domain": a lowercase RFC 1123 subdomain must consist'.slice(0, 70),
    'spec.dnsConfig.options[0].name: Required value: Option.Name must not be empty'.slice(0, 70),
  ]);
  assert.match(f[0].message, /must not have more than 3 nameservers$/);
});

test('33 search domains and over 2048 characters', async () => {
  const many = Array.from({ length: 33 }, (_, i) => `d${i}.example`).join(', ');
  assert.match((await findingsOf(RULE, pod(`dnsConfig: {searches: [${many}]}\ncontainers: [{name: c}]`)))[0].message, /must not have more than 32 search paths/);
  const long = Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(97 + i).repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example`).join(', ');
  assert.match((await findingsOf(RULE, pod(`dnsConfig: {searches: [${long}]}\ncontainers: [{name: c}]`)))[0].message, /must not have more than 2048 characters/);
});

test('ndots above 5 and below 1 are warnings with the query cost; 1..5 is quiet', async () => {
  const ndots = (n: string) => pod(`dnsConfig:\n  options: [{name: ndots, value: "${n}"}]\ncontainers: [{name: c}]`);
  const [high] = await findingsOf(RULE, ndots('6'));
  assert.equal(high.severity, 'warning');
  assert.match(high.message, /"api\.example\.com" is tried as 3 other names \(6 queries, A and AAAA\) before itself: api\.example\.com\.default\.svc\.cluster\.local\., api\.example\.com\.svc\.cluster\.local\., …/);
  assert.equal((await findingsOf(RULE, ndots('0')))[0].severity, 'warning');
  assert.deepEqual(await findingsOf(RULE, ndots('2')), []);
});
