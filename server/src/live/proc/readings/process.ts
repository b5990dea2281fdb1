// `process`: everything /proc says about one pid: status, cmdline exactly as launched,
// environ (secrets masked unless --unmask), open fds (deleted files marked and sized), fd
// count against RLIMIT_NOFILE, cgroup v1/v2 limits and use, OOM scores, wchan, limits.
// Each part that cannot be read says why; the rest is still shown.

import { failedReport } from '../../../core/command';
import { systemUnits } from '../auxv';
import { type CgroupView, cpuMaxCores, parseFlatKeyed, readCgroupViews, V1_UNLIMITED } from '../cgroupfs';
import { type ContainerCgroupName, nameProcessCgroups, shortId } from '../containerCgroup';
import { mapLimited } from '../fdScan';
import { humanBytes, humanDuration, table } from '../format';
import { readMountinfo } from '../mountinfo';
import { type InetProtocol, parseInet } from '../netInet';
import { parseUnix } from '../netUnix';
import { userNames } from '../passwd';
import { readCgroup } from '../pidCgroup';
import { type Cmdline, readCmdline } from '../pidCmdline';
import { readEnviron } from '../pidEnviron';
import { accessMode, type FdLink, readFdinfo, readFdLinks } from '../pidFd';
import { type Limit, readLimits } from '../pidLimits';
import { readOom } from '../pidOom';
import { isKernelThread, readPidStat } from '../pidStat';
import { readPidStatus, statusBytes, statusIds } from '../pidStatus';
import { readWchan } from '../pidWchan';
import { type FileStat, procPath, readLink, readText, statPath } from '../procfs';
import { flagOption, okReport, type Reading } from '../report';
import { maskArgs, MASK_REASON_TEXT, maskValue, type MaskReason } from '../secrets';
import { readStat } from '../stat';
import { readUptime } from '../uptime';

export interface FdEntry {
  fd: number;
  /** The link target as the kernel shows it (lsof's NAME), " (deleted)" included. */
  target: string;
  /** lsof's TYPE: REG DIR CHR BLK FIFO sock a_inode … */
  type: string;
  /** lsof's access mode letter from fdinfo flags: r, w, u. */
  mode: string;
  pos?: number;
  /** Size in bytes of regular files (the open inode's, even when deleted). */
  size?: number;
  /** Unlinked but held open: " (deleted)" confirmed by a link count of 0. */
  deleted: boolean;
  /** For sockets: protocol, addresses and state from this process's network namespace. */
  socket?: string;
}

export interface EnvView {
  name: string;
  value?: string;
  masked?: MaskReason;
}

export interface ProcessData {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  user?: string;
  uid?: number;
  threads: number;
  rssBytes?: number;
  vszBytes: number;
  cpuSeconds: number;
  elapsedSeconds?: number;
  startedAt?: string;
  exe?: string;
  cwd?: string;
  /** undefined: running, or the kernel would not say ("0"). */
  wchan?: string;
  oomScore?: number;
  oomScoreAdj?: number;
  cmdline?: Cmdline;
  environ?: { entries: EnvView[]; masking: boolean; maskedCount: number };
  fds?: { entries: FdEntry[]; count: number; softLimit?: string; hardLimit?: string };
  limits?: Limit[];
  cgroups?: CgroupView[];
  /** The Kubernetes container and pod its cgroup path names (the `containers` reading has the rest). */
  container?: ContainerCgroupName;
  status?: Record<string, string>;
  /** The process exited while it was being read: the parts read before are shown. */
  exitedDuringRead: boolean;
  kernelThread?: boolean;
  unreadable: string[];
}

function fdType(link: FdLink, st: FileStat | undefined): string {
  if (link.kind === 'socket') return 'sock';
  if (link.kind === 'anon_inode') return 'a_inode';
  if (!st) return 'unknown';
  if (st.isFile) return 'REG';
  if (st.isDirectory) return 'DIR';
  if (st.isCharacterDevice) return 'CHR';
  if (st.isBlockDevice) return 'BLK';
  if (st.isFIFO) return 'FIFO';
  if (st.isSocket) return 'sock';
  return 'unknown';
}

