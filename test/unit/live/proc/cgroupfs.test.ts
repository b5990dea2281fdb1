// cgroup limits and use read from a cgroup file system laid out as the kernel does (a
// temporary directory standing in for /sys/fs/cgroup), and how the process report shows them.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { readCgroupViews } from '../../../../server/src/live/proc/cgroupfs';
import { parseMountinfo } from '../../../../server/src/live/proc/mountinfo';
import { parseCgroup } from '../../../../server/src/live/proc/pidCgroup';
import { renderProcess } from '../../../../server/src/live/proc/readings/process';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-cgroupfs-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const base = { pid: 1, comm: 'app', state: 'S', ppid: 0, threads: 1, vszBytes: 0, cpuSeconds: 0, exitedDuringRead: false, unreadable: [] };

test('cgroup v2: memory.max/current, memory.events oom_kill, cpu.max in CPUs, pids; a root cgroup says no limits apply', async () => {
  const scope = '/kubepods.slice/pod1.slice/cri-containerd-abc.scope';
  const root = tree({
    [`${scope}/memory.max`]: '268435456\n',
    [`${scope}/memory.high`]: 'max\n',
    [`${scope}/memory.current`]: '201326592\n',
    [`${scope}/memory.events`]: 'low 0\nhigh 0\nmax 41\noom 3\noom_kill 2\noom_group_kill 0\n',
    [`${scope}/cpu.max`]: '50000 100000\n',
    [`${scope}/cpu.stat`]: 'usage_usec 100\nuser_usec 60\nsystem_usec 40\nnr_periods 10\nnr_throttled 4\nthrottled_usec 900\n',
    [`${scope}/pids.max`]: '100\n',
    [`${scope}/pids.current`]: '7\n',
    'cgroup.controllers': 'cpu memory pids\n',
  });
  try {
    const mounts = parseMountinfo(`30 23 0:26 / ${root} rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n`);
    const [view] = await readCgroupViews(parseCgroup(`0::${scope}\n`), mounts);
    assert.equal(view.directory, path.join(root, scope));
    assert.equal(view.files['memory.max'], '268435456');
    assert.match(view.missing['memory.swap.max'], /absent: the root cgroup, or the controller is not enabled/);
    const text = renderProcess({ ...base, cgroups: [view] });
    assert.match(text, /memory\.current 192\.0 MiB \(201326592\), memory\.max 256\.0 MiB \(268435456\), memory\.high max \(unlimited\)/);
    assert.match(text, /memory\.events: oom_kill 2, oom 3, max 41, high 0/);
    assert.match(text, /cpu\.max 50000 100000 \(0\.5 CPUs\)/);
    assert.match(text, /cpu\.stat: throttled 4 of 10 periods, 900 µs/);
    assert.match(text, /pids\.current 7, pids\.max 100/);

    const [rootView] = await readCgroupViews(parseCgroup('0::/\n'), mounts);
    assert.match(renderProcess({ ...base, cgroups: [rootView] }), /cgroup v2: \/\n {4}the root cgroup: no limits apply here/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('cgroup v1 in a container without a cgroup namespace: the mount root is stripped; unlimited named', async () => {
  const root = tree({
    'memory/memory.limit_in_bytes': '9223372036854771712\n',
    'memory/memory.usage_in_bytes': '52428800\n',
    'memory/memory.max_usage_in_bytes': '62914560\n',
    'memory/memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 1\n',
    'cpu,cpuacct/cpu.cfs_quota_us': '150000\n',
    'cpu,cpuacct/cpu.cfs_period_us': '100000\n',
  });
  try {
    const mounts = parseMountinfo(
      `643 640 0:31 /docker/4c1f /sys/x ro - cgroup cgroup rw,memory\n`.replace('/sys/x', path.join(root, 'memory')) +
        `642 640 0:28 /docker/4c1f ${path.join(root, 'cpu,cpuacct')} ro - cgroup cgroup rw,cpu,cpuacct\n`,
    );
    const lines = parseCgroup('11:memory:/docker/4c1f\n10:cpu,cpuacct:/docker/4c1f\n5:devices:/docker/4c1f\n0::/\n');
    const views = await readCgroupViews(lines, mounts);
    assert.deepEqual(views.map((v) => v.controllers.join(',')), ['memory', 'cpu,cpuacct'], 'devices has no limits to show; 0:: without a cgroup2 mount is skipped');
    const text = renderProcess({ ...base, cgroups: views });
    assert.match(text, /memory\.usage_in_bytes 50\.0 MiB \(52428800\), memory\.limit_in_bytes 9223372036854771712 \(unlimited\)/);
    assert.match(text, /memory\.oom_control: oom_kill 1, under_oom 0/);
    assert.match(text, /cpu\.cfs_quota_us 150000, cpu\.cfs_period_us 100000 \(1\.5 CPUs\)/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
