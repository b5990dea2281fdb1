// /proc/meminfo: `Key:   value [kB]` lines. Keys come and go with kernel version and
// config (MemAvailable since 3.14, KReclaimable 4.20 …), so parse by key, never by line.

import { procPath, readText, type ReadResult } from './procfs';

export interface MeminfoRow {
  key: string;
  /** As printed: kB (KiB) for most rows, a count for HugePages_*. */
  value: number;
  unit: 'kB' | '';
}

export function parseMeminfo(text: string): MeminfoRow[] {
  const rows: MeminfoRow[] = [];
  for (const line of text.split('\n')) {
    const m = /^([^:\s][^:]*):\s*(\d+)(?:\s+(kB))?\s*$/.exec(line);
    if (m) rows.push({ key: m[1], value: Number(m[2]), unit: m[3] === 'kB' ? 'kB' : '' });
  }
  return rows;
}

/** Bytes for a kB row, the count for a unitless one, undefined when absent. */
export function meminfoValue(rows: MeminfoRow[], key: string): number | undefined {
  const row = rows.find((r) => r.key === key);
  if (!row) return undefined;
  return row.unit === 'kB' ? row.value * 1024 : row.value;
}

/**
 * How `free` computes "used". procps-ng 4.0.1 (2022) changed it:
 *  - 'procps-4': MemTotal − MemAvailable
 *  - 'procps-3': MemTotal − MemFree − Buffers − (Cached + SReclaimable)  (≤ 4.0.0)
 * Either falls back to MemTotal − MemFree when the result is negative.
 */
export type FreeFormula = 'procps-4' | 'procps-3';

export interface FreeSummary {
  total: number;
  used: number;
  free: number;
  shared: number;
  buffers: number;
  cache: number;
  buffCache: number;
  available: number;
  /** False when the kernel has no MemAvailable (< 3.14): free shows MemFree instead. */
  availableFromKernel: boolean;
  swapTotal: number;
  swapUsed: number;
  swapFree: number;
}

/** free's columns in bytes, per procps-ng library/meminfo.c and src/free.c. */
export function freeSummary(rows: MeminfoRow[], formula: FreeFormula): FreeSummary {
  const get = (key: string) => meminfoValue(rows, key) ?? 0;
  const total = get('MemTotal');
  const free = get('MemFree');
  const buffers = get('Buffers');
  const cache = get('Cached') + get('SReclaimable');
  const kernelAvailable = meminfoValue(rows, 'MemAvailable');
  // Absent or 0 (old kernel), or above MemTotal (LXC distortion): free falls back to MemFree.
  const availableFromKernel = kernelAvailable !== undefined && kernelAvailable > 0 && kernelAvailable <= total;
  const available = availableFromKernel ? (kernelAvailable as number) : free;
  let used = formula === 'procps-4' ? total - available : total - free - buffers - cache;
  if (used < 0) used = total - free;
  const swapTotal = get('SwapTotal');
  const swapFree = get('SwapFree');
  return {
    total,
    used,
    free,
    shared: get('Shmem'),
    buffers,
    cache,
    buffCache: buffers + cache,
    available,
    availableFromKernel,
    swapTotal,
    swapUsed: swapFree >= swapTotal ? 0 : swapTotal - swapFree,
    swapFree,
  };
}

export async function readMeminfo(): Promise<ReadResult<MeminfoRow[]>> {
  const file = procPath('meminfo');
  const text = await readText(file);
  return text.ok ? { ok: true, value: parseMeminfo(text.value) } : text;
}