/** inode -> "tcp 127.0.0.1:8080 LISTEN", from the process's own network namespace. */
async function socketDescriptions(pid: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const protos: InetProtocol[] = ['tcp', 'tcp6', 'udp', 'udp6'];
  await Promise.all([
    ...protos.map(async (p) => {
      const text = await readText(procPath(pid, 'net', p));
      if (!text.ok) return;
      const v6 = p.endsWith('6');
      const ep = (e: { address: string; port: number }) => `${v6 ? `[${e.address}]` : e.address}:${e.port === 0 ? '*' : e.port}`;
      for (const s of parseInet(text.value, p)) if (s.inode) out.set(s.inode, `${p} ${ep(s.local)} -> ${ep(s.peer)} ${s.state}`);
    }),
    (async () => {
      const text = await readText(procPath(pid, 'net', 'unix'));
      if (!text.ok) return;
      for (const s of parseUnix(text.value)) out.set(s.inode, `unix ${s.type} ${s.path ?? '(unnamed)'} ${s.state}`);
    })(),
  ]);
  return out;
}

async function readFds(pid: number, unreadable: string[]): Promise<FdEntry[] | undefined> {
  const links = await readFdLinks(pid);
  if (!links.ok) {
    unreadable.push(`open files: ${links.error.message}`);
    return undefined;
  }
  for (const e of links.value.errors) unreadable.push(`open files: ${e.message}`);
  const sockets = links.value.links.some((l) => l.kind === 'socket') ? await socketDescriptions(pid) : new Map<number, string>();
  return mapLimited(links.value.links, 64, async (link) => {
    const [st, info] = await Promise.all([statPath(procPath(pid, 'fd', link.fd)), readFdinfo(pid, link.fd)]);
    const s = st.ok ? st.value : undefined;
    if (!st.ok && st.error.code !== 'ENOENT') unreadable.push(`open files: ${st.error.message}`);
    return {
      fd: link.fd,
      target: link.target,
      type: fdType(link, s),
      mode: info.ok ? accessMode(info.value.flags) : '',
      pos: info.ok ? info.value.pos : undefined,
      size: s?.isFile ? s.size : undefined,
      deleted: link.deletedMark && s !== undefined && s.nlink === 0,
      socket: link.inode !== undefined && link.kind === 'socket' ? sockets.get(link.inode) : undefined,
    };
  });
}

function describeCgroup(v: CgroupView): string[] {
  const lines = [`cgroup v${v.version}${v.controllers.length ? ` (${v.controllers.join(',')})` : ''}: ${v.path}${v.deleted ? ' (deleted)' : ''}`];
  if (!v.directory) return [...lines, '  no matching cgroup mount in /proc/self/mountinfo'];
  const f = v.files;
  const bytes = (s: string | undefined) => (s === undefined ? 'n/a' : s === 'max' ? 'max (unlimited)' : /^\d+$/.test(s) ? (BigInt(s) >= V1_UNLIMITED ? `${s} (unlimited)` : `${humanBytes(Number(s))} (${s})`) : s);
  if (v.version === 2) {
    if (f['memory.current'] !== undefined || f['memory.max'] !== undefined) lines.push(`  memory.current ${bytes(f['memory.current'])}, memory.max ${bytes(f['memory.max'])}, memory.high ${bytes(f['memory.high'])}`);
    if (f['memory.swap.current'] !== undefined) lines.push(`  memory.swap.current ${bytes(f['memory.swap.current'])}, memory.swap.max ${bytes(f['memory.swap.max'])}`);
    if (f['memory.events'] !== undefined) {
      const e = parseFlatKeyed(f['memory.events']);
      lines.push(`  memory.events: oom_kill ${e.oom_kill ?? 'n/a'}, oom ${e.oom ?? 'n/a'}, max ${e.max ?? 'n/a'}, high ${e.high ?? 'n/a'}`);
    }
    if (f['cpu.max'] !== undefined) {
      const cores = cpuMaxCores(f['cpu.max']);
      lines.push(`  cpu.max ${f['cpu.max']} (${cores === undefined ? 'unlimited' : `${cores} CPUs`})`);
    }
    if (f['cpu.stat'] !== undefined) {
      const c = parseFlatKeyed(f['cpu.stat']);
      if (c.nr_throttled !== undefined) lines.push(`  cpu.stat: throttled ${c.nr_throttled} of ${c.nr_periods} periods, ${c.throttled_usec} µs`);
    }
    if (f['pids.current'] !== undefined) lines.push(`  pids.current ${f['pids.current']}, pids.max ${f['pids.max'] ?? 'n/a'}`);
  } else {
    if (f['memory.usage_in_bytes'] !== undefined) lines.push(`  memory.usage_in_bytes ${bytes(f['memory.usage_in_bytes'])}, memory.limit_in_bytes ${bytes(f['memory.limit_in_bytes'])}`);
    if (f['memory.oom_control'] !== undefined) {
      const o = parseFlatKeyed(f['memory.oom_control']);
      lines.push(`  memory.oom_control: oom_kill ${o.oom_kill ?? 'n/a'}, under_oom ${o.under_oom ?? 'n/a'}`);
    }
    if (f['cpu.cfs_quota_us'] !== undefined) {
      const quota = Number(f['cpu.cfs_quota_us']);
      const period = Number(f['cpu.cfs_period_us']);
      lines.push(`  cpu.cfs_quota_us ${f['cpu.cfs_quota_us']}, cpu.cfs_period_us ${f['cpu.cfs_period_us'] ?? 'n/a'} (${quota < 0 ? 'unlimited' : `${quota / period} CPUs`})`);
    }
    if (f['pids.current'] !== undefined) lines.push(`  pids.current ${f['pids.current']}, pids.max ${f['pids.max'] ?? 'n/a'}`);
  }
  if (lines.length === 1) lines.push(v.path === '/' ? '  the root cgroup: no limits apply here' : '  no limit files readable here');
  return lines;
}

