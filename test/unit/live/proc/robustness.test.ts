// /proc readers against what a live node throws at them, on fake trees (PROC_ROOT): kernel
// threads, pids that vanish between the listing and the read, 10,000-entry tables, and the
// hidepid mount option. (A real hidepid=2 mount in a private namespace, other users' processes
// and processes exiting mid-read are in test/integration/proc.)

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { runProcCommand } from '../../../../server/src/live/proc/command';
import { parseMountinfo, procHidepid } from '../../../../server/src/live/proc/mountinfo';
import { isKernelThread, parsePidStat } from '../../../../server/src/live/proc/pidStat';
import type { ProcessData } from '../../../../server/src/live/proc/readings/process';
import type { ProcessesData } from '../../../../server/src/live/proc/readings/processes';
import type { SocketsData } from '../../../../server/src/live/proc/readings/sockets';
import { testContext } from './context';

function fakeProc(files: Record<string, string>): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-proc-robust-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const previous = process.env.PROC_ROOT;
  process.env.PROC_ROOT = root;
  return () => {
    if (previous === undefined) delete process.env.PROC_ROOT;
    else process.env.PROC_ROOT = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}

const stat = (pid: number, comm: string, ppid: number, flags: number) => `${pid} (${comm}) S ${ppid} 0 0 0 -1 ${flags} 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`;

test('a kernel thread is a kernel thread, not a process that "exited while being read"', async () => {
  // kworker: PF_KTHREAD (0x00200000) in the flags; no exe link; environ unreadable (ESRCH on a live kernel, absent here).
  const done = fakeProc({ uptime: '1000.00 1.00\n', '57/stat': stat(57, 'kworker/0:1-events', 2, 0x04208060), '57/status': 'Name:\tkworker/0:1-events\nUid:\t0\t0\t0\t0\n', '57/cmdline': '' });
  try {
    assert.equal(isKernelThread(parsePidStat(stat(57, 'k', 2, 0x04208060))!), true);
    assert.equal(isKernelThread(parsePidStat(stat(900, 'nginx', 1, 0x00400100))!), false);
    const r = await runProcCommand({ reading: 'process', pid: 57 }, testContext());
    const d = r.data as ProcessData;
    console.log(`kernel thread 57: ${r.text.split('\n')[0]}; not readable: ${JSON.stringify(d.unreadable.map((u) => u.split(':')[0]))}`);
    assert.equal(d.kernelThread, true);
    assert.equal(d.exitedDuringRead, false);
    assert.match(r.text, /^Process 57: kworker\/0:1-events {2}\(kernel thread: no executable, memory or environment\)\n/);
    assert.ok(!d.unreadable.some((u) => /^(environment|exe):/.test(u)), 'no "exited" or "does not exist" for what a kernel thread never has');
  } finally {
    done();
  }
});

test('pids that vanish between the listing and the read are counted, not shown half-read', async () => {
  const files: Record<string, string> = { uptime: '1000.00 1.00\n', '1/stat': stat(1, 'init', 0, 0x400100), '1/status': 'Name:\tinit\nUid:\t0\t0\t0\t0\n', '1/cmdline': '/sbin/init\0' };
  // 4000-4009 are listed (their directories exist) but their files are gone.
  for (let pid = 4000; pid < 4010; pid++) files[`${pid}/.listed`] = '';
  const done = fakeProc(files);
  try {
    const r = await runProcCommand({ reading: 'processes' }, testContext());
    const d = r.data as ProcessesData;
    console.log(`vanished pids: ${r.text.trim().split('\n').slice(-1)[0]}`);
    assert.deepEqual(d.processes.map((p) => p.pid), [1]);
    assert.equal(d.skipped, 10);
    assert.match(r.text, /1 processes\. 10 exited while being read\./);
    const gone = await runProcCommand({ reading: 'process', pid: 4003 }, testContext());
    assert.equal(gone.ok, false);
    assert.match(gone.error ?? '', /no process 4003/);
  } finally {
    done();
  }
});

test('a 10,000-socket table and 2,000 processes are read completely, in bounded time', async () => {
  const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const port = (1024 + i).toString(16).toUpperCase().padStart(4, '0');
    lines.push(`${String(i).padStart(4)}: 0100007F:${port} 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 ${100000 + i} 1 0000000000000000 20 4 30 10 -1`);
  }
  const files: Record<string, string> = { uptime: '1000.00 1.00\n', 'net/tcp': header + lines.join('\n') + '\n', 'net/tcp6': header, 'net/udp': header, 'net/udp6': header, 'net/unix': 'Num       RefCount Protocol Flags    Type St Inode Path\n' };
  for (let pid = 10; pid < 2010; pid++) {
    files[`${pid}/stat`] = stat(pid, `w${pid}`, 1, 0x400100);
    files[`${pid}/status`] = `Name:\tw${pid}\nUid:\t0\t0\t0\t0\nVmRSS:\t${pid} kB\n`;
    files[`${pid}/cmdline`] = `worker\0--id=${pid}\0`;
  }
  const done = fakeProc(files);
  try {
    let started = Date.now();
    const sockets = await runProcCommand({ reading: 'sockets', options: { proto: 'tcp' } }, testContext());
    const socketsMs = Date.now() - started;
    started = Date.now();
    const procs = await runProcCommand({ reading: 'processes' }, testContext());
    const procsMs = Date.now() - started;
    console.log(`10,000 tcp sockets in ${socketsMs} ms; 2,000 processes in ${procsMs} ms`);
    assert.equal(sockets.ok, true, sockets.error);
    assert.equal((sockets.data as SocketsData).sockets.length, 10_000);
    assert.equal((procs.data as ProcessesData).processes.length, 2000);
    assert.ok(socketsMs < 20_000 && procsMs < 30_000, 'bounded');
  } finally {
    done();
  }
});

test('hidepid is read from the procfs mount options (a partial list says so)', () => {
  const mounts = parseMountinfo(
    '22 1 0:5 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n' +
      '900 22 0:77 / /proc rw,relatime - proc proc rw,hidepid=invisible\n',
  );
  assert.equal(procHidepid(mounts, '/proc'), 'invisible', 'the last mount on /proc wins');
  assert.equal(procHidepid(parseMountinfo('22 1 0:5 / /proc rw - proc proc rw\n'), '/proc'), undefined);
  assert.equal(procHidepid(parseMountinfo('22 1 0:5 / /proc rw - proc proc rw,hidepid=0\n'), '/proc'), undefined);
});
