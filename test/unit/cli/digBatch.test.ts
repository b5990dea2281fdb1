// dig's batch mode (`infra-lens dig -f FILE`): how the lines become lookups, and the files it
// refuses. The lookups themselves are compared with dig in test/integration/dns/dig.test.ts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import * as dnsPacket from 'dns-packet';
import { BATCH_WINDOW, batchLookups, batchOption, batchOutput, EXIT_BATCH_FILE, runBatchLookups } from '../../../server/src/cli/commands/dig';
import { cliPath } from '../../helpers';
import { type FakeQuery, reply, startFakeServer } from '../live/dns/fakeServer';

test('batchOption takes -f FILE and -fFILE out of the command line', () => {
  assert.deepEqual(batchOption(['@1.1.1.1', '-f', 'names', '+short']), { file: 'names', rest: ['@1.1.1.1', '+short'] });
  assert.deepEqual(batchOption(['-fnames']), { file: 'names', rest: [] });
  assert.equal(batchOption(['example.com', '-p', '53']), undefined);
  assert.equal(batchOption(['-f']), undefined, 'no file: left to the usual usage error');
});

test('batchLookups: one lookup per line, comments and blanks skipped, the command line added to each', () => {
  const text = 'www.example.test A\n\n# a comment\n; another\r\n  example.test   MX  \nsvc.example.test HTTPS @10.0.0.1\n';
  assert.deepEqual(batchLookups(['@127.0.0.1', '-p', '5353', '+short'], text), [
    ['@127.0.0.1', '-p', '5353', '+short', 'www.example.test', 'A'],
    ['@127.0.0.1', '-p', '5353', '+short', 'example.test', 'MX'],
    ['-p', '5353', '+short', 'svc.example.test', 'HTTPS', '@10.0.0.1'],
  ]);
});

test('batchLookups: a name on the command line is looked up first; +short/+noshort carry to later lines, other options do not', () => {
  assert.deepEqual(batchLookups(['+short', 'first.test', '--json'], 'a.test -t MX +noshort\nb.test\n'), [
    ['+short', 'first.test'],
    ['+short', 'a.test', '-t', 'MX', '+noshort'],
    ['+short', '+noshort', 'b.test'],
  ]);
  assert.deepEqual(batchLookups([], ''), []);
});

test('batchOutput: straight through to a terminal; to a pipe in blocks, all of it after flush, in order', () => {
  const tty: string[] = [];
  const direct = batchOutput(true, (t) => tty.push(t), 10);
  direct.write('a\n');
  direct.write('b\n');
  assert.deepEqual(tty, ['a\n', 'b\n'], 'a terminal sees each lookup as it ends');
  const piped: string[] = [];
  const blocks = batchOutput(false, (t) => piped.push(t), 10);
  blocks.write('12345\n');
  assert.deepEqual(piped, [], 'below a block nothing is written yet');
  blocks.write('67890\n');
  assert.deepEqual(piped, ['12345\n67890\n'], 'a full block is written at once');
  blocks.write('tail\n');
  blocks.flush();
  blocks.flush();
  assert.deepEqual(piped, ['12345\n67890\n', 'tail\n'], 'flush writes the rest once');
});

