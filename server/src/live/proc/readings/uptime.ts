// `uptime`: time since boot, boot time, and idle time summed over the CPUs.

import { failedReport } from '../../../core/command';
import { humanDuration, notes } from '../format';
import { readStat } from '../stat';
import { readUptime } from '../uptime';
import { okReport, type Reading } from '../report';

export interface UptimeData {
  uptimeSeconds: number;
  /** Idle seconds summed over all CPUs (can exceed uptime). */
  idleSeconds: number;
  /** Boot time: /proc/stat btime when readable, else now − uptime. */
  bootTime: string;
  btime?: number;
  unreadable: string[];
}

export function renderUptime(data: UptimeData): string {
  return (
    `up ${humanDuration(data.uptimeSeconds)} (${data.uptimeSeconds.toFixed(2)} s)\n` +
    `booted ${data.bootTime}${data.btime === undefined ? ' (estimated from uptime)' : ''}\n` +
    `idle ${data.idleSeconds.toFixed(2)} CPU-seconds, summed over all CPUs\n` +
    notes(data.unreadable)
  );
}

export const uptimeReading: Reading = async () => {
  const [uptime, stat] = await Promise.all([readUptime(), readStat()]);
  if (!uptime.ok) return failedReport('Uptime', uptime.error.message);
  const btime = stat.ok ? stat.value.btime : undefined;
  const bootMs = btime !== undefined ? btime * 1000 : Date.now() - uptime.value.uptimeSeconds * 1000;
  const data: UptimeData = {
    ...uptime.value,
    bootTime: new Date(bootMs).toISOString().replace(/\.\d+Z$/, 'Z'),
    btime,
    unreadable: stat.ok ? [] : [stat.error.message],
  };
  return okReport('Uptime', renderUptime(data), data);
};