export function renderProcess(d: ProcessData): string {
  const out: string[] = [];
  out.push(`Process ${d.pid}: ${d.comm}${d.kernelThread ? '  (kernel thread: no executable, memory or environment)' : ''}${d.exitedDuringRead ? '  (exited while being read: what was read before is shown)' : ''}`);
  const facts: Array<[string, string | undefined]> = [
    ['state', d.state],
    ['parent', String(d.ppid)],
    ['user', d.user !== undefined ? `${d.user} (uid ${d.uid})` : undefined],
    ['threads', String(d.threads)],
    ['RSS', d.rssBytes !== undefined ? humanBytes(d.rssBytes) : undefined],
    ['VSZ', humanBytes(d.vszBytes)],
    ['CPU time', `${d.cpuSeconds.toFixed(2)} s`],
    ['started', d.startedAt !== undefined ? `${d.startedAt} (${humanDuration(d.elapsedSeconds ?? 0)} ago)` : undefined],
    ['exe', d.exe],
    ['cwd', d.cwd],
    ['wchan', d.wchan ?? '- (running, or not readable)'],
    ['oom_score', d.oomScore !== undefined ? String(d.oomScore) : undefined],
    ['oom_score_adj', d.oomScoreAdj !== undefined ? `${d.oomScoreAdj}${d.oomScoreAdj === -1000 ? ' (never OOM-killed)' : ''}` : undefined],
  ];
  for (const [k, v] of facts) if (v !== undefined) out.push(`  ${`${k}:`.padEnd(15)}${v}`);
  if (d.container) {
    const c = d.container;
    const what = c.containerId ? `container ${shortId(c.containerId)}${c.runtime ? ` (${c.runtime})` : ''}${c.monitor ? ' monitor (conmon)' : ''}` : 'the pod cgroup';
    out.push(`  ${'kubernetes:'.padEnd(15)}${what} of pod ${c.podUid} (${c.qos}); limits: infra-lens proc containers --pid ${d.pid}`);
  }

  if (d.cmdline) {
    out.push('', `Command line (${d.cmdline.args.length} arguments, ${d.cmdline.bytes} bytes; one argument a line${d.cmdline.maskedArgs ? `; ${d.cmdline.maskedArgs} secret-looking arguments masked; the setting infraLens.proc.maskSecrets (CLI: --unmask) shows them` : ''}):`, ...(d.cmdline.args.length ? d.cmdline.args.map((a, i) => `  [${i}] ${/[\x00-\x1f\x7f]/.test(a) ? JSON.stringify(a) : a}`) : ['  (empty: a kernel thread or a zombie)']));
  }
  if (d.environ) {
    const e = d.environ;
    out.push('', `Environment (${e.entries.length} variables${e.masking ? `; ${e.maskedCount} secret-looking values masked; the setting infraLens.proc.maskSecrets (CLI: --unmask) shows them` : '; unmasked'}):`);
    for (const v of e.entries) out.push(`  ${v.name}${v.value === undefined ? '' : `=${v.value}`}${v.masked ? `  (masked: ${MASK_REASON_TEXT[v.masked]})` : ''}`);
  }
  if (d.fds) {
    const f = d.fds;
    const soft = f.softLimit && /^\d+$/.test(f.softLimit) ? Number(f.softLimit) : undefined;
    const share = soft ? ` (${((100 * f.count) / soft).toFixed(1)}%)` : '';
    out.push('', `Open files: ${f.count} of ${f.softLimit ?? '?'} allowed (Max open files soft ${f.softLimit ?? '?'}, hard ${f.hardLimit ?? '?'})${share}`);
    const rows = f.entries.map((x) => [`${x.fd}${x.mode}`, x.type, x.size !== undefined ? String(x.size) : '', x.socket ? `${x.target}  ${x.socket}` : x.target, x.deleted ? `DELETED, still holds ${humanBytes(x.size ?? 0)}` : '']);
    out.push(...table(['FD', 'TYPE', 'SIZE', 'NAME', ''], rows, ['right', 'left', 'right', 'left', 'left']).trimEnd().split('\n').map((l) => `  ${l}`));
    const deleted = f.entries.filter((x) => x.deleted);
    if (deleted.length) out.push(`  ${deleted.length} deleted file${deleted.length === 1 ? '' : 's'} held open: ${humanBytes(deleted.reduce((s, x) => s + (x.size ?? 0), 0))}`);
  }
  if (d.cgroups) {
    out.push('', 'cgroups:');
    if (!d.cgroups.length) out.push('  none with limits to show');
    for (const v of d.cgroups) out.push(...describeCgroup(v).map((l) => `  ${l}`));
  }
  if (d.limits) {
    out.push('', 'Limits:');
    out.push(...table(['RESOURCE', 'LIMIT', 'SOFT', 'HARD', 'UNITS'], d.limits.map((l) => [l.resource ?? '', l.name, l.soft, l.hard, l.units])).trimEnd().split('\n').map((l) => `  ${l}`));
  }
  if (d.status) {
    out.push('', 'Status (/proc/PID/status):');
    for (const [k, v] of Object.entries(d.status)) out.push(`  ${`${k}:`.padEnd(28)}${v}`);
  }
  if (d.unreadable.length) out.push('', 'Not readable:', ...d.unreadable.map((u) => `  - ${u}`));
  return out.join('\n') + '\n';
}

