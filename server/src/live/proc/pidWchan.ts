// /proc/PID/wchan: the kernel function the task sleeps in ("do_epoll_wait",
// "hrtimer_nanosleep" …, compiler suffixes kept). "0" when running, when the symbol is
// unknown, or when the reader may not ptrace-read the task; ps shows "-" then.

import { procPath, readText, type ReadResult } from './procfs';

export function parseWchan(text: string): string | undefined {
  const v = text.trim();
  return v === '' || v === '0' ? undefined : v;
}

export async function readWchan(pid: number): Promise<ReadResult<string | undefined>> {
  const text = await readText(procPath(pid, 'wchan'));
  return text.ok ? { ok: true, value: parseWchan(text.value) } : text;
}
