// +trace over fake authoritative servers on 127.0.0.2-4 (Linux routes all of 127/8 to lo):
// root -> test. -> example.test., glueless NS names, out-of-bailiwick glue, loops.

import assert from 'node:assert/strict';
import * as dnsPacket from 'dns-packet';
import test from 'node:test';
import type { CommandContext } from '../../../../server/src/core/command';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { runDigCommand } from '../../../../server/src/live/dns/command';
import type { TraceResult } from '../../../../server/src/live/dns/trace';
import { type FakeQuery, type FakeServer, reply, startFakeServer } from './fakeServer';

type Rec = dnsPacket.Answer;
const ns = (name: string, target: string): Rec => ({ name, type: 'NS', ttl: 300, data: target } as Rec);
const a = (name: string, address: string): Rec => ({ name, type: 'A', ttl: 300, data: address } as Rec);

function under(name: string, zone: string): boolean {
  return name === zone || name.endsWith('.' + zone);
}

function root(q: FakeQuery): Buffer[] {
  const name = q.packet.questions![0].name.toLowerCase();
  if (under(name, 'test')) return [reply(q, { flags: 0, authorities: [ns('test', 'ns.nic.test')], additionals: [a('ns.nic.test', '127.0.0.3')] })];
  return [reply(q, { rcode: 3, authorities: [{ name: '.', type: 'SOA', ttl: 300, data: { mname: 'a.root.test', rname: 'h.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 } } as Rec] })];
}

function tld(q: FakeQuery): Buffer[] {
  const name = q.packet.questions![0].name.toLowerCase();
  if (name === 'ns.other.test') return [reply(q, { answers: [a('ns.other.test', '127.0.0.4')] })];
  if (under(name, 'example.test')) return [reply(q, { flags: 0, authorities: [ns('example.test', 'ns1.example.test')], additionals: [a('ns1.example.test', '127.0.0.4')] })];
  if (under(name, 'glueless.test')) return [reply(q, { flags: 0, authorities: [ns('glueless.test', 'ns.other.test')] })];
  // out-of-bailiwick "glue" that must not be used
  if (under(name, 'poison.test')) return [reply(q, { flags: 0, authorities: [ns('poison.test', 'ns.evil.example')], additionals: [a('ns.evil.example', '127.0.0.4')] })];
  if (under(name, 'loop.test')) return [reply(q, { flags: 0, authorities: [ns('loop.test', 'ns.loop.test')], additionals: [a('ns.loop.test', '127.0.0.4')] })];
  if (under(name, 'mutual.test')) return [reply(q, { flags: 0, authorities: [ns('mutual.test', 'ns.mutual2.test')] })];
  if (under(name, 'mutual2.test')) return [reply(q, { flags: 0, authorities: [ns('mutual2.test', 'ns.mutual.test')] })];
  return [reply(q, { rcode: 3 })];
}

function leaf(q: FakeQuery): Buffer[] {
  const name = q.packet.questions![0].name.toLowerCase();
  if (name === 'www.example.test' || name === 'www.glueless.test' || name === 'www.poison.test') return [reply(q, { answers: [a(name, '192.0.2.10')] })];
  // a server that refers to its own zone again (horizontal referral)
  if (under(name, 'loop.test')) return [reply(q, { flags: 0, authorities: [ns('loop.test', 'ns.loop.test')], additionals: [a('ns.loop.test', '127.0.0.4')] })];
  return [reply(q, { rcode: 5 })];
}

async function startChain(): Promise<FakeServer[]> {
  for (let attempt = 0; ; attempt++) {
    const first = await startFakeServer(root, '127.0.0.2');
    try {
      return [first, await startFakeServer(tld, '127.0.0.3', first.port), await startFakeServer(leaf, '127.0.0.4', first.port)];
    } catch (e) {
      await first.close();
      if (attempt > 5) throw e;
    }
  }
}

function ctx(rootHints: string[]): CommandContext {
  return { settings: { ...DEFAULT_SETTINGS, dns: { timeoutMs: 300, tries: 1, rootHints } }, trusted: true, isCancelled: () => false, log: () => undefined };
}

async function traceOf(servers: FakeServer[], name: string, extra: string[] = []) {
  const report = await runDigCommand({ argv: ['-p', String(servers[0].port), '+trace', name, ...extra] }, ctx(['127.0.0.2']));
  return { report, data: report.data as TraceResult & { mode: string } };
}

test('+trace follows the referral chain root -> test. -> example.test. from private root hints', async () => {
  const servers = await startChain();
  try {
    const { report, data } = await traceOf(servers, 'www.example.test');
    assert.equal(report.exitCode, 0, report.text);
    assert.equal(data.mode, 'trace');
    assert.equal(data.outcome, 'answer');
    assert.deepEqual(data.hops.map((h) => [h.zone, h.kind, h.server.split('#')[0]]), [
      ['.', 'referral', '127.0.0.2'], ['test.', 'referral', '127.0.0.3'], ['example.test.', 'answer', '127.0.0.4'],
    ]);
    assert.deepEqual(data.hops[0].records.map((r) => `${r.name} ${r.type} ${r.data}`), ['test. NS ns.nic.test.']);
    assert.deepEqual(data.hops[2].records.map((r) => r.data), ['192.0.2.10']);
    assert.match(report.text, /;; Received \d+ bytes from 127\.0\.0\.3#\d+\(ns\.nic\.test\)/);
    const short = await runDigCommand({ argv: ['-p', String(servers[0].port), '+trace', '+short', 'www.example.test'] }, ctx(['127.0.0.2']));
    assert.match(short.text, /^A 192\.0\.2\.10 from server 127\.0\.0\.4 in \d+ ms\.$/m);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

test('+trace resolves glueless NS names itself and ignores out-of-bailiwick glue', async () => {
  const servers = await startChain();
  try {
    const glueless = await traceOf(servers, 'www.glueless.test');
    assert.equal(glueless.data.outcome, 'answer', glueless.report.text);
    assert.equal(glueless.data.hops.at(-1)!.server.split('#')[0], '127.0.0.4');
    const poison = await traceOf(servers, 'www.poison.test');
    assert.equal(poison.data.outcome, 'failed');
    assert.match(poison.data.error!, /couldn't get address for 'ns\.evil\.example\.'/);
    assert.equal(servers[2].queries.filter((q) => q.packet.questions![0].name === 'www.poison.test').length, 0, 'the poisoned glue address was never asked');
    assert.equal(poison.report.exitCode, 9);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

test('+trace stops on horizontal referrals and mutually glueless delegations, within its budget', async () => {
  const servers = await startChain();
  try {
    const loop = await traceOf(servers, 'www.loop.test');
    assert.equal(loop.data.outcome, 'failed');
    assert.match(loop.data.error!, /HORIZONTAL/);
    const mutual = await traceOf(servers, 'www.mutual.test');
    assert.equal(mutual.data.outcome, 'failed');
    assert.ok(mutual.data.queries <= 100, `${mutual.data.queries} queries`);
    assert.match(mutual.data.error!, /couldn't get address|depth limit/);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

test('+trace reports NXDOMAIN from the authority as a final negative answer', async () => {
  const servers = await startChain();
  try {
    const { data, report } = await traceOf(servers, 'nope.invalid');
    assert.equal(data.outcome, 'nxdomain');
    assert.equal(report.exitCode, 0);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

test('root hints must be addresses: a name there is a clear error, never looked up', async () => {
  const report = await runDigCommand({ argv: ['+trace', 'www.example.test'] }, ctx(['a.root-servers.net']));
  assert.equal(report.ok, false);
  assert.equal(report.exitCode, 1);
  assert.match(report.error!, /rootHints: 'a\.root-servers\.net' is not an IP address/);
});
