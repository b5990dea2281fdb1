// Errors are results: against a fake /proc tree (PROC_ROOT) with files missing, as in gVisor,
// WSL1, old kernels or a process that exited, every reading says what it could not read.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { runProcCommand } from '../../../../server/src/live/proc/command';
import type { ProcessData } from '../../../../server/src/live/proc/readings/process';
import type { ProcessesData } from '../../../../server/src/live/proc/readings/processes';
import type { SocketsData } from '../../../../server/src/live/proc/readings/sockets';
import { testContext } from './context';
import { sample } from './sample';

function fakeProc(files: Record<string, string>, links: Record<string, string> = {}): { root: string; done: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-fakeproc-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  for (const [name, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
  }
  const previous = process.env.PROC_ROOT;
  process.env.PROC_ROOT = root;
  return {
    root,
    done: () => {
      if (previous === undefined) delete process.env.PROC_ROOT;
      else process.env.PROC_ROOT = previous;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

test('a missing /proc file is a failed report naming the file and why, never a throw', async () => {
  const fake = fakeProc({ 'version': 'Linux version 6.1.0 (x) #1\n' });
  try {
    const memory = await runProcCommand({ reading: 'memory' }, testContext());
    assert.equal(memory.ok, false);
    assert.equal(memory.error, `cannot read ${path.join(fake.root, 'meminfo')}: it does not exist (the process has exited, or this kernel or sandbox does not provide it)`);
    for (const reading of ['uptime', 'cpu', 'interfaces', 'processes', 'deleted-files']) {
      const r = await runProcCommand({ reading, options: { interval: '50' } }, testContext());
      assert.equal(typeof r.ok, 'boolean', reading);
      assert.ok(r.ok ? r.text.length > 0 : /cannot read|no process|lists no/.test(r.error ?? ''), `${reading}: ${r.error}`);
    }
    const kernel = await runProcCommand({ reading: 'kernel' }, testContext());
    assert.equal(kernel.ok, true);
    assert.match(kernel.text, /^Linux 6\.1\.0/);
  } finally {
    fake.done();
  }
});

test('sockets with tcp6 and unix missing (IPv6 disabled, a sandbox): the rest shown, the gaps named', async () => {
  const fake = fakeProc({ 'net/tcp': sample('net_tcp.linux-6.18-x86_64-loopback.txt'), 'net/udp': sample('net_udp.linux-6.18-x86_64-loopback.txt'), 'net/udp6': '' });
  try {
    const r = await runProcCommand({ reading: 'sockets' }, testContext());
    assert.equal(r.ok, true, r.error);
    const data = r.data as SocketsData;
    assert.equal(data.sockets.filter((s) => s.protocol === 'tcp').length, 5);
    assert.equal(data.unreadable.length, 2);
    assert.match(r.text, /Not readable:\n {2}- cannot read .*net\/tcp6: it does not exist/);
    const none = await runProcCommand({ reading: 'sockets', options: { proto: 'unix' } }, testContext());
    assert.equal(none.ok, false, 'nothing at all to show is a failure');
    assert.match(none.error ?? '', /net\/unix: it does not exist/);
  } finally {
    fake.done();
  }
});

test('a process with only stat and status left (exiting, or a stripped /proc): the rest is listed as not readable', async () => {
  const stat = '4242 (worker) S 1 4242 4242 0 -1 4194560 100 0 0 0 10 5 0 0 20 0 1 0 1000 10485760 256 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
  const fake = fakeProc(
    { '4242/stat': stat, '4242/status': 'Name:\tworker\nState:\tS (sleeping)\nUid:\t1000\t1000\t1000\t1000\nVmRSS:\t    1024 kB\n', uptime: '5000.00 9000.00\n' },
    { '4242/fd/3': '/var/log/gone.log (deleted)' },
  );
  try {
    const r = await runProcCommand({ reading: 'process', pid: 4242 }, testContext());
    assert.equal(r.ok, true, r.error);
    const d = r.data as ProcessData;
    assert.equal(d.comm, 'worker');
    assert.equal(d.rssBytes, 1024 * 1024);
    assert.equal(d.uid, 1000);
    assert.equal(d.environ, undefined);
    // The fd link is there but its target is not: marked " (deleted)" yet unconfirmed.
    assert.deepEqual(d.fds?.entries.map((e) => [e.fd, e.deleted]), [[3, false]]);
    for (const part of ['command line', 'environment', 'limits', 'cgroup', 'oom_score', 'wchan', 'exe', 'cwd']) {
      assert.ok(d.unreadable.some((u) => u.startsWith(`${part}: cannot read`)), `${part} is reported as unreadable`);
    }
    assert.match(r.text, /Not readable:/);
    const missing = await runProcCommand({ reading: 'process', pid: 4243 }, testContext());
    assert.equal(missing.ok, false);
    assert.match(missing.error ?? '', /no process 4243 \(it has exited, or it is hidden from this PID namespace or by hidepid\)/);
    const noPid = await runProcCommand({ reading: 'process' }, testContext());
    assert.equal(noPid.exitCode, 2);
    assert.match(noPid.error ?? '', /needs a pid/);
  } finally {
    fake.done();
  }
});

test('malformed files are explained, not thrown', async () => {
  const fake = fakeProc({ loadavg: 'not numbers\n', stat: 'cpu garbage\n', uptime: '???', version: '\0\0\0' });
  try {
    const load = await runProcCommand({ reading: 'load', options: { interval: '50' } }, testContext());
    assert.equal(load.ok, true, 'the stat sample still gives something to show');
    assert.match(load.text, /cannot understand .*loadavg/);
    const uptime = await runProcCommand({ reading: 'uptime' }, testContext());
    assert.match(uptime.error ?? '', /cannot understand .*uptime/);
    const kernel = await runProcCommand({ reading: 'kernel' }, testContext());
    assert.match(kernel.error ?? '', /cannot understand \/proc\/version/);
  } finally {
    fake.done();
  }
});

test('processes on a fake tree: argv joined, [comm] for kernel threads, <defunct> zombies, sorted by RSS on request', async () => {
  const stat = (pid: number, comm: string, state: string, utime: number, start: number) => `${pid} (${comm}) ${state} 1 ${pid} ${pid} 0 -1 0 0 0 0 0 ${utime} 0 0 0 20 0 1 0 ${start} 0 0 18446744073709551615`;
  const status = (uid: number, rssKb?: number) => `Name:\tx\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n${rssKb === undefined ? '' : `VmRSS:\t${rssKb} kB\n`}`;
  const fake = fakeProc({
    uptime: '1000.00 1500.00\n',
    '2/stat': stat(2, 'kthreadd', 'S', 0, 1),
    '2/status': status(0),
    '2/cmdline': '',
    '300/stat': stat(300, 'coredns', 'S', 5000, 50000),
    '300/status': status(0, 40960),
    '300/cmdline': '/coredns\0-conf\0/etc/coredns/Corefile\0',
    '301/stat': stat(301, 'worker', 'Z', 0, 60000),
    '301/status': status(0),
    '301/cmdline': '',
    '302/stat': stat(302, 'app', 'R', 100, 90000),
    '302/status': status(4242424, 81920),
    '302/cmdline': 'node\0app.js\0',
  });
  try {
    const r = await runProcCommand({ reading: 'processes', options: { sort: 'rss' } }, testContext());
    assert.equal(r.ok, true, r.error);
    const d = r.data as ProcessesData;
    assert.deepEqual(
      d.processes.map((p) => [p.pid, p.user, p.state, p.rssBytes, p.command]),
      [
        [302, '4242424', 'R', 81920 * 1024, 'node app.js'],
        [300, 'root', 'S', 40960 * 1024, '/coredns -conf /etc/coredns/Corefile'],
        [2, 'root', 'S', 0, '[kthreadd]'],
        [301, 'root', 'Z', 0, '[worker] <defunct>'],
      ],
    );
    const coredns = d.processes.find((p) => p.pid === 300);
    // 5000 ticks = 50 s of CPU over (1000 − 500) s alive, at USER_HZ 100.
    assert.equal(coredns?.cpuSeconds, 50);
    assert.equal(coredns?.cpuPercent, 10);
    assert.match(r.text, /^\s*PID\s+USER\s+S\s+RSS\s+%CPU\s+TIME\s+COMMAND/);
    assert.match(r.text, /300\s+root\s+S\s+40\.0 MiB\s+10\.0\s+00:00:50\s+\/coredns -conf/);
    const bad = await runProcCommand({ reading: 'processes', options: { sort: 'name' } }, testContext());
    assert.equal(bad.exitCode, 2);
  } finally {
    fake.done();
  }
});
