// /proc/PID/status: `Key:\tvalue` lines, keys added over kernel versions (and sometimes in
// the middle), so parse by key. Uid/Gid have four columns (real, effective, saved, fs);
// Groups can be empty; memory values carry " kB".

import { procPath, readText, type ReadResult } from './procfs';

export type PidStatus = Map<string, string>;

export function parsePidStatus(text: string): PidStatus {
  const out: PidStatus = new Map();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return out;
}

/** "VmRSS: 1234 kB" -> bytes; undefined when absent (kernel threads have no Vm* lines). */
export function statusBytes(status: PidStatus, key: string): number | undefined {
  const m = /^(\d+)\s*kB$/.exec(status.get(key) ?? '');
  return m ? Number(m[1]) * 1024 : undefined;
}

/** Real, effective, saved and filesystem ids from "Uid:" or "Gid:". */
export function statusIds(status: PidStatus, key: 'Uid' | 'Gid'): number[] | undefined {
  const ids = (status.get(key) ?? '').split(/\s+/).filter(Boolean).map(Number);
  return ids.length >= 2 && ids.every(Number.isInteger) ? ids : undefined;
}

export function statusGroups(status: PidStatus): number[] {
  return (status.get('Groups') ?? '').split(/\s+/).filter(Boolean).map(Number).filter(Number.isInteger);
}

export async function readPidStatus(pid: number): Promise<ReadResult<PidStatus>> {
  const text = await readText(procPath(pid, 'status'));
  return text.ok ? { ok: true, value: parsePidStatus(text.value) } : text;
}
