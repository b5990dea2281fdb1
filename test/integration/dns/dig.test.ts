// `infra-lens dig` against a real BIND started by this test, with dig as the oracle.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { runCheckRecordCommand } from '../../../server/src/live/dns/checkRecord';
import { DEFAULT_CLIENT_OPTIONS } from '../../../server/src/live/dns/client';
import { cliPath } from '../../helpers';
import { EXAMPLE_ZONE, type RunningNamed, startNamed } from './fixture';

let named: RunningNamed;

before(async () => {
  named = await startNamed();
});

after(async () => {
  await named?.stop();
});

interface DigJson {
  mode: string;
  outcome: string;
  status?: string;
  flags?: string[];
  question: Array<{ name: string; type: string; class: string }>;
  answer: Array<{ name: string; type: string; data: string }>;
  authority: Array<{ name: string; type: string; data: string }>;
  transport?: string;
  truncatedRetry?: boolean;
  error?: string;
}

function ours(args: string[]): { status: number; json: DigJson } {
  const r = spawnSync(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(named.port), ...args, '--json'], { encoding: 'utf8' });
  const parsed = JSON.parse(r.stdout);
  return { status: r.status ?? -1, json: parsed.data && parsed.error ? parsed.data : parsed };
}

function dig(args: string[], server = '127.0.0.1'): string[] {
  const out = execFileSync('dig', [`@${server}`, '-p', String(named.port), '+time=2', '+tries=1', ...args], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '' && !l.startsWith(';'));
}

