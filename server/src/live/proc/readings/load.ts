// `load`: the load averages, and CPU utilisation per CPU from two /proc/stat samples.

import { failedReport } from '../../../core/command';
import { systemUnits } from '../auxv';
import { notes, percent, table } from '../format';
import { type Loadavg, readLoadavg } from '../loadavg';
import { sleep } from '../procfs';
import { intervalOption, okReport, type Reading } from '../report';
import { type CpuTimes, type CpuUsage, readStat, usageBetween } from '../stat';

export interface LoadData {
  loadavg?: Loadavg;
  intervalMs: number;
  /** Aggregate ("cpu") first, then each online CPU. */
  usage: CpuUsage[];
  /** USER_HZ from /proc/self/auxv (ticks per second). */
  userHz: number;
  /** Seconds of CPU time since boot, all CPUs together (from the second sample). */
  sinceBoot?: { user: number; system: number; idle: number; iowait: number; steal: number };
  unreadable: string[];
}

export function renderLoad(data: LoadData): string {
  let text = '';
  const l = data.loadavg;
  if (l) {
    text += `Load average: ${l.load1.toFixed(2)}, ${l.load5.toFixed(2)}, ${l.load15.toFixed(2)} (1, 5, 15 min)\n`;
    text += `Runnable now: ${l.running} of ${l.total} threads; last pid ${l.lastPid}\n`;
    const online = data.usage.length > 1 ? data.usage.length - 1 : 0;
    if (online) text += `Online CPUs: ${online} (1-min load per CPU ${(l.load1 / online).toFixed(2)})\n`;
  }
  if (data.usage.length) {
    text += `\nCPU use over ${(data.intervalMs / 1000).toFixed(1)} s (two /proc/stat samples):\n`;
    text += table(
      ['CPU', 'busy', 'user', 'system', 'iowait', 'steal', 'idle'],
      data.usage.map((u) => [u.name === 'cpu' ? 'all' : u.name, percent(u.busy), percent(u.user), percent(u.system), percent(u.iowait), percent(u.steal), percent(u.idle)]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    );
    text += 'user includes nice (and guest time); system includes irq and softirq.\n';
  }
  const b = data.sinceBoot;
  if (b) text += `\nCPU seconds since boot (USER_HZ ${data.userHz}): user ${b.user.toFixed(2)}, system ${b.system.toFixed(2)}, iowait ${b.iowait.toFixed(2)}, steal ${b.steal.toFixed(2)}, idle ${b.idle.toFixed(2)}\n`;
  return text + notes(data.unreadable);
}

function secondsSinceBoot(cpu: CpuTimes, hz: number): LoadData['sinceBoot'] {
  return { user: (cpu.user + cpu.nice) / hz, system: (cpu.system + cpu.irq + cpu.softirq) / hz, idle: cpu.idle / hz, iowait: cpu.iowait / hz, steal: cpu.steal / hz };
}

export const loadReading: Reading = async (input) => {
  const intervalMs = intervalOption(input);
  const [loadavg, first, units] = await Promise.all([readLoadavg(), readStat(), systemUnits()]);
  if (!loadavg.ok && !first.ok) return failedReport('Load', `${loadavg.error.message}; ${first.error.message}`);
  const unreadable: string[] = [];
  if (!loadavg.ok) unreadable.push(loadavg.error.message);
  let usage: CpuUsage[] = [];
  let sinceBoot: LoadData['sinceBoot'];
  if (first.ok) {
    await sleep(intervalMs);
    const second = await readStat();
    if (second.ok) {
      usage = usageBetween(first.value, second.value);
      const all = second.value.cpus.find((c) => c.name === 'cpu');
      if (all) sinceBoot = secondsSinceBoot(all, units.hz);
    } else unreadable.push(second.error.message);
  } else unreadable.push(first.error.message);
  if (units.assumed) unreadable.push('/proc/self/auxv: USER_HZ not readable, assuming 100');
  const data: LoadData = { loadavg: loadavg.ok ? loadavg.value : undefined, intervalMs, usage, userHz: units.hz, sinceBoot, unreadable };
  return okReport('Load and CPU', renderLoad(data), data);
};
