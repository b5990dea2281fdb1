// Every container on the node, found the way the kernel knows it: each /proc/<pid>/cgroup
// names a cgroup path (containerCgroup.ts), processes are grouped by container, and each
// container's cgroup files are read once (cgroupFiles.ts). The kubelet's files add pod names
// and container names where the node has them. Only reads; every failure becomes a note.

import * as path from 'node:path';
import {
  cpuCores,
  type CpuMax,
  type Limit,
  parseCpuMax,
  parseInteger,
  parseKeyed,
  parseMaxOrValue,
  parsePressure,
  parseV1MemoryLimit,
  parseV1Quota,
  type Pressure,
  readCgroupFile,
} from './cgroupFiles';
import { type ContainerCgroupName, nameCgroupPath } from './containerCgroup';
import { mapLimited } from './fdScan';
import { readKubeletFacts } from './kubeletFiles';
import { parseMountinfo } from './mountinfo';
import { DEFAULT_CGROUP_ROOT, type NodeRoots } from './nodeRoots';
import { type CgroupLine, parseCgroup } from './pidCgroup';
import { readRuntimeFacts } from './runtimeState';
import { parsePidStat } from './pidStat';
import { listDir, readText, type ReadResult, statPath } from './procfs';

export interface Hierarchy {
  version: 1 | 2;
  controllers: string[];
  mountPoint: string;
  /** The mount's root within the hierarchy (not "/" inside a container without cgroupns). */
  root: string;
}

/**
 * The cgroup hierarchies: from /proc/self/mountinfo when the cgroup root is the real one,
 * else by the layout under the root (v2 has cgroup.controllers at the top; v1 has one
 * directory per controller set, and systemd's hybrid layout puts v2 at "unified").
 */
export async function cgroupHierarchies(roots: NodeRoots): Promise<Hierarchy[]> {
  if (roots.cgroup === DEFAULT_CGROUP_ROOT) {
    const text = await readText(path.join(roots.proc, 'self', 'mountinfo'));
    if (text.ok) {
      const out: Hierarchy[] = [];
      for (const m of parseMountinfo(text.value)) {
        if (m.fstype === 'cgroup2') out.push({ version: 2, controllers: [], mountPoint: m.mountPoint, root: m.root });
        else if (m.fstype === 'cgroup') out.push({ version: 1, controllers: m.superOptions.filter((o) => !['rw', 'ro'].includes(o)), mountPoint: m.mountPoint, root: m.root });
      }
      if (out.length) return out;
    }
  }
  const top = await statPath(path.join(roots.cgroup, 'cgroup.controllers'));
  if (top.ok) return [{ version: 2, controllers: [], mountPoint: roots.cgroup, root: '/' }];
  const entries = await listDir(roots.cgroup);
  if (!entries.ok) return [];
  const out: Hierarchy[] = [];
  for (const name of entries.value.sort()) {
    const dir = path.join(roots.cgroup, name);
    if (!(await statPath(path.join(dir, 'cgroup.procs'))).ok) continue;
    if ((await statPath(path.join(dir, 'cgroup.controllers'))).ok) out.push({ version: 2, controllers: [], mountPoint: dir, root: '/' });
    else out.push({ version: 1, controllers: name === 'systemd' ? ['name=systemd'] : name.split(','), mountPoint: dir, root: '/' });
  }
  return out;
}

/** The directory of a cgroup line's cgroup, with the mount's root stripped from the path. */
export function cgroupDir(line: CgroupLine, hierarchies: Hierarchy[]): string | undefined {
  const h =
    line.hierarchy === 0
      ? hierarchies.find((x) => x.version === 2)
      : hierarchies.find((x) => x.version === 1 && line.controllers.length > 0 && line.controllers.every((c) => x.controllers.includes(c)));
  if (!h) return undefined;
  let rel = line.path;
  if (h.root !== '/' && (rel === h.root || rel.startsWith(h.root + '/'))) rel = rel.slice(h.root.length) || '/';
  return rel === '/' ? h.mountPoint : path.join(h.mountPoint, rel);
}

/** A value as a number (bytes, µs, counts stay far below 2^53 in practice), or "unlimited". */
export type LimitValue = number | 'unlimited';

function limitValue(l: Limit | undefined): LimitValue | undefined {
  return l === undefined ? undefined : l.unlimited ? 'unlimited' : Number(l.value);
}

