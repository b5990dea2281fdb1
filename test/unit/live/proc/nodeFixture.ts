// A fake node for the container reading: /proc, a cgroup v2 tree in the layout of a driver
// and runtime, the kubelet's pod directories and the pod/container log directories, each a
// directory under one temporary root, pointed at through the INFRA_LENS_* overrides.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface FakeNode {
  root: string;
  proc: string;
  cgroup: string;
  env: Record<string, string>;
  write(rel: string, text: string): void;
  /** Sets the overrides in process.env; the returned function restores them. */
  use(): () => void;
  remove(): void;
}

export function fakeNode(): FakeNode {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-node-'));
  const env = {
    PROC_ROOT: path.join(root, 'proc'),
    INFRA_LENS_CGROUP_ROOT: path.join(root, 'sys/fs/cgroup'),
    INFRA_LENS_KUBELET_ROOT: path.join(root, 'var/lib/kubelet'),
    INFRA_LENS_POD_LOGS_ROOT: path.join(root, 'var/log/pods'),
    INFRA_LENS_CONTAINER_LOGS_ROOT: path.join(root, 'var/log/containers'),
    INFRA_LENS_RUN_ROOT: path.join(root, 'run'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true });
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('sys/fs/cgroup/cgroup.controllers', 'cpuset cpu io memory hugetlb pids rdma misc\n');
  write('sys/fs/cgroup/cgroup.procs', '1\n');
  return {
    root,
    proc: env.PROC_ROOT,
    cgroup: env.INFRA_LENS_CGROUP_ROOT,
    env,
    write,
    use() {
      const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
      Object.assign(process.env, env);
      return () => {
        for (const [k, v] of Object.entries(previous)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      };
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export interface V2Limits {
  memoryMax: string;
  memoryCurrent: string;
  memoryPeak?: string;
  oomKill: number;
  cpuMax: string;
  cpuWeight?: string;
  nrThrottled?: number;
  pidsMax: string;
  pidsCurrent: string;
}

/** A v2 container cgroup with the kernel doc's file formats. */
export function writeV2Container(node: FakeNode, cgroupPath: string, l: V2Limits): void {
  const dir = `sys/fs/cgroup${cgroupPath}`;
  node.write(`${dir}/cgroup.procs`, '');
  node.write(`${dir}/memory.max`, `${l.memoryMax}\n`);
  node.write(`${dir}/memory.current`, `${l.memoryCurrent}\n`);
  if (l.memoryPeak !== undefined) node.write(`${dir}/memory.peak`, `${l.memoryPeak}\n`);
  node.write(`${dir}/memory.events`, `low 0\nhigh 0\nmax ${l.oomKill * 40}\noom ${l.oomKill}\noom_kill ${l.oomKill}\noom_group_kill 0\n`);
  node.write(`${dir}/memory.pressure`, 'some avg10=2.50 avg60=1.25 avg300=0.40 total=912345\nfull avg10=1.00 avg60=0.50 avg300=0.10 total=400000\n');
  node.write(`${dir}/cpu.max`, `${l.cpuMax}\n`);
  node.write(`${dir}/cpu.weight`, `${l.cpuWeight ?? '100'}\n`);
  node.write(`${dir}/cpu.stat`, `usage_usec 8213004\nuser_usec 6101002\nsystem_usec 2112002\nnr_periods 1200\nnr_throttled ${l.nrThrottled ?? 0}\nthrottled_usec ${(l.nrThrottled ?? 0) * 1000}\nnr_bursts 0\nburst_usec 0\n`);
  node.write(`${dir}/cpu.pressure`, 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n');
  node.write(`${dir}/io.pressure`, 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n');
  node.write(`${dir}/pids.max`, `${l.pidsMax}\n`);
  node.write(`${dir}/pids.current`, `${l.pidsCurrent}\n`);
}

/** A process of the fake /proc in a v2 cgroup. */
export function writeProcess(node: FakeNode, pid: number, comm: string, cgroupPath: string, resolvConf?: string): void {
  node.write(`proc/${pid}/cgroup`, `0::${cgroupPath}\n`);
  node.write(`proc/${pid}/stat`, `${pid} (${comm}) S 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 1000 2000000 300 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n`);
  if (resolvConf !== undefined) node.write(`proc/${pid}/root/etc/resolv.conf`, resolvConf);
}
