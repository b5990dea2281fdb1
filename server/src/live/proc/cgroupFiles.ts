// The cgroup files a container reading looks at, one parser per file format, each as the
// kernel documents it (Documentation/admin-guide/cgroup-v2.rst "Interface Files", and
// cgroup-v1/memory.rst, cfs-bandwidth / sched-bwc.rst, pids.rst). Parsers are pure and
// return undefined on text they do not understand; readCgroupFile is the only I/O.
// Numbers are bigint: v1's "unlimited" memory is 9223372036854771712, past 2^53.

import * as path from 'node:path';
import { malformed, readText, type ReadResult } from './procfs';

/** A limit file: "max" (v2), a sentinel (v1 memory, -1 quota) or a value. */
export type Limit = { unlimited: true } | { unlimited: false; value: bigint };

/** v1 memory limits at or above this are "unlimited" (PAGE_COUNTER_MAX × page size). */
export const V1_MEMORY_UNLIMITED = 9223372036854771712n;

/** A single unsigned or signed integer, e.g. memory.current, pids.current, cpu.weight. */
export function parseInteger(text: string): bigint | undefined {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? BigInt(t) : undefined;
}

/** v2 memory.max, memory.high, memory.swap.max, pids.max (and v1 pids.max): "max" or a number. */
export function parseMaxOrValue(text: string): Limit | undefined {
  const t = text.trim();
  if (t === 'max') return { unlimited: true };
  const n = parseInteger(t);
  return n === undefined || n < 0n ? undefined : { unlimited: false, value: n };
}

/** v1 memory.limit_in_bytes: PAGE_COUNTER_MAX pages rounded to bytes means no limit. */
export function parseV1MemoryLimit(text: string): Limit | undefined {
  const n = parseInteger(text);
  if (n === undefined) return undefined;
  return n >= V1_MEMORY_UNLIMITED ? { unlimited: true } : { unlimited: false, value: n };
}

/** v1 cpu.cfs_quota_us: -1 is no quota. */
export function parseV1Quota(text: string): Limit | undefined {
  const n = parseInteger(text);
  if (n === undefined) return undefined;
  return n < 0n ? { unlimited: true } : { unlimited: false, value: n };
}

export interface CpuMax {
  /** µs of CPU time per period, or unlimited ("max"). */
  quota: Limit;
  periodUsec: bigint;
}

/** v2 cpu.max: "$MAX $PERIOD"; "max 100000" is the default. A lone "$MAX" keeps the period unknown. */
export function parseCpuMax(text: string): CpuMax | undefined {
  const [max, period, extra] = text.trim().split(/\s+/);
  if (extra !== undefined || max === undefined) return undefined;
  const quota = parseMaxOrValue(max);
  const periodUsec = parseInteger(period ?? '');
  if (!quota || periodUsec === undefined || periodUsec <= 0n) return undefined;
  return { quota, periodUsec };
}

/** CPUs a quota allows: quota / period (0.5 = half a CPU), undefined for unlimited. */
export function cpuCores(quota: Limit, periodUsec: bigint): number | undefined {
  return quota.unlimited || periodUsec <= 0n ? undefined : Number(quota.value) / Number(periodUsec);
}

/** Flat keyed files: memory.events, cpu.stat, memory.stat, v1 memory.oom_control. */
export function parseKeyed(text: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of text.split('\n')) {
    const [k, v, extra] = line.trim().split(/\s+/);
    if (k && v !== undefined && extra === undefined && /^-?\d+$/.test(v)) out.set(k, BigInt(v));
  }
  return out;
}

export interface PressureLine {
  /** Share of wall time stalled over 10 s, 60 s, 300 s, in percent. */
  avg10: number;
  avg60: number;
  avg300: number;
  /** Total stall time in µs. */
  totalUsec: bigint;
}

export interface Pressure {
  some?: PressureLine;
  full?: PressureLine;
}

/** PSI (Documentation/accounting/psi.rst): "some avg10=0.00 avg60=0.00 avg300=0.00 total=0", then "full …". */
export function parsePressure(text: string): Pressure | undefined {
  const out: Pressure = {};
  for (const line of text.split('\n')) {
    const m = /^(some|full) avg10=(\d+\.\d+) avg60=(\d+\.\d+) avg300=(\d+\.\d+) total=(\d+)\s*$/.exec(line.trim());
    if (m) out[m[1] as 'some' | 'full'] = { avg10: Number(m[2]), avg60: Number(m[3]), avg300: Number(m[4]), totalUsec: BigInt(m[5]) };
  }
  return out.some || out.full ? out : undefined;
}

/** Reads one file of one cgroup directory and parses it; a file the parser rejects is EINVAL. */
export async function readCgroupFile<T>(directory: string, name: string, parse: (text: string) => T | undefined): Promise<ReadResult<T>> {
  const file = path.join(directory, name);
  const text = await readText(file);
  if (!text.ok) return text;
  const value = parse(text.value);
  return value === undefined ? { ok: false, error: malformed(file, `unexpected content ${JSON.stringify(text.value.slice(0, 60))}`) } : { ok: true, value };
}
