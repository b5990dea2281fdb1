// /proc/uptime: `8295.23 16368.23`: seconds since boot (CLOCK_BOOTTIME, suspend included)
// and idle seconds summed over all CPUs (so it can exceed the first number).

import { malformed, procPath, readText, type ReadResult } from './procfs';

export interface Uptime {
  uptimeSeconds: number;
  idleSeconds: number;
}

export function parseUptime(text: string): Uptime | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)/.exec(text);
  return m ? { uptimeSeconds: Number(m[1]), idleSeconds: Number(m[2]) } : undefined;
}

export async function readUptime(): Promise<ReadResult<Uptime>> {
  const file = procPath('uptime');
  const text = await readText(file);
  if (!text.ok) return text;
  const value = parseUptime(text.value);
  return value ? { ok: true, value } : { ok: false, error: malformed(file, 'expected "uptime idle" seconds') };
}