export interface ContainerLimits {
  memory: {
    limitBytes?: LimitValue;
    usageBytes?: number;
    peakBytes?: number;
    oomKills?: number;
    /** Times the limit was hit (v2 memory.events "max"; v1 memory.failcnt is not read). */
    limitHits?: number;
  };
  cpu: {
    /** CPUs the quota allows (0.5 = half a CPU), or unlimited. */
    limitCores?: LimitValue;
    quotaUsec?: LimitValue;
    periodUsec?: number;
    /** v2 cpu.weight (1–10000, default 100). */
    weight?: number;
    /** v1 cpu.shares (default 1024). */
    shares?: number;
    periods?: number;
    throttledPeriods?: number;
    throttledUsec?: number;
    usageUsec?: number;
  };
  pids: { current?: number; max?: LimitValue };
  pressure: { memory?: PressureView; cpu?: PressureView; io?: PressureView };
}

/** PSI as JSON can carry it: percentages over 10/60/300 s and the total stall in µs. */
export interface PressureView {
  some?: { avg10: number; avg60: number; avg300: number; totalUsec: number };
  full?: { avg10: number; avg60: number; avg300: number; totalUsec: number };
}

function pressureView(p: Pressure | undefined): PressureView | undefined {
  if (!p) return undefined;
  const line = (l: Pressure['some']) => (l ? { avg10: l.avg10, avg60: l.avg60, avg300: l.avg300, totalUsec: Number(l.totalUsec) } : undefined);
  return { some: line(p.some), full: line(p.full) };
}

export interface CgroupFileRead {
  /** Where it was read. */
  path: string;
  /** The file's text as the kernel gave it, trimmed. */
  text: string;
}

export interface ContainerInfo {
  /** The pod UID and container id together (the container's identity on this node). */
  key: string;
  cgroup: ContainerCgroupName;
  version: 1 | 2;
  pids: number[];
  /** comm of each process, in pid order. */
  commands: string[];
  /** The pod's sandbox ("pause") container, which holds the namespaces. */
  sandbox: boolean;
  pod?: { namespace?: string; name?: string };
  /** The container's name in the pod spec, from /var/log/containers or the runtime's state. */
  name?: string;
  /** The image, from the runtime's state (containerd, CRI-O). */
  image?: string;
  limits: ContainerLimits;
  /** Every cgroup file read, by file name. */
  files: Record<string, CgroupFileRead>;
  /** Its cgroup was removed while it was being read: the values read before are shown. */
  exitedDuringRead: boolean;
  unreadable: string[];
}

export interface ContainerScan {
  containers: ContainerInfo[];
  hierarchies: Hierarchy[];
  /** Processes scanned, and how many of them are in a pod's cgroup. */
  processesScanned: number;
  unreadable: string[];
}

interface Member {
  pid: number;
  comm: string;
  lines: CgroupLine[];
  name: ContainerCgroupName;
  /** The line that named it: its v2 line if the path is a pod's there, else a v1 line. */
  version: 1 | 2;
}

/** The line that names a container: the v2 one when it carries the pod path, else a v1 controller's. */
function nameLines(lines: CgroupLine[], hasV2: boolean): { name: ContainerCgroupName; version: 1 | 2 } | undefined {
  const v2 = lines.find((l) => l.hierarchy === 0);
  const v2Name = v2 && hasV2 ? nameCgroupPath(v2.path) : undefined;
  if (v2Name) return { name: v2Name, version: 2 };
  for (const preferred of ['memory', 'cpu', 'pids']) {
    const line = lines.find((l) => l.hierarchy !== 0 && l.controllers.includes(preferred));
    const n = line && nameCgroupPath(line.path);
    if (n) return { name: n, version: 1 };
  }
  for (const line of lines) {
    const n = line.hierarchy !== 0 ? nameCgroupPath(line.path) : undefined;
    if (n) return { name: n, version: 1 };
  }
  return undefined;
}

async function readMember(roots: NodeRoots, pid: number, hasV2: boolean): Promise<Member | undefined> {
  const cgroup = await readText(path.join(roots.proc, String(pid), 'cgroup'));
  if (!cgroup.ok) return undefined;
  const lines = parseCgroup(cgroup.value);
  const named = nameLines(lines, hasV2);
  if (!named) return undefined;
  const stat = await readText(path.join(roots.proc, String(pid), 'stat'));
  const comm = stat.ok ? (parsePidStat(stat.value)?.comm ?? '?') : '?';
  return { pid, comm, lines, ...named };
}

type FileSpec = { name: string; controller: string };

const V2_SPECS: FileSpec[] = ['memory.max', 'memory.current', 'memory.peak', 'memory.events', 'memory.pressure', 'cpu.max', 'cpu.weight', 'cpu.stat', 'cpu.pressure', 'io.pressure', 'pids.current', 'pids.max'].map((name) => ({ name, controller: '' }));
const V1_SPECS: FileSpec[] = [
  ...['memory.limit_in_bytes', 'memory.usage_in_bytes', 'memory.max_usage_in_bytes', 'memory.oom_control'].map((name) => ({ name, controller: 'memory' })),
  ...['cpu.cfs_quota_us', 'cpu.cfs_period_us', 'cpu.shares', 'cpu.stat'].map((name) => ({ name, controller: 'cpu' })),
  ...['pids.current', 'pids.max'].map((name) => ({ name, controller: 'pids' })),
  { name: 'cpuacct.usage', controller: 'cpuacct' },
];

