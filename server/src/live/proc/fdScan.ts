// Every process's open descriptors, as ss -p and lsof find them: walk /proc/[pid]/fd.
// Processes of other users are unreadable without root or CAP_SYS_PTRACE; they are counted,
// not fatal. A process can exit at any point during the walk.

import { type FdLink, readFdLinks } from './pidFd';
import { readPidStat } from './pidStat';
import { listPids, type ReadResult } from './procfs';

export interface ProcessFds {
  pid: number;
  /** comm from /proc/PID/stat (what ss shows in users:(("comm",pid=…,fd=…))). */
  command: string;
  links: FdLink[];
}

export interface FdScan {
  processes: ProcessFds[];
  /** pids whose fd directory could not be read (permission), with the reason. */
  unreadable: Array<{ pid: number; reason: string }>;
}

/** Runs at most `limit` promises at a time (thousands of pids, each a few file reads). */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function scanAllFds(): Promise<ReadResult<FdScan>> {
  const pids = await listPids();
  if (!pids.ok) return pids;
  const scan: FdScan = { processes: [], unreadable: [] };
  await mapLimited(pids.value, 32, async (pid) => {
    const links = await readFdLinks(pid);
    if (!links.ok) {
      // ENOENT: exited since the listing; kernel threads have an empty fd dir, not an error.
      if (links.error.code !== 'ENOENT' && links.error.code !== 'ESRCH') scan.unreadable.push({ pid, reason: links.error.code });
      return;
    }
    if (links.value.links.length === 0) return;
    const stat = await readPidStat(pid);
    scan.processes.push({ pid, command: stat.ok ? stat.value.comm : '?', links: links.value.links });
  });
  scan.processes.sort((a, b) => a.pid - b.pid);
  scan.unreadable.sort((a, b) => a.pid - b.pid);
  return { ok: true, value: scan };
}
