// /proc/stat: per-CPU tick counters (USER_HZ), boot time and scheduler totals.
// Columns arrived over time (steal 2.6.11, guest 2.6.24, guest_nice 2.6.33): accept 4-10
// numbers, missing ones are 0. Offline CPUs are missing, so cpuN numbers can have gaps.

import { procPath, readText, type ReadResult } from './procfs';

export interface CpuTimes {
  /** "cpu" for the aggregate, "cpu0", "cpu1" … */
  name: string;
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  guest: number;
  guestNice: number;
}

export interface KernelStat {
  cpus: CpuTimes[];
  /** Boot time, seconds since the epoch. */
  btime?: number;
  ctxt?: number;
  processes?: number;
  procsRunning?: number;
  procsBlocked?: number;
}

const CPU_COLUMNS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice'] as const;

export function parseStat(text: string): KernelStat {
  const out: KernelStat = { cpus: [] };
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const key = parts[0];
    if (/^cpu\d*$/.test(key)) {
      const nums = parts.slice(1).map(Number);
      if (nums.length < 4 || nums.some((n) => !Number.isFinite(n))) continue;
      const cpu = { name: key } as CpuTimes;
      CPU_COLUMNS.forEach((c, i) => (cpu[c] = nums[i] ?? 0));
      out.cpus.push(cpu);
    } else if (key === 'btime') out.btime = Number(parts[1]);
    else if (key === 'ctxt') out.ctxt = Number(parts[1]);
    else if (key === 'processes') out.processes = Number(parts[1]);
    else if (key === 'procs_running') out.procsRunning = Number(parts[1]);
    else if (key === 'procs_blocked') out.procsBlocked = Number(parts[1]);
  }
  return out;
}

export interface CpuUsage {
  name: string;
  /** Percentages of the interval (they add up to 100, apart from rounding). */
  user: number;
  system: number;
  idle: number;
  iowait: number;
  steal: number;
  busy: number;
}

/**
 * Utilisation between two samples, as procps (library/stat.c) and vmstat compute it:
 * guest and guest_nice are already inside user and nice, so they are not added again.
 * A CPU that went offline and came back has reset counters: negative deltas count as 0.
 */
export function cpuUsage(before: CpuTimes, after: CpuTimes): CpuUsage {
  const d = (k: (typeof CPU_COLUMNS)[number]) => Math.max(0, after[k] - before[k]);
  const user = d('user') + d('nice');
  const system = d('system') + d('irq') + d('softirq');
  const idle = d('idle');
  const iowait = d('iowait');
  const steal = d('steal');
  const total = user + system + idle + iowait + steal;
  const pct = (v: number) => (total > 0 ? (100 * v) / total : 0);
  return { name: after.name, user: pct(user), system: pct(system), idle: pct(idle), iowait: pct(iowait), steal: pct(steal), busy: pct(total - idle - iowait) };
}

/** Usage per CPU present in both samples (aggregate first). */
export function usageBetween(before: KernelStat, after: KernelStat): CpuUsage[] {
  const earlier = new Map(before.cpus.map((c) => [c.name, c]));
  return after.cpus.flatMap((c) => {
    const b = earlier.get(c.name);
    return b ? [cpuUsage(b, c)] : [];
  });
}

export async function readStat(): Promise<ReadResult<KernelStat>> {
  const text = await readText(procPath('stat'));
  return text.ok ? { ok: true, value: parseStat(text.value) } : text;
}