test('dig -f on a missing file, a directory, /dev/zero or a binary file: a message and exit 8, no hang', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dig-batch-'));
  const binary = path.join(dir, 'names.bin');
  fs.writeFileSync(binary, Buffer.from([0x61, 0, 0x62, 0x0a]));
  try {
    for (const [file, reason] of [[path.join(dir, 'absent'), /no such file/], [dir, /is a directory/], ['/dev/zero', /over the \d+-byte limit/], [binary, /binary file/]] as const) {
      const r = spawnSync(process.execPath, [cliPath, 'dig', '-f', file], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, EXIT_BATCH_FILE, `${file}: ${r.stderr}`);
      assert.match(r.stderr, /couldn't open batch file/);
      assert.match(r.stderr, reason);
      assert.equal(r.stdout, '');
    }
    const empty = spawnSync(process.execPath, [cliPath, 'dig', '-f', '/dev/null'], { encoding: 'utf8' });
    assert.equal(empty.status, 0, 'an empty batch (dig -f /dev/null) does nothing and succeeds');
    assert.equal(empty.stdout, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A server that answers hN.test with 192.0.2.N, later the lower N is (so a window ends out of order). */
async function slowFirstServer() {
  const arrivals = new Map<string, number>();
  const server = await startFakeServer((q: FakeQuery) => {
    const name = q.packet.questions![0].name.toLowerCase();
    arrivals.set(name, performance.now());
    const n = Number(/^h(\d+)\.test$/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(n)) return [reply(q, { rcode: 3 })];
    return [Math.max(0, 40 - 2 * n), reply(q, { answers: [{ name, type: 'A', ttl: 60, data: `192.0.2.${n}` }] as dnsPacket.Answer[] })];
  });
  return { server, arrivals };
}

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, sink: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

test('dig -f with a window prints every lookup in file order, exactly what the sequential run prints', async () => {
  const { server } = await slowFirstServer();
  try {
    const text = Array.from({ length: 20 }, (_, i) => (i === 7 ? 'missing.test' : `h${i}.test`)).join('\n') + '\nh3.test +noshort\n';
    const lookups = batchLookups(['@127.0.0.1', '-p', String(server.port), '+short', '+timeout=2'], text);
    const windowed = collect();
    const sequential = collect();
    assert.equal(await runBatchLookups(lookups, false, windowed.sink, 8), 0);
    assert.equal(await runBatchLookups(lookups, false, sequential.sink, 1), 0);
    const strip = (chunks: string[]) => chunks.map((c) => c.replace(/;; Query time: \d+ msec/, ';; Query time: N msec').replace(/;; WHEN: .*/, ';; WHEN: T'));
    assert.deepEqual(strip(windowed.out), strip(sequential.out));
    assert.deepEqual(windowed.out.slice(0, 20), Array.from({ length: 20 }, (_, i) => (i === 7 ? '' : `192.0.2.${i}\n`)));
    assert.match(windowed.out[20], /^h3\.test\.\s+60\s+IN\s+A\s+192\.0\.2\.3\n$/, "+noshort on a line: the full record line");
    assert.deepEqual(windowed.err, []);
    assert.ok(BATCH_WINDOW > 1, 'the CLI runs a batch with a window');
  } finally {
    await server.close();
  }
});

test('dig -f --json with a window: one array in file order', async () => {
  const { server } = await slowFirstServer();
  try {
    const lookups = batchLookups(['@127.0.0.1', '-p', String(server.port), '+timeout=2'], Array.from({ length: 10 }, (_, i) => `h${i}.test`).join('\n'));
    const { out, sink } = collect();
    await runBatchLookups(lookups, true, sink, 6);
    assert.equal(out.length, 1);
    const results = JSON.parse(out[0]) as Array<{ answer: Array<{ data: string }> }>;
    assert.deepEqual(results.map((r) => r.answer.map((a) => a.data)), Array.from({ length: 10 }, (_, i) => [`192.0.2.${i}`]));
  } finally {
    await server.close();
  }
});

test('dig -f: a line that times out holds back only the printing of the lines after it, not their lookups', async () => {
  const { server, arrivals } = await slowFirstServer();
  const silent = await startFakeServer(() => []);
  try {
    const text = `h1.test @127.0.0.1 -p ${silent.port} +timeout=1 +tries=1\n` + Array.from({ length: 19 }, (_, i) => `h${i + 2}.test`).join('\n');
    const lookups = batchLookups(['@127.0.0.1', '-p', String(server.port), '+short', '+timeout=2'], text);
    const { out, err, sink } = collect();
    const t0 = performance.now();
    const status = await runBatchLookups(lookups, false, sink, 4);
    const took = performance.now() - t0;
    assert.equal(silent.queries.length, 1, 'the timed-out line asked its own server once');
    assert.equal(arrivals.size, 19);
    // The 19 other lookups were all asked (and answered) while the first one waited out its second.
    assert.ok(Math.max(...arrivals.values()) - t0 < 900, `the last other query arrived ${Math.round(Math.max(...arrivals.values()) - t0)} ms in`);
    assert.ok(took >= 950 && took < 1900, `the batch took its one timeout, not more (${Math.round(took)} ms)`);
    assert.match(out[0], /timed out/);
    assert.deepEqual(out.slice(1), Array.from({ length: 19 }, (_, i) => `192.0.2.${i + 2}\n`));
    assert.match(err.join(''), /infra-lens dig: no servers could be reached/);
    assert.equal(status, 0, 'the exit status is the last line\'s');
  } finally {
    await Promise.all([server.close(), silent.close()]);
  }
});