/** The container's cgroup directory for a v1 controller (or v2 when controller is ''). */
function directoryFor(member: Member, hierarchies: Hierarchy[], controller: string): string | undefined {
  const line = controller === '' ? member.lines.find((l) => l.hierarchy === 0) : member.lines.find((l) => l.hierarchy !== 0 && l.controllers.includes(controller));
  if (!line) return undefined;
  // Only the container's own cgroup in that hierarchy (on a hybrid node the v2 path may be
  // "/"); and the process may sit one level below it (CRI-O's ".../container").
  const name = nameCgroupPath(line.path);
  if (!name || name.podUid !== member.name.podUid || name.containerId !== member.name.containerId) return undefined;
  return cgroupDir({ ...line, path: name.containerPath }, hierarchies);
}

async function readLimits(member: Member, hierarchies: Hierarchy[], info: ContainerInfo): Promise<void> {
  const specs = member.version === 2 ? V2_SPECS : V1_SPECS;
  const raw: Record<string, string> = {};
  const missing: string[] = [];
  await Promise.all(
    specs.map(async (spec) => {
      const dir = directoryFor(member, hierarchies, spec.controller);
      if (!dir) {
        info.unreadable.push(`${spec.name}: the process's ${spec.controller || 'cgroup v2'} cgroup is not the container's, or that hierarchy is not mounted`);
        return;
      }
      const r = await readCgroupFile(dir, spec.name, (t) => t.trim());
      if (r.ok) {
        raw[spec.name] = r.value;
        info.files[spec.name] = { path: path.join(dir, spec.name), text: r.value };
      } else if (r.error.code === 'ENOENT') missing.push(spec.name);
      else info.unreadable.push(r.error.message);
    }),
  );
  const l = info.limits;
  const get = <T>(name: string, parse: (t: string) => T | undefined): T | undefined => {
    const text = raw[name];
    if (text === undefined) return undefined;
    const v = parse(text);
    if (v === undefined) info.unreadable.push(`cannot understand ${info.files[name].path}: ${JSON.stringify(text.slice(0, 60))}`);
    return v;
  };
  const num = (v: bigint | undefined) => (v === undefined ? undefined : Number(v));
  if (member.version === 2) {
    l.memory.limitBytes = limitValue(get('memory.max', parseMaxOrValue));
    l.memory.usageBytes = num(get('memory.current', parseInteger));
    l.memory.peakBytes = num(get('memory.peak', parseInteger));
    const events = get('memory.events', parseKeyed);
    l.memory.oomKills = num(events?.get('oom_kill'));
    l.memory.limitHits = num(events?.get('max'));
    const cpuMax: CpuMax | undefined = get('cpu.max', parseCpuMax);
    if (cpuMax) {
      l.cpu.quotaUsec = limitValue(cpuMax.quota);
      l.cpu.periodUsec = Number(cpuMax.periodUsec);
      l.cpu.limitCores = cpuCores(cpuMax.quota, cpuMax.periodUsec) ?? 'unlimited';
    }
    l.cpu.weight = num(get('cpu.weight', parseInteger));
    const stat = get('cpu.stat', parseKeyed);
    l.cpu.usageUsec = num(stat?.get('usage_usec'));
    l.cpu.periods = num(stat?.get('nr_periods'));
    l.cpu.throttledPeriods = num(stat?.get('nr_throttled'));
    l.cpu.throttledUsec = num(stat?.get('throttled_usec'));
    l.pressure.memory = pressureView(get('memory.pressure', parsePressure));
    l.pressure.cpu = pressureView(get('cpu.pressure', parsePressure));
    l.pressure.io = pressureView(get('io.pressure', parsePressure));
  } else {
    l.memory.limitBytes = limitValue(get('memory.limit_in_bytes', parseV1MemoryLimit));
    l.memory.usageBytes = num(get('memory.usage_in_bytes', parseInteger));
    l.memory.peakBytes = num(get('memory.max_usage_in_bytes', parseInteger));
    // oom_kill is in memory.oom_control since Linux 4.13.
    l.memory.oomKills = num(get('memory.oom_control', parseKeyed)?.get('oom_kill'));
    const quota = get('cpu.cfs_quota_us', parseV1Quota);
    const period = get('cpu.cfs_period_us', parseInteger);
    l.cpu.quotaUsec = limitValue(quota);
    l.cpu.periodUsec = num(period);
    if (quota && period !== undefined) l.cpu.limitCores = cpuCores(quota, period) ?? 'unlimited';
    l.cpu.shares = num(get('cpu.shares', parseInteger));
    const stat = get('cpu.stat', parseKeyed);
    l.cpu.periods = num(stat?.get('nr_periods'));
    l.cpu.throttledPeriods = num(stat?.get('nr_throttled'));
    // v1 counts throttled_time in ns.
    const ns = stat?.get('throttled_time');
    l.cpu.throttledUsec = ns === undefined ? undefined : Number(ns / 1000n);
    // cpuacct.usage is ns of CPU time.
    const usage = get('cpuacct.usage', parseInteger);
    l.cpu.usageUsec = usage === undefined ? undefined : Number(usage / 1000n);
  }
  l.pids.current = num(get('pids.current', parseInteger));
  l.pids.max = limitValue(get('pids.max', parseMaxOrValue));
  // A container that exits mid-read takes its cgroup with it: its files vanish one by one.
  const primary = directoryFor(member, hierarchies, member.version === 2 ? '' : 'memory') ?? directoryFor(member, hierarchies, 'cpu');
  const stillThere = primary ? (await statPath(path.join(primary, 'cgroup.procs'))).ok : true;
  if (!stillThere) info.exitedDuringRead = true;
  else if (missing.length) info.unreadable.push(`absent here (controller not enabled for this cgroup, or an older kernel): ${missing.sort().join(', ')}`);
}

