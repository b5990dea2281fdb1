// `containers` against the real kernel: this test (not the product) makes cgroups named as
// the kubelet names them under the writable v1 memory, cpu and pids hierarchies — one pod
// with the cgroupfs driver, one with the systemd driver — puts sleeping processes in them,
// sets limits, changes them in place as an in-place resize does, and OOM-kills a process in
// a 16 MiB cgroup. The reading must report every value exactly as the cgroup files say, and
// the OOM count must go from 0 to 1. Every cgroup made here is removed again.

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import type { ContainerInfo } from '../../../server/src/live/proc/containerScan';
import type { ContainersData } from '../../../server/src/live/proc/readings/containers';
import { reading } from './oracle';

const ROOT = '/sys/fs/cgroup';
const CONTROLLERS = ['memory', 'cpu', 'pids'] as const;

function requireWritableV1(): void {
  const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  for (const c of CONTROLLERS) {
    if (!new RegExp(` ${ROOT}/${c} .* - cgroup cgroup [^ ]*\\b${c}\\b`).test(mounts)) {
      throw new Error(`this test needs the cgroup v1 ${c} hierarchy mounted at ${ROOT}/${c} (see mount | grep cgroup)`);
    }
  }
  if (process.getuid?.() !== 0) throw new Error('this test makes cgroups: it must run as root');
}

/** Directories this test made, deepest last; removed in reverse. */
const made: string[] = [];
const children: ChildProcess[] = [];

function makeCgroup(rel: string): void {
  const parts = rel.split('/').filter(Boolean);
  for (const c of CONTROLLERS) {
    for (let i = 1; i <= parts.length; i++) {
      const dir = path.join(ROOT, c, ...parts.slice(0, i));
      if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir);
        made.push(dir);
      }
    }
  }
}

function write(controller: string, rel: string, file: string, value: string): void {
  fs.writeFileSync(path.join(ROOT, controller, rel, file), value);
}

function readFile(controller: string, rel: string, file: string): string {
  return fs.readFileSync(path.join(ROOT, controller, rel, file), 'utf8').trim();
}

