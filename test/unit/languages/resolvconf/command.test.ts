import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as path from 'node:path';
import test from 'node:test';
import * as dnsPacket from 'dns-packet';
import type { CommandContext } from '../../../../server/src/core/command';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { makeResolvePlanCommand, runResolvePlanCommand } from '../../../../server/src/languages/resolvconf/command';
import { cliPath, repoRoot } from '../../../helpers';

const POD = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

function ctx(documents: Record<string, string> = {}, libc: 'glibc' | 'musl' = 'glibc'): CommandContext {
  return {
    settings: { ...DEFAULT_SETTINGS, resolvconf: { libc } },
    trusted: true,
    isCancelled: () => false,
    documentText: (uri) => documents[uri],
    log: () => undefined,
  };
}

test('the plan of an open document, in the order the resolver sends it', async () => {
  const report = await runResolvePlanCommand({ name: 'web', uri: 'file:///pod/resolv.conf' }, ctx({ 'file:///pod/resolv.conf': POD }));
  assert.equal(report.ok, true);
  assert.deepEqual((report.data as { queries: unknown[] }).queries.slice(0, 2), [
    { name: 'web.default.svc.cluster.local.', type: 'A' },
    { name: 'web.default.svc.cluster.local.', type: 'AAAA' },
  ]);
  assert.equal((report.data as { queries: unknown[] }).queries.length, 8);
  assert.match(report.text, /ndots:5 \(line 3\)/);
});

test('libc from the arguments, else from infraLens.resolvconf.libc', async () => {
  const text = 'nameserver 10.0.0.1\nsearch corp.example\noptions no-aaaa ndots:2\n';
  const glibc = await runResolvePlanCommand({ name: 'web', resolvConfText: text }, ctx());
  assert.deepEqual(glibc.data, { queries: [{ name: 'web.corp.example.', type: 'A' }, { name: 'web.', type: 'A' }] });
  const musl = await runResolvePlanCommand({ name: 'web', resolvConfText: text }, ctx({}, 'musl'));
  assert.equal((musl.data as { queries: unknown[] }).queries.length, 4, 'musl ignores no-aaaa');
  const forced = await runResolvePlanCommand({ name: 'web', resolvConfText: text, libc: 'glibc' }, ctx({}, 'musl'));
  assert.equal((forced.data as { queries: unknown[] }).queries.length, 2);
});

test('RES_OPTIONS and LOCALDOMAIN apply under glibc', async () => {
  const report = await runResolvePlanCommand({ name: 'web', resolvConfText: POD, env: { LOCALDOMAIN: 'corp.example', RES_OPTIONS: 'no-aaaa' } }, ctx());
  assert.deepEqual(report.data, { queries: [{ name: 'web.corp.example.', type: 'A' }, { name: 'web.', type: 'A' }] });
});

test('clear failures: no name, a closed document, a file that hangs glibc, --send when untrusted', async () => {
  assert.equal((await runResolvePlanCommand({ name: ' ' }, ctx())).ok, false);
  const closed = await runResolvePlanCommand({ name: 'web', uri: 'file:///nope' }, ctx());
  assert.match(closed.error ?? '', /not open/);
  const hang = await runResolvePlanCommand({ name: 'web', resolvConfText: 'sortlist bad/8\n' }, ctx());
  assert.match(hang.error ?? '', /loops forever on line 1/);
  const send = await runResolvePlanCommand({ name: 'web', resolvConfText: POD, send: true }, { ...ctx(), trusted: false });
  assert.equal(send.ok, false);
  assert.match(send.error ?? '', /untrusted/);
});

