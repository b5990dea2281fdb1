// A container's own resolv.conf is read through /proc/<pid>/root: a process in a private
// mount namespace (unshare -m) with its own /etc/resolv.conf bind-mounted over the node's,
// in a kubelet-named cgroup, is read by `containers --pid` — its file, not the node's, is
// linted and planned. The cgroup it made is removed again; the node's file is untouched.

import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import type { ContainersData } from '../../../server/src/live/proc/readings/containers';
import { reading } from './oracle';

const POD_RESOLV_CONF = 'nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5 timeout:2\noptions bogus-option\n';

test('containers --pid reads the container resolv.conf through /proc/<pid>/root in its own mount namespace', async (t) => {
  try {
    execFileSync('unshare', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('unshare (util-linux) is not installed: run scripts/install-system-deps.sh');
  }
  if (!fs.existsSync('/sys/fs/cgroup/memory/cgroup.procs')) throw new Error('this test needs the cgroup v1 memory hierarchy at /sys/fs/cgroup/memory');
  const nodeBefore = fs.readFileSync('/etc/resolv.conf', 'utf8');
  assert.notEqual(nodeBefore, POD_RESOLV_CONF);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-pod-'));
  const podFile = path.join(dir, 'resolv.conf');
  fs.writeFileSync(podFile, POD_RESOLV_CONF);
  const uid = randomUUID();
  const id = randomBytes(32).toString('hex');
  const parts = ['kubepods', 'besteffort', `pod${uid}`, id];
  const made: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const d = path.join('/sys/fs/cgroup/memory', ...parts.slice(0, i));
    if (!fs.existsSync(d)) {
      fs.mkdirSync(d);
      made.push(d);
    }
  }
  const cgroupDir = path.join('/sys/fs/cgroup/memory', ...parts);
  let child: ChildProcess | undefined;
  t.after(async () => {
    child?.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    for (const d of made.reverse()) {
      for (let i = 0; i < 50 && fs.existsSync(d); i++) {
        try {
          fs.rmdirSync(d);
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(made.filter((d) => fs.existsSync(d)), [], 'every cgroup this test made is gone');
    assert.equal(fs.readFileSync('/etc/resolv.conf', 'utf8'), nodeBefore, "the node's resolv.conf is untouched");
  });

  child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `echo $$ > ${cgroupDir}/cgroup.procs && mount --bind ${podFile} /etc/resolv.conf && exec sleep 300`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b) => (stderr += b));
  const ready = () => {
    try {
      return fs.readFileSync(`/proc/${child!.pid}/root/etc/resolv.conf`, 'utf8') === POD_RESOLV_CONF && fs.readFileSync(`/proc/${child!.pid}/stat`, 'utf8').includes('(sleep)');
    } catch {
      return false;
    }
  };
  // unshare forks nothing with -m alone: the pid spawned is the one that execs sleep.
  for (let i = 0; i < 300 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(ready(), `the bind mount is in place in the child's namespace (${stderr})`);
  assert.equal(fs.readFileSync('/etc/resolv.conf', 'utf8'), nodeBefore, 'and only there');

  const r = await reading<ContainersData>({ reading: 'containers', pid: child.pid, options: { name: 'cart' } });
  const s = r.data.selected;
  assert.ok(s?.resolvConf, r.text);
  assert.equal(s.cgroup.podUid, uid);
  assert.equal(s.cgroup.qos, 'besteffort');
  assert.equal(s.resolvConf.path, `/proc/${child.pid}/root/etc/resolv.conf`);
  assert.equal(s.resolvConf.text, POD_RESOLV_CONF);
  assert.deepEqual(s.resolvConf.nameservers, ['10.96.0.10']);
  assert.deepEqual(s.resolvConf.search, ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  assert.equal(s.resolvConf.ndots, 5);
  assert.ok(s.resolvConf.findings.some((f) => f.line === 3), `the unknown option on line 4 is reported: ${JSON.stringify(s.resolvConf.findings)}`);
  assert.equal(s.resolvConf.plan?.queries[0].name, 'cart.shop.svc.cluster.local.');
  assert.match(r.text, /resolv\.conf \(\/proc\/\d+\/root\/etc\/resolv\.conf, read by glibc/);
});
