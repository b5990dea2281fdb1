// processes and process vs ps -o, lsof -p, prlimit and choom, on a child this test starts
// with a secret in its environment and a file open on fd 3.

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import type { FdEntry, ProcessData } from '../../../server/src/live/proc/readings/process';
import type { ProcessesData } from '../../../server/src/live/proc/readings/processes';
import { MASK } from '../../../server/src/live/proc/secrets';
import { reading, run } from './oracle';

const SECRET = 'tok_live_4f9a8b7c6d5e';

async function startChild(): Promise<{ child: ChildProcess; dir: string; file: string; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-proc-'));
  const file = path.join(dir, 'held open.txt');
  fs.writeFileSync(file, 'x'.repeat(12345));
  const fd = fs.openSync(file, 'r');
  const child = spawn('sleep', ['300'], {
    env: { PATH: process.env.PATH, API_TOKEN: SECRET, DATABASE_URL: 'postgres://app:pw123@db.internal:5432/app', PLAIN_SETTING: 'visible', 'ODD=NAME': 'x' },
    stdio: ['ignore', 'ignore', 'ignore', fd],
  });
  fs.closeSync(fd);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  // Wait until sleep is asleep: the comm changes early in exec, the mappings (VSZ) only
  // settle once the dynamic loader is done and nanosleep is reached.
  const settled = () => /\(sleep\) S /.test(fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8')) && fs.readFileSync(`/proc/${child.pid}/wchan`, 'utf8').includes('nanosleep');
  for (let i = 0; i < 200 && !settled(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(settled(), 'sleep reached nanosleep');
  return {
    child,
    dir,
    file,
    close: () => {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('processes vs ps -e: the same pids, users and commands; the child exactly', async () => {
  const c = await startChild();
  try {
    // Other work runs on this node: read ps before and after, and hold us to the processes
    // that did not change in between.
    const psTable = () =>
      new Map(
        run('ps', ['-e', '-ww', '-o', 'pid=,user:64=,state=,rss=,args='])
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => {
            const m = /^\s*(\d+)\s+(\S+)\s+(\S)\s+(\d+)\s(.*)$/.exec(l);
            assert.ok(m, l);
            return [Number(m[1]), { user: m[2], state: m[3], rssKb: Number(m[4]), args: m[5] }] as const;
          }),
      );
    const before = psTable();
    const ours = (await reading<ProcessesData>({ reading: 'processes' })).data;
    const psRows = psTable();
    const byPid = new Map(ours.processes.map((p) => [p.pid, p]));
    // A kworker's name carries the workqueue it is running right now: compare the thread.
    const stable = (c: string) => c.replace(/^\[(kworker\/[^-\]]+)-[^\]]*\]$/, '[$1]');
    let compared = 0;
    for (const [pid, p] of psRows) {
      const b = before.get(pid);
      if (!b || b.user !== p.user || stable(b.args) !== stable(p.args)) continue; // came, went or exec'd meanwhile
      const o = byPid.get(pid);
      assert.ok(o, `pid ${pid} (${p.args}) is listed`);
      compared++;
      assert.equal(o.user, p.user, `user of ${pid}`);
      assert.equal(stable(o.command), stable(p.args), `command of ${pid}`);
    }
    assert.ok(compared > 20, `compared ${compared} processes`);
    const mine = byPid.get(c.child.pid as number);
    const psMine = psRows.get(c.child.pid as number);
    assert.ok(mine && psMine);
    assert.deepEqual([mine.state, mine.rssBytes / 1024, mine.command], [psMine.state, psMine.rssKb, 'sleep 300']);
    for (const p of ours.processes) assert.ok(typeof p.pid === 'number' && typeof p.user === 'string' && typeof p.state === 'string' && typeof p.rssBytes === 'number' && typeof p.command === 'string', 'ProcessListData shape');
  } finally {
    c.close();
  }
});

test('process vs ps -o, lsof -p, prlimit and choom; API_TOKEN masked unless unmasked', async () => {
  const c = await startChild();
  const pid = c.child.pid as number;
  try {
    const report = await reading<ProcessData>({ reading: 'process', pid });
    const d = report.data;

    const [ppid, nlwp, rss, vsz, wchan, args] = run('ps', ['-ww', '-o', 'ppid=,nlwp=,rss=,vsz=,wchan:64=,args=', '-p', String(pid)]).trim().split(/\s+/);
    assert.deepEqual([d.ppid, d.threads, (d.rssBytes ?? 0) / 1024, d.vszBytes / 1024, d.wchan ?? '-'], [Number(ppid), Number(nlwp), Number(rss), Number(vsz), wchan]);
    assert.equal(args, 'sleep');
    const lstart = run('ps', ['-o', 'lstart=', '-p', String(pid)], { ...process.env, TZ: 'UTC', LC_ALL: 'C' }).trim();
    assert.ok(Math.abs(Date.parse(d.startedAt ?? '') - Date.parse(`${lstart} UTC`)) <= 1000, `started ${d.startedAt} vs ps lstart ${lstart}`);
    assert.deepEqual(d.cmdline?.args, ['sleep', '300']);
    assert.equal(d.cmdline?.shown, 'sleep␀300␀');

    // Environment: the token and the URL password masked in both the text and the data.
    const env = new Map(d.environ?.entries.map((e) => [e.name, e]));
    assert.deepEqual(env.get('API_TOKEN'), { name: 'API_TOKEN', value: MASK, masked: 'name' });
    assert.equal(env.get('DATABASE_URL')?.value, `postgres://app:${MASK}@db.internal:5432/app`);
    assert.equal(env.get('PLAIN_SETTING')?.value, 'visible');
    assert.equal(env.get('ODD')?.value, 'NAME=x', 'split at the first "="');
    assert.ok(!report.text.includes(SECRET) && !JSON.stringify(d).includes(SECRET) && !JSON.stringify(d).includes('pw123'), 'the secret appears nowhere');
    const unmasked = (await reading<ProcessData>({ reading: 'process', pid }, true)).data;
    assert.equal(unmasked.environ?.entries.find((e) => e.name === 'API_TOKEN')?.value, SECRET);
    assert.equal(unmasked.environ?.masking, false);

    // Open files vs lsof -F: fd numbers, access modes, types, names and sizes of regular files.
    const lsof = run('lsof', ['-w', '-p', String(pid), '-a', '-d', '0-999', '-F', 'fatsn0']);
    const files = lsof
      .split('\n')
      .map((line): Record<string, string> => Object.fromEntries(line.split('\0').filter(Boolean).map((f) => [f[0], f.slice(1)])))
      .filter((f) => f.f !== undefined);
    assert.deepEqual(d.fds?.entries.map((e) => e.fd), files.map((f) => Number(f.f)));
    for (const f of files) {
      const e: FdEntry | undefined = d.fds?.entries.find((x) => x.fd === Number(f.f));
      assert.ok(e);
      assert.equal(e.mode, f.a, `mode of fd ${f.f}`);
      if (f.t === 'REG' || f.t === 'CHR') {
        assert.equal(e.type, f.t);
        assert.equal(e.target, f.n, `name of fd ${f.f}`);
      }
      if (f.t === 'REG') assert.equal(e.size, Number(f.s), `size of fd ${f.f}`);
    }
    assert.deepEqual(d.fds?.entries.find((e) => e.fd === 3), { fd: 3, target: c.file, type: 'REG', mode: 'r', pos: 0, size: 12345, deleted: false, socket: undefined });

    // Limits vs prlimit; the fd count is put against NOFILE.
    const prlimit = run('prlimit', ['-p', String(pid), '--raw', '--noheadings', '-o', 'RESOURCE,SOFT,HARD']);
    const limits = new Map(prlimit.trim().split('\n').map((l) => l.trim().split(/\s+/)).map(([r, s, h]) => [r, `${s} ${h}`]));
    assert.equal(d.limits?.length, limits.size);
    for (const l of d.limits ?? []) assert.equal(`${l.soft} ${l.hard}`, limits.get(l.resource ?? '?'), l.name);
    assert.equal(`${d.fds?.softLimit} ${d.fds?.hardLimit}`, limits.get('NOFILE'));
    assert.equal(d.fds?.count, files.length);

    // OOM scores vs choom.
    const choom = run('choom', ['-p', String(pid)]);
    assert.equal(d.oomScore, Number(/score:\s*(-?\d+)/.exec(choom)?.[1]));
    assert.equal(d.oomScoreAdj, Number(/adjust value:\s*(-?\d+)/.exec(choom)?.[1]));

    // cgroup paths vs ps -o cgroup (v1 "ctrl:path" entries and the v2 "0::path").
    const psCgroup = run('ps', ['-o', 'cgroup=', '-p', String(pid)]).trim();
    for (const v of d.cgroups ?? []) assert.ok(psCgroup.includes(v.path), `${v.path} in ${psCgroup}`);
    assert.ok((d.cgroups ?? []).length > 0);
    assert.equal(d.exitedDuringRead, false);
  } finally {
    c.close();
  }
});

test('a pid that does not exist is a clear failed report', async () => {
  const { runProcCommand } = await import('../../../server/src/live/proc/command');
  const { testContext } = await import('../../unit/live/proc/context');
  const child = spawn('true');
  await new Promise((r) => child.once('exit', r));
  const report = await runProcCommand({ reading: 'process', pid: child.pid }, testContext());
  assert.equal(report.ok, false);
  assert.match(report.error ?? '', new RegExp(`no process ${child.pid} \\(it has exited`));
});
