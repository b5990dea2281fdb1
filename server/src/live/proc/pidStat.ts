// /proc/PID/stat: `pid (comm) state ppid …`. comm may contain spaces and ')', so it is the
// text between the first '(' and the LAST ')'; the rest is space-separated and has grown to
// 52 fields on current kernels. Field numbers below are proc(5)'s (1-based).

import { procPath, readText, type ReadResult } from './procfs';

export interface PidStat {
  pid: number;
  comm: string;
  /** R S D Z T t X I … */
  state: string;
  ppid: number;
  /** Clock ticks (USER_HZ). */
  utime: number;
  stime: number;
  priority: number;
  nice: number;
  numThreads: number;
  /** Ticks after boot the process started. */
  starttime: number;
  /** Bytes. */
  vsize: number;
  /** Pages (multiply by the page size). */
  rssPages: number;
  /** Soft RSS limit in bytes as a decimal string: a u64 that is often 2^64−1. */
  rsslim: string;
  processor?: number;
  /** Field 9, the kernel's PF_* flags. */
  flags: number;
}

/** PF_KTHREAD (include/linux/sched.h): a kernel thread, which has no executable, memory or environment. */
const PF_KTHREAD = 0x00200000;

export function isKernelThread(s: Pick<PidStat, 'flags' | 'pid' | 'ppid'>): boolean {
  // Flags are the kernel's own word; pid 2 (kthreadd) and its children are the fallback.
  return (s.flags & PF_KTHREAD) !== 0 || s.pid === 2 || s.ppid === 2;
}

export function parsePidStat(text: string): PidStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 1).trim().split(/\s+/);
  // rest[0] is field 3 (state): field n is rest[n - 3].
  const f = (n: number) => Number(rest[n - 3]);
  if (!Number.isInteger(pid) || rest.length < 22) return undefined;
  return {
    pid,
    comm: text.slice(open + 1, close),
    state: rest[0],
    ppid: f(4),
    utime: f(14),
    stime: f(15),
    priority: f(18),
    nice: f(19),
    numThreads: f(20),
    starttime: f(22),
    vsize: f(23),
    rssPages: f(24),
    rsslim: rest[25 - 3] ?? '',
    processor: rest.length >= 39 - 2 ? f(39) : undefined,
    flags: Number.isFinite(f(9)) ? f(9) : 0,
  };
}

export async function readPidStat(pid: number): Promise<ReadResult<PidStat>> {
  const file = procPath(pid, 'stat');
  const text = await readText(file);
  if (!text.ok) return text;
  const stat = parsePidStat(text.value);
  return stat ? { ok: true, value: stat } : { ok: false, error: { path: file, code: 'EINVAL', message: `cannot understand ${file}` } };
}
