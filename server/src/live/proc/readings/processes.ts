// `processes`: every visible process (pid, user, state, RSS, CPU, command), the list the
// editor's "Inspect Process…" picker shows. Columns as ps -o pid,user,state,rss,%cpu,time,args.

import { procHidepid, readMountinfo } from '../mountinfo';
import { failedReport } from '../../../core/command';
import type { ProcessListData } from '../../../protocol';
import { systemUnits } from '../auxv';
import { mapLimited } from '../fdScan';
import { humanBytes, notes, table } from '../format';
import { userNames } from '../passwd';
import { commandLine, readCmdline } from '../pidCmdline';
import { readPidStat } from '../pidStat';
import { readPidStatus, statusBytes, statusIds } from '../pidStatus';
import { listPids, procRoot } from '../procfs';
import { okReport, type Reading, stringOption } from '../report';
import { readUptime } from '../uptime';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** User name of the effective uid (the uid as text when it has no name here). */
  user: string;
  uid: number;
  /** One letter as in ps -o state: R S D Z T t X I. */
  state: string;
  rssBytes: number;
  /** argv joined with spaces, or [comm] for kernel threads (as ps -o args). */
  command: string;
  comm: string;
  threads: number;
  /** CPU time (user + system) over the process's lifetime, in seconds. */
  cpuSeconds: number;
  /** ps's %CPU: CPU time / elapsed time × 100. */
  cpuPercent: number;
  /** Seconds since the process started (ps -o etimes). */
  elapsedSeconds: number;
}

export interface ProcessesData extends ProcessListData {
  processes: ProcessEntry[];
  /** pids listed but gone or unreadable before they could be read. */
  skipped: number;
  unreadable: string[];
}

function cpuTime(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  return `${String(hh).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function renderProcesses(data: ProcessesData): string {
  const rows = data.processes.map((p) => [String(p.pid), p.user, p.state, humanBytes(p.rssBytes), p.cpuPercent.toFixed(1), cpuTime(p.cpuSeconds), p.command.length > 160 ? `${p.command.slice(0, 159)}…` : p.command]);
  let text = table(['PID', 'USER', 'S', 'RSS', '%CPU', 'TIME', 'COMMAND'], rows, ['right', 'left', 'left', 'right', 'right', 'right', 'left']);
  text += `\n${data.processes.length} processes.`;
  if (data.skipped) text += ` ${data.skipped} exited while being read.`;
  return text + '\n' + notes(data.unreadable);
}

const SORTS: Record<string, (a: ProcessEntry, b: ProcessEntry) => number> = {
  pid: (a, b) => a.pid - b.pid,
  rss: (a, b) => b.rssBytes - a.rssBytes || a.pid - b.pid,
  cpu: (a, b) => b.cpuPercent - a.cpuPercent || a.pid - b.pid,
};

export const processesReading: Reading = async (input) => {
  const sortName = stringOption(input, 'sort') ?? 'pid';
  const sort = SORTS[sortName];
  if (!sort) return failedReport('Processes', `--sort must be one of ${Object.keys(SORTS).join(', ')}, not '${sortName}'`, 2);
  const pids = await listPids();
  if (!pids.ok) return failedReport('Processes', pids.error.message);
  const [units, uptime, names, mounts] = await Promise.all([systemUnits(), readUptime(), userNames(), readMountinfo()]);
  const unreadable: string[] = [];
  // hidepid: other users' processes are not listed at all, so say the list is partial.
  const hidepid = mounts.ok ? procHidepid(mounts.value, procRoot()) : undefined;
  const uid = process.getuid?.();
  if (hidepid && uid !== 0) unreadable.push(`${procRoot()} is mounted with hidepid=${hidepid}: other users' processes are hidden, so only those of uid ${uid ?? '?'} (and any it may ptrace) are listed`);
  if (!uptime.ok) unreadable.push(`${uptime.error.message}: %CPU not computed`);
  let skipped = 0;
  const entries = await mapLimited(pids.value, 32, async (pid): Promise<ProcessEntry | undefined> => {
    const [stat, status, cmdline] = await Promise.all([readPidStat(pid), readPidStatus(pid), readCmdline(pid)]);
    if (!stat.ok) {
      skipped++;
      return undefined;
    }
    const s = stat.value;
    const uid = status.ok ? (statusIds(status.value, 'Uid')?.[1] ?? -1) : -1;
    const cpuSeconds = (s.utime + s.stime) / units.hz;
    const elapsedSeconds = uptime.ok ? Math.max(0, uptime.value.uptimeSeconds - s.starttime / units.hz) : 0;
    return {
      pid,
      ppid: s.ppid,
      user: uid < 0 ? '?' : (names.get(uid) ?? String(uid)),
      uid,
      state: s.state,
      rssBytes: status.ok ? (statusBytes(status.value, 'VmRSS') ?? 0) : s.rssPages * units.pageSize,
      // ps marks zombies "[comm] <defunct>" (their cmdline is empty).
      command: s.state === 'Z' ? `[${s.comm}] <defunct>` : commandLine(cmdline.ok ? cmdline.value : undefined, s.comm),
      comm: s.comm,
      threads: s.numThreads,
      cpuSeconds,
      cpuPercent: elapsedSeconds > 0 ? (100 * cpuSeconds) / elapsedSeconds : 0,
      elapsedSeconds,
    };
  });
  const processes = entries.filter((e): e is ProcessEntry => e !== undefined).sort(sort);
  const data: ProcessesData = { processes, skipped, unreadable };
  return okReport('Processes', renderProcesses(data), data);
};