/** A process that joins the cgroup in every hierarchy before it execs `command`. */
async function startIn(rel: string, command: string): Promise<ChildProcess> {
  const joins = CONTROLLERS.map((c) => `echo $$ > ${path.join(ROOT, c, rel, 'cgroup.procs')}`).join(' && ');
  const child = spawn('sh', ['-c', `${joins} && exec ${command}`], { stdio: 'ignore' });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  const inPlace = () => {
    try {
      return fs.readFileSync(`/proc/${child.pid}/cgroup`, 'utf8').includes(`:memory:/${rel}\n`) && !fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').includes('(sh)');
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 300 && !inPlace(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(inPlace(), `${command} joined ${rel}`);
  return child;
}

async function containersNow(): Promise<ContainersData> {
  return (await reading<ContainersData>({ reading: 'containers' })).data;
}

function find(d: ContainersData, id: string): ContainerInfo {
  const c = d.containers.find((x) => x.cgroup.containerId === id);
  assert.ok(c, `container ${id} is in the reading: ${d.containers.map((x) => x.key).join(', ')}`);
  return c;
}

/** Every file the reading shows is the file's text, and every value is that text's number. */
function assertAsFilesSay(c: ContainerInfo, rel: string): void {
  const file = (controller: string, name: string) => readFile(controller, rel, name);
  for (const [name, f] of Object.entries(c.files)) {
    const controller = name.split('.')[0];
    assert.equal(f.path, path.join(ROOT, controller, rel, name));
    if (!/usage|current|stat$/.test(name)) assert.equal(f.text, file(controller, name), `${name} as read`);
  }
  const limit = BigInt(file('memory', 'memory.limit_in_bytes'));
  assert.equal(c.limits.memory.limitBytes, limit >= 9223372036854771712n ? 'unlimited' : Number(limit));
  assert.equal(c.limits.memory.usageBytes, Number(c.files['memory.usage_in_bytes'].text));
  assert.equal(c.limits.memory.peakBytes, Number(c.files['memory.max_usage_in_bytes'].text));
  assert.equal(c.limits.memory.oomKills, Number(/^oom_kill (\d+)$/m.exec(file('memory', 'memory.oom_control'))?.[1]));
  const quota = Number(file('cpu', 'cpu.cfs_quota_us'));
  const period = Number(file('cpu', 'cpu.cfs_period_us'));
  assert.equal(c.limits.cpu.quotaUsec, quota < 0 ? 'unlimited' : quota);
  assert.equal(c.limits.cpu.periodUsec, period);
  assert.equal(c.limits.cpu.limitCores, quota < 0 ? 'unlimited' : quota / period);
  assert.equal(c.limits.cpu.shares, Number(file('cpu', 'cpu.shares')));
  assert.equal(c.limits.cpu.throttledPeriods, Number(/^nr_throttled (\d+)$/m.exec(c.files['cpu.stat'].text)?.[1]));
  const pidsMax = file('pids', 'pids.max');
  assert.equal(c.limits.pids.max, pidsMax === 'max' ? 'unlimited' : Number(pidsMax));
  assert.equal(c.limits.pids.current, Number(file('pids', 'pids.current')));
}

test('containers: kubelet-named v1 cgroups, limits as the files say, an in-place resize, and a real OOM kill 0 -> 1', async (t) => {
  requireWritableV1();
  const uidA = randomUUID();
  const uidB = randomUUID();
  const idA = randomBytes(32).toString('hex');
  const idB = randomBytes(32).toString('hex');
  // cgroupfs driver, Burstable pod, containerd's bare id.
  const relA = `kubepods/burstable/pod${uidA}/${idA}`;
  // systemd driver, Guaranteed pod, dashes of the uid turned into underscores.
  const relB = `kubepods.slice/kubepods-pod${uidB.replace(/-/g, '_')}.slice/cri-containerd-${idB}.scope`;
  t.after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    for (const dir of made.reverse()) {
      for (let i = 0; i < 50; i++) {
        try {
          fs.rmdirSync(dir);
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    const left = made.filter((d) => fs.existsSync(d));
    assert.deepEqual(left, [], 'every cgroup this test made is gone');
  });

  makeCgroup(relA);
  makeCgroup(relB);
  write('memory', relA, 'memory.limit_in_bytes', String(256 * 1024 * 1024));
  write('cpu', relA, 'cpu.cfs_period_us', '100000');
  write('cpu', relA, 'cpu.cfs_quota_us', '50000');
  write('cpu', relA, 'cpu.shares', '512');
  write('pids', relA, 'pids.max', '64');
  write('memory', relB, 'memory.limit_in_bytes', String(16 * 1024 * 1024));
  write('cpu', relB, 'cpu.cfs_quota_us', '100000');
  write('pids', relB, 'pids.max', '32');
  const sleeperA = await startIn(relA, 'sleep 300');
  await startIn(relA, 'sleep 301');
  const sleeperB = await startIn(relB, 'sleep 302');

  const before = await containersNow();
  const a = find(before, idA);
  assert.equal(a.cgroup.driver, 'cgroupfs');
  assert.equal(a.cgroup.qos, 'burstable');
  assert.equal(a.cgroup.podUid, uidA);
  assert.equal(a.version, 1);
  assert.deepEqual(a.pids.sort(), children.slice(0, 2).map((c) => c.pid).sort());
  assert.equal(a.limits.memory.limitBytes, 268435456);
  assert.equal(a.limits.cpu.limitCores, 0.5);
  assert.equal(a.limits.pids.max, 64);
  assert.equal(a.limits.pids.current, 2);
  assertAsFilesSay(a, relA);
  const b = find(before, idB);
  assert.equal(b.cgroup.driver, 'systemd');
  assert.equal(b.cgroup.qos, 'guaranteed');
  assert.equal(b.cgroup.runtime, 'containerd');
  assert.equal(b.cgroup.podUid, uidB);
  assert.equal(b.limits.memory.limitBytes, 16777216);
  assert.equal(b.limits.memory.oomKills, 0);
  assertAsFilesSay(b, relB);

  // In-place resize: the kubelet rewrites the limits of the running container's cgroup.
  write('memory', relA, 'memory.limit_in_bytes', String(512 * 1024 * 1024));
  write('cpu', relA, 'cpu.cfs_quota_us', '100000');
  const resized = find(await containersNow(), idA);
  assert.equal(resized.limits.memory.limitBytes, 536870912);
  assert.equal(resized.limits.cpu.limitCores, 1);
  assert.deepEqual(resized.pids, a.pids, 'the same processes, not restarted');
  assertAsFilesSay(resized, relA);

  // A real OOM kill: tail buffers /dev/zero looking for a newline until the 16 MiB limit.
  const victim = await startIn(relB, 'tail /dev/zero');
  const exit = await new Promise<string | null>((resolve) => victim.once('exit', (_code, signal) => resolve(signal)));
  assert.equal(exit, 'SIGKILL', 'the OOM killer killed tail');
  const after = find(await containersNow(), idB);
  assert.equal(after.limits.memory.oomKills, 1, 'OOM kills 0 -> 1');
  assert.deepEqual(after.pids, [sleeperB.pid], 'the sleeper survived');
  assert.ok((after.limits.memory.peakBytes ?? 0) > 8 * 1024 * 1024, 'the peak shows tail reached the limit');
  assertAsFilesSay(after, relB);

  // process --pid names the container and pod; the text reading says the numbers with units.
  const proc = await reading<{ container?: { podUid: string; containerId?: string } }>({ reading: 'process', pid: sleeperA.pid });
  assert.equal(proc.data.container?.podUid, uidA);
  assert.equal(proc.data.container?.containerId, idA);
  assert.match(proc.text, new RegExp(`container ${idA.slice(0, 12)}.*pod ${uidA}`));
  const detail = await reading<ContainersData>({ reading: 'containers', pid: sleeperB.pid });
  assert.match(detail.text, /OOM kills  1\n/);
  assert.match(detail.text, /limit      16\.0 MiB\n/);
});
