// Every process's open descriptors, as ss -p and lsof find them: walk /proc/[pid]/fd.
// Processes of other users are unreadable without root or CAP_SYS_PTRACE; they are counted,
// not fatal. A process can exit at any point during the walk.

import { type FdLink, readFdLinks } from './pidFd';
import { parsePidStat, readPidStat } from './pidStat';
import { linkTargetSync, listDirSync, listPids, procPath, readTextSync, type ReadResult } from './procfs';

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

export interface SocketOwnerScan {
  /** socket inode -> its holders, in pid then fd order (as ss -p lists them). */
  owners: Map<number, Array<{ pid: number; command: string; fd: number }>>;
  /** pids whose fd directory could not be read (permission). */
  unreadable: number[];
}

const SOCKET_PREFIX = 'socket:[';

/**
 * Only the socket descriptors of every process, for `sockets`: the same walk as scanAllFds
 * but synchronous per process (readdir + one readlink per fd, no promise per fd) and keeping
 * nothing but socket inodes, so 10,000 sockets cost 10,000 syscalls and little garbage.
 * Yields to the event loop between batches of processes so a server stays responsive.
 */
export async function scanSocketOwners(): Promise<ReadResult<SocketOwnerScan>> {
  const pids = await listPids();
  if (!pids.ok) return pids;
  const scan: SocketOwnerScan = { owners: new Map(), unreadable: [] };
  let sinceYield = 0;
  let unordered = false;
  for (const pid of pids.value) {
    if (++sinceYield === 64) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const dir = procPath(pid, 'fd');
    const names = listDirSync(dir);
    if (!names.ok) {
      if (names.error.code !== 'ENOENT' && names.error.code !== 'ESRCH') scan.unreadable.push(pid);
      continue;
    }
    // /proc lists a process's fds in ascending order (the kernel walks its fd table), which is
    // the order ss -p prints them in; readlink is the one syscall per fd that ss makes too.
    // linkTargetSync makes no result object or closure per fd: with 10,000
    // sockets this loop is most of `proc sockets`.
    const prefix = `${dir}/`;
    let command: string | undefined;
    let previous = -1;
    for (const n of names.value) {
      const c = n.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      const target = linkTargetSync(prefix + n); // undefined: closed since the listing
      if (target === undefined || !target.startsWith(SOCKET_PREFIX)) continue;
      const inode = Number(target.slice(SOCKET_PREFIX.length, -1));
      const fd = Number(n);
      if (!Number.isInteger(inode) || !Number.isInteger(fd)) continue;
      if (fd < previous) unordered = true;
      previous = fd;
      if (command === undefined) {
        const stat = readTextSync(procPath(pid, 'stat'));
        command = (stat.ok ? parsePidStat(stat.value)?.comm : undefined) ?? '?';
      }
      const list = scan.owners.get(inode);
      if (list) list.push({ pid, command, fd });
      else scan.owners.set(inode, [{ pid, command, fd }]);
    }
  }
  // Never seen (see above), but the order ss prints must not depend on it.
  if (unordered) for (const list of scan.owners.values()) if (list.length > 1) list.sort((a, b) => a.pid - b.pid || a.fd - b.fd);
  return { ok: true, value: scan };
}