export interface ScanOptions {
  /** Only the container of this pid. */
  pid?: number;
}

export async function scanContainers(roots: NodeRoots, options: ScanOptions = {}): Promise<ReadResult<ContainerScan>> {
  const hierarchies = await cgroupHierarchies(roots);
  const hasV2 = hierarchies.some((h) => h.version === 2);
  let pids: number[];
  if (options.pid !== undefined) pids = [options.pid];
  else {
    const dir = await listDir(roots.proc);
    if (!dir.ok) return dir;
    pids = dir.value.filter((n) => /^[0-9]+$/.test(n)).map(Number).sort((a, b) => a - b);
  }
  const members = (await mapLimited(pids, 64, (pid) => readMember(roots, pid, hasV2))).filter((m): m is Member => m !== undefined);
  if (options.pid !== undefined && members.length === 1) {
    // The whole container, not only the one pid.
    const all = await listDir(roots.proc);
    if (all.ok) {
      const key = members[0].name.containerPath;
      const others = await mapLimited(all.value.filter((n) => /^[0-9]+$/.test(n) && Number(n) !== options.pid).map(Number), 64, (pid) => readMember(roots, pid, hasV2));
      for (const m of others) if (m && m.name.containerPath === key) members.push(m);
      members.sort((a, b) => a.pid - b.pid);
    }
  }
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = `${m.name.podUid}/${m.name.containerId ?? 'pod'}${m.name.monitor ? '/conmon' : ''}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  const kubelet = await readKubeletFacts(roots);
  const containers = await mapLimited([...groups.entries()], 16, async ([key, group]) => {
    const first = group[0];
    const info: ContainerInfo = {
      key,
      cgroup: first.name,
      version: first.version,
      pids: group.map((m) => m.pid),
      commands: group.map((m) => m.comm),
      sandbox: group.length === 1 && first.comm === 'pause',
      limits: { memory: {}, cpu: {}, pids: {}, pressure: {} },
      files: {},
      exitedDuringRead: false,
      unreadable: [],
    };
    const pod = kubelet.pods.get(first.name.podUid);
    if (pod && (pod.name || pod.namespace)) info.pod = { namespace: pod.namespace, name: pod.name };
    const log = first.name.containerId ? kubelet.containers.get(first.name.containerId) : undefined;
    if (log) {
      info.name = log.container;
      info.pod ??= { namespace: log.namespace, name: log.pod };
    }
    const runtime = first.name.containerId ? await readRuntimeFacts(roots, first.name.containerId, first.name.runtime) : undefined;
    if (runtime) {
      info.name ??= runtime.containerName;
      info.image = runtime.image;
      if (runtime.sandbox) info.sandbox = true;
      if (!info.pod?.name && runtime.podName) info.pod = { namespace: runtime.podNamespace, name: runtime.podName };
    }
    await readLimits(first, hierarchies, info);
    return info;
  });
  containers.sort((a, b) => (a.pod?.namespace ?? '~').localeCompare(b.pod?.namespace ?? '~') || (a.pod?.name ?? a.cgroup.podUid).localeCompare(b.pod?.name ?? b.cgroup.podUid) || a.pids[0] - b.pids[0]);
  const unreadable = kubelet.unreadable.filter((e) => e.code !== 'ENOENT').map((e) => e.message);
  if (!hierarchies.length) unreadable.push(`no cgroup hierarchy found under ${roots.cgroup}`);
  return { ok: true, value: { containers, hierarchies, processesScanned: pids.length, unreadable } };
}