/** A loopback responder: NXDOMAIN for everything but the given answers; counts what it saw. */
async function responder(answers: Record<string, { A?: string; nodata?: boolean }>): Promise<{ port: number; seen: string[]; close: () => void }> {
  const socket = dgram.createSocket('udp4');
  const seen: string[] = [];
  socket.on('message', (msg, rinfo) => {
    const q = dnsPacket.decode(msg);
    const question = q.questions![0];
    seen.push(`${question.name}. ${question.type}`);
    const known = answers[question.name.toLowerCase()];
    const reply = dnsPacket.encode({
      type: 'response',
      id: q.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known ? 0 : 3),
      questions: q.questions,
      answers: known?.A && question.type === 'A' ? [{ type: 'A', name: question.name, ttl: 60, data: known.A }] : [],
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, seen, close: () => socket.close() };
}

test('--send asks a real server, in plan order, and stops where glibc and musl stop', async (t) => {
  const server = await responder({ 'web.b.example': { A: '192.0.2.7' }, 'web.a.example': { nodata: true } });
  t.after(() => server.close());
  const text = 'nameserver 127.0.0.1\nsearch a.example b.example c.example\noptions ndots:2 timeout:1 attempts:1\n';
  const send = makeResolvePlanCommand(server.port);
  const glibc = await send({ name: 'web', resolvConfText: text, send: true }, ctx());
  assert.equal(glibc.ok, true);
  assert.equal(glibc.exitCode, 0);
  const queries = (glibc.data as { queries: Array<{ name: string; type: string; status?: string; answers?: string[] }> }).queries;
  assert.deepEqual(queries.map((q) => `${q.name} ${q.type} ${q.status}`), [
    'web.a.example. A NOERROR',
    'web.a.example. AAAA NOERROR',
    'web.b.example. A NOERROR',
    'web.b.example. AAAA NOERROR',
  ]);
  assert.match(queries[2].answers?.[0] ?? '', /192\.0\.2\.7/);
  assert.match(glibc.text, /Answered by web\.b\.example\.$/m, "one full stop after an absolute name");
  assert.deepEqual(server.seen, queries.map((q) => `${q.name} ${q.type}`), 'the server saw exactly these');
  // musl stops at the NODATA of web.a.example.
  const musl = await send({ name: 'web', resolvConfText: text, send: true, libc: 'musl' }, ctx());
  assert.deepEqual((musl.data as { queries: Array<{ name: string }> }).queries.map((q) => q.name), ['web.a.example.', 'web.a.example.']);
  assert.equal(musl.exitCode, 1);
  assert.match(musl.text, /NODATA/);
});

test('no query for an address literal; none under glibc with attempts:0', async () => {
  const literal = await runResolvePlanCommand({ name: '10.0.0.1', resolvConfText: POD }, ctx());
  assert.deepEqual(literal.data, { queries: [] });
  const zero = await runResolvePlanCommand({ name: 'web', resolvConfText: 'options attempts:0\n' }, ctx());
  assert.deepEqual(zero.data, { queries: [] });
  assert.match(zero.text, /No query is sent/);
});

test('CLI: resolve-plan --json on the fixtures prints the contract shape', () => {
  const file = path.join(repoRoot, 'fixtures', 'resolvconf', 'pod.resolv.conf');
  const out = execFileSync(process.execPath, [cliPath, 'resolve-plan', 'api.github.com', '--resolv-conf', file, '--json'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  const data = JSON.parse(out) as { queries: Array<{ name: string; type: string }> };
  assert.deepEqual(Object.keys(data), ['queries']);
  assert.deepEqual(data.queries.map((q) => `${q.name} ${q.type}`).slice(-2), ['api.github.com. A', 'api.github.com. AAAA']);
  assert.equal(data.queries.length, 8);
  const musl = spawnSync(process.execPath, [cliPath, 'resolve-plan', 'web', '--resolv-conf', file, '--libc', 'musl'], { encoding: 'utf8' });
  assert.equal(musl.status, 0);
  assert.match(musl.stdout, /with musl/);
  const bad = spawnSync(process.execPath, [cliPath, 'resolve-plan', 'web', '--libc', 'uclibc'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('CLI: lint on fixtures/resolvconf finds the mistakes and passes the clean file', () => {
  const dir = path.join(repoRoot, 'fixtures', 'resolvconf');
  const bad = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', path.join(dir, 'resolv.conf')], { encoding: 'utf8' });
  const [result] = JSON.parse(bad.stdout) as Array<{ diagnostics: Array<{ code: string }> }>;
  const codes = new Set(result.diagnostics.map((d) => d.code));
  for (const id of ['unknown-keyword', 'duplicate-nameserver', 'domain-and-search', 'value-capped', 'unknown-option', 'ignored-line', 'sortlist-mask']) assert.ok(codes.has(`resolvconf/${id}`), id);
  const clean = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', path.join(dir, 'clean')], { encoding: 'utf8' });
  assert.equal(clean.status, 0);
  assert.deepEqual((JSON.parse(clean.stdout) as Array<{ diagnostics: unknown[] }>).flatMap((r) => r.diagnostics), []);
});