/** Every (owner, type) in the fixture zone, owners made absolute. */
function zoneRRsets(): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const line of EXAMPLE_ZONE.split('\n')) {
    const m = /^(\S+)\s+IN\s+(\S+)/.exec(line);
    if (!m) continue;
    const owner = m[1] === '@' ? 'example.test.' : `${m[1].replace('*', 'a')}.example.test.`;
    const key = `${owner} ${m[2]}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([owner, m[2]]);
    }
  }
  return out;
}

test('for every record type in the fixture zone, dig --json returns exactly the RRset dig +short returns', () => {
  const rrsets: Array<[string, string]> = [
    ...zoneRRsets(),
    // the signed copies: DNSSEC types dns-packet decodes (and NSEC3PARAM it does not)
    ['signed.test.', 'DNSKEY'], ['signed.test.', 'RRSIG'], ['signed.test.', 'NSEC'], ['www.signed.test.', 'RRSIG'],
    ['nsec3.test.', 'NSEC3PARAM'], ['nsec3.test.', 'DNSKEY'], ['_dns.signed.test.', 'SVCB'],
  ];
  const types = new Set(rrsets.map(([, t]) => t));
  for (const t of ['A', 'AAAA', 'MX', 'TXT', 'SOA', 'SRV', 'CAA', 'TLSA', 'SSHFP', 'NAPTR', 'HTTPS', 'SVCB', 'RP', 'TYPE65280', 'CNAME', 'NS', 'DS', 'HINFO', 'URI', 'AFSDB', 'KX', 'DNAME', 'SPF', 'EUI48', 'EUI64', 'DHCID', 'CSYNC', 'OPENPGPKEY', 'LOC']) assert.ok(types.has(t), `fixture has ${t}`);
  let nonEmpty = 0;
  for (const [name, type] of rrsets) {
    const expected = dig(['+short', name, type]).sort();
    const { status, json } = ours([name, type]);
    assert.equal(status, 0, `${name} ${type}`);
    assert.equal(json.outcome, 'answer');
    assert.deepEqual(json.answer.map((a) => a.data).sort(), expected, `${name} ${type}`);
    if (expected.length) nonEmpty++;
  }
  assert.ok(nonEmpty >= rrsets.length - 3, `${nonEmpty} of ${rrsets.length} RRsets had records`); // only delegation/glue owners answer with a referral
});

test('the record sections print byte for byte as dig prints them (columns, escapes, splitting)', () => {
  const sections = ['+noall', '+question', '+answer', '+authority', '+additional'];
  for (const q of [['example.test', 'ANY'], ['www.example.test'], ['-x', '192.0.2.10'], ['-x', '2001:db8::10'], ['signed.test', 'DNSKEY', '+dnssec'], ['nsec3.test', 'NSEC3PARAM'],
    ['nx.nsec3.test', '+dnssec'], ['big.example.test', 'TXT'], ['svc.example.test', 'HTTPS'], ['unk.example.test', 'TYPE65280'], ['esc.example.test', 'TXT'], ['sub.example.test', 'NS']]) {
    const expected = execFileSync('dig', ['@127.0.0.1', '-p', String(named.port), '+nocookie', ...sections, ...q], { encoding: 'utf8' });
    const actual = spawnSync(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(named.port), ...sections, ...q], { encoding: 'utf8' }).stdout;
    assert.equal(actual, expected, q.join(' '));
  }
});

test('the whole default output is dig\'s, apart from ids, timings and the version banner', () => {
  const norm = (t: string) => t.replace(/id: \d+/, 'id: N').replace(/Query time: \d+/, 'Query time: N').replace(/WHEN: .*/, 'WHEN: X')
    .replace(/rcvd: \d+/, 'rcvd: N').replace(/^; <<>>.*\n/m, '');
  for (const q of [['www.example.test'], ['nx.example.test'], ['example.invalid'], ['big.example.test', 'TXT'], ['www.example.test', '+norec'], ['www.example.test', '+noedns'],
    ['+noquestion', '-x', '192.0.2.10'], ['+nostats', 'mx', 'example.test'], ['www.example.test', '+dnssec', '+nocomments']]) {
    const expected = execFileSync('dig', ['@127.0.0.1', '-p', String(named.port), '+nocookie', ...q], { encoding: 'utf8' });
    const actual = spawnSync(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(named.port), ...q], { encoding: 'utf8' }).stdout;
    assert.equal(norm(actual), norm(expected), q.join(' '));
  }
});

test('NSEC3 and NSEC denial records in the authority section match dig', () => {
  for (const name of ['nx.nsec3.test.', 'nx.signed.test.']) {
    const expected = dig(['+dnssec', '+noall', '+authority', name]).map((l) => l.split(/\s+/).slice(3).join(' ')).sort();
    const { json } = ours(['+dnssec', name]);
    assert.equal(json.status, 'NXDOMAIN');
    assert.deepEqual(json.authority.map((r) => `${r.type} ${r.data}`).sort(), expected);
  }
});

test('the big TXT RRset (2097 bytes) arrives over TCP after TC=1, complete', () => {
  const expected = dig(['+short', 'big.example.test', 'TXT']).sort();
  assert.equal(expected.length, 20);
  const { json } = ours(['big.example.test', 'TXT']);
  assert.equal(json.transport, 'TCP');
  assert.equal(json.truncatedRetry, true);
  assert.deepEqual(json.answer.map((a) => a.data).sort(), expected);
  const udpOnly = ours(['big.example.test', 'TXT', '+ignore']).json;
  assert.ok(udpOnly.flags!.includes('tc'), 'BIND sets TC=1 over UDP');
  assert.equal(udpOnly.transport, 'UDP');
  assert.equal(udpOnly.answer.length, 0);
  const text = spawnSync(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(named.port), 'big.example.test', 'TXT'], { encoding: 'utf8' }).stdout;
  assert.match(text, /;; Truncated, retrying in TCP mode\./);
  assert.match(text, /\(TCP\)/);
});

test('-x works for IPv4 and IPv6 (over both families), as dig answers', () => {
  for (const [addr, server] of [['192.0.2.10', '127.0.0.1'], ['2001:db8::10', '127.0.0.1'], ['2001:db8::10', '::1'], ['192.0.2.10', '::1']]) {
    const expected = dig(['+short', '-x', addr], server);
    assert.deepEqual(expected, ['www.example.test.']);
    const r = spawnSync(process.execPath, [cliPath, 'dig', `@${server}`, '-p', String(named.port), '-x', addr, '--json'], { encoding: 'utf8' });
    const json = JSON.parse(r.stdout) as DigJson;
    assert.deepEqual(json.answer.map((a) => a.data), expected, `${addr} via ${server}`);
    assert.equal(json.question[0].type, 'PTR');
  }
});

test('NXDOMAIN and REFUSED are answers (exit 0), shown like dig shows them', () => {
  const nx = ours(['nope.example.test']);
  assert.equal(nx.status, 0);
  assert.equal(nx.json.status, 'NXDOMAIN');
  const refused = ours(['example.invalid']); // a zone this server does not serve
  assert.equal(refused.status, 0);
  assert.equal(refused.json.status, 'REFUSED');
  const digStatus = execFileSync('dig', ['@127.0.0.1', '-p', String(named.port), 'example.invalid'], { encoding: 'utf8' });
  assert.match(digStatus, /status: REFUSED/);
});

test('+tcp goes over TCP, and +short text is byte-for-byte what dig prints', () => {
  assert.equal(ours(['www.example.test', '+tcp']).json.transport, 'TCP');
  const short = spawnSync(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(named.port), '+short', 'chain.example.test'], { encoding: 'utf8' }).stdout;
  assert.equal(short, execFileSync('dig', ['@127.0.0.1', '-p', String(named.port), '+short', 'chain.example.test'], { encoding: 'utf8' }));
});

test('a dead port (a UDP sink) times out within the configured time, exit 9 like dig', async () => {
  const sink = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', () => resolve()));
  const port = sink.address().port;
  try {
    const timeoutMs = 1000;
    const tries = 2;
    const started = Date.now();
    const child = spawn(process.execPath, [cliPath, 'dig', '@127.0.0.1', '-p', String(port), 'www.example.test', `+timeout=${timeoutMs / 1000}`, `+tries=${tries}`, '--json']);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const elapsed = Date.now() - started;
    assert.equal(code, 9);
    const parsed = JSON.parse(stdout) as { error: string; data: DigJson };
    assert.match(parsed.error, /no servers could be reached/);
    assert.equal(parsed.data.outcome, 'no-reply');
    // At least every configured try waited out its timeout; and well short of what the
    // defaults would take, so the options were honoured. The upper bound is the defaults'
    // total, not a guess at start-up time, so a busy machine cannot fail this.
    const configured = tries * timeoutMs;
    const defaults = DEFAULT_CLIENT_OPTIONS.tries * DEFAULT_CLIENT_OPTIONS.timeoutMs;
    assert.ok(elapsed >= configured, `took ${elapsed} ms, less than ${tries} tries of ${timeoutMs} ms`);
    assert.ok(elapsed < defaults, `took ${elapsed} ms: as long as the default ${defaults} ms, so +timeout/+tries were ignored`);
  } finally {
    sink.close();
  }
});

test('the live record check agrees with the zone file, and notices a difference', async () => {
  const ctx = { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 2000, tries: 1, rootHints: [] } }, trusted: true, isCancelled: () => false, log: () => undefined };
  const base = { servers: ['127.0.0.1'], port: named.port };
  // The rdata as the zone file spells it (relative names, unquoted words, any case).
  const mx = await runCheckRecordCommand({ ...base, name: 'example.test.', type: 'MX', expected: ['10 mail', '20 MAIL2.example.test.'] }, ctx);
  assert.equal(mx.exitCode, 0, mx.text);
  const txt = await runCheckRecordCommand({ ...base, name: 'esc.example.test.', type: 'TXT', expected: ['"say \\"hi\\"" "semi;colon" "tab\\009bin\\200\\255"'] }, ctx);
  assert.equal(txt.exitCode, 0, txt.text);
  const stale = await runCheckRecordCommand({ ...base, name: 'www.example.test.', type: 'A', expected: ['192.0.2.10', '192.0.2.12'] }, ctx);
  assert.equal(stale.exitCode, 1);
  assert.match(stale.text, /- in the file, not live: 192\.0\.2\.12/);
  assert.match(stale.text, /\+ live, not in the file: 192\.0\.2\.11/);
  assert.match(stale.text, /\(authoritative\)/);
});

test('batch mode: `dig -f FILE` prints what dig -f prints for the same file (comments, +short carried, @server per line)', () => {
  const dir = fs.mkdtempSync('/tmp/dig-batch-');
  const file = `${dir}/names`;
  fs.writeFileSync(file, 'www.example.test A\n\n# a comment\n; another\nexample.test MX\ntxt2.example.test TXT +noshort\n  mail.example.test\nsvc.example.test HTTPS @127.0.0.1 +short\n_sip._tcp.example.test SRV\n');
  try {
    const args = ['@127.0.0.1', '-p', String(named.port), '+short', '-f', file];
    const theirs = execFileSync('dig', args, { encoding: 'utf8' });
    const r = spawnSync(process.execPath, [cliPath, 'dig', ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    console.log(`# batch of 6 lookups: dig printed ${theirs.split('\n').length - 1} lines`);
    assert.equal(r.stdout, theirs);
    const json = spawnSync(process.execPath, [cliPath, 'dig', ...args, '--json'], { encoding: 'utf8' });
    const results = JSON.parse(json.stdout) as DigJson[];
    assert.deepEqual(results.map((x) => x.question[0].type), ['A', 'MX', 'TXT', 'A', 'HTTPS', 'SRV']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