/** argv with passwords and tokens masked (mysql -pSECRET, --password=…, key shapes). */
function maskedCmdline(c: Cmdline): Cmdline {
  const m = maskArgs(c.args);
  if (!m.masked) return c;
  return { ...c, args: m.args, shown: m.args.join('␀'), maskedArgs: m.masked };
}

/** Start time as ps -o lstart computes it: boot time (btime) + starttime ticks; else now − elapsed. */
function startedAt(btime: number | undefined, afterBoot: number, elapsed: number | undefined): string | undefined {
  const ms = btime !== undefined ? (btime + afterBoot) * 1000 : elapsed !== undefined ? Date.now() - elapsed * 1000 : undefined;
  return ms === undefined ? undefined : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

export const processReading: Reading = async (input) => {
  const pid = input.pid;
  if (pid === undefined) return failedReport('Process', 'the process reading needs a pid (--pid N)', 2);
  const title = `Process ${pid}`;
  const stat = await readPidStat(pid);
  if (!stat.ok) {
    return failedReport(title, stat.error.code === 'ENOENT' ? `no process ${pid} (it has exited, or it is hidden from this PID namespace or by hidepid)` : stat.error.message);
  }
  const s = stat.value;
  const unreadable: string[] = [];
  const masking = input.ctx.settings.proc.maskSecrets && !flagOption(input, 'unmask');
  const [units, uptime, kernelStat, names, status, cmdline, environ, fds, limits, cgroup, mounts, oom, wchan, exe, cwd] = await Promise.all([
    systemUnits(),
    readUptime(),
    readStat(),
    userNames(),
    readPidStatus(pid),
    readCmdline(pid),
    readEnviron(pid),
    readFds(pid, unreadable),
    readLimits(pid),
    readCgroup(pid),
    readMountinfo(),
    readOom(pid),
    readWchan(pid),
    readLink(procPath(pid, 'exe')),
    readLink(procPath(pid, 'cwd')),
  ]);
  const kernelThread = isKernelThread(s);
  const note = (what: string, r: { ok: boolean; error?: { message: string; code?: string } }) => {
    if (r.ok || !r.error) return;
    // A kernel thread has no executable, memory or environment: the kernel answers ENOENT or
    // ESRCH, which would otherwise read as "exited while being read".
    if (kernelThread && (what === 'environment' || what === 'exe') && (r.error.code === 'ENOENT' || r.error.code === 'ESRCH')) return;
    unreadable.push(`${what}: ${r.error.message}`);
  };
  note('status', status);
  note('command line', cmdline);
  note('environment', environ);
  note('limits', limits);
  note('cgroup', cgroup);
  note('mounts', mounts);
  note('oom_score', oom.score);
  note('oom_score_adj', oom.adj);
  note('wchan', wchan);
  note('exe', exe);
  note('cwd', cwd);

  const uid = status.ok ? statusIds(status.value, 'Uid')?.[1] : undefined;
  const startedSecondsAfterBoot = s.starttime / units.hz;
  const elapsedSeconds = uptime.ok ? Math.max(0, uptime.value.uptimeSeconds - startedSecondsAfterBoot) : undefined;
  const nofile = limits.ok ? limits.value.find((l) => l.resource === 'NOFILE') : undefined;
  let environView: ProcessData['environ'];
  if (environ.ok) {
    const entries = environ.value.map((e): EnvView => {
      if (e.value === undefined || !masking) return { ...e };
      const m = maskValue(e.name, e.value);
      return m.masked ? { name: e.name, value: m.value, masked: m.masked } : { ...e };
    });
    environView = { entries, masking, maskedCount: entries.filter((e) => e.masked).length };
  }
  const cgroups = cgroup.ok && mounts.ok ? await readCgroupViews(cgroup.value, mounts.value) : undefined;
  // Still there? If not, say so: every part read before the exit is still true.
  const after = await readPidStat(pid);
  const exitedDuringRead = !after.ok || after.value.starttime !== s.starttime;

  const data: ProcessData = {
    pid,
    comm: s.comm,
    state: status.ok ? (status.value.get('State') ?? s.state) : s.state,
    ppid: s.ppid,
    uid,
    user: uid === undefined ? undefined : (names.get(uid) ?? String(uid)),
    threads: s.numThreads,
    rssBytes: status.ok ? (statusBytes(status.value, 'VmRSS') ?? 0) : s.rssPages * units.pageSize,
    vszBytes: s.vsize,
    cpuSeconds: (s.utime + s.stime) / units.hz,
    elapsedSeconds,
    startedAt: startedAt(kernelStat.ok ? kernelStat.value.btime : undefined, startedSecondsAfterBoot, elapsedSeconds),
    exe: exe.ok ? exe.value : undefined,
    cwd: cwd.ok ? cwd.value : undefined,
    wchan: wchan.ok ? wchan.value : undefined,
    oomScore: oom.score.ok ? oom.score.value : undefined,
    oomScoreAdj: oom.adj.ok ? oom.adj.value : undefined,
    cmdline: cmdline.ok ? (masking ? maskedCmdline(cmdline.value) : cmdline.value) : undefined,
    environ: environView,
    fds: fds ? { entries: fds, count: fds.length, softLimit: nofile?.soft, hardLimit: nofile?.hard } : undefined,
    limits: limits.ok ? limits.value : undefined,
    cgroups,
    container: cgroup.ok ? nameProcessCgroups(cgroup.value) : undefined,
    status: status.ok ? Object.fromEntries(status.value) : undefined,
    exitedDuringRead,
    kernelThread,
    unreadable,
  };
  return okReport(title, renderProcess(data), data);
};
