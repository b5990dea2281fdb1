// /proc/net/dev: two header lines, then `name: 16 counters`. Modern kernels print
// `%6s: %7llu …`; 2.6-era ones `%6s:%8lu`, so a counter can touch the colon
// ("eth0:123456"), and devices without stats said "No statistics available.".
// Split on the first ':' (interface names cannot contain one). Per network namespace.

import { procPath, readText, type ReadResult } from './procfs';

const RX = ['bytes', 'packets', 'errs', 'drop', 'fifo', 'frame', 'compressed', 'multicast'] as const;
const TX = ['bytes', 'packets', 'errs', 'drop', 'fifo', 'colls', 'carrier', 'compressed'] as const;

/** drop = rx_dropped + rx_missed; frame = length + over + crc + frame errors. */
export type RxCounters = Record<(typeof RX)[number], number>;
/** carrier = carrier + aborted + window + heartbeat errors. */
export type TxCounters = Record<(typeof TX)[number], number>;

export interface NetDevice {
  name: string;
  /** Absent for a device the kernel printed no statistics for. */
  rx?: RxCounters;
  tx?: TxCounters;
}

function counters<K extends string>(names: readonly K[], nums: number[]): Record<K, number> {
  return Object.fromEntries(names.map((n, i) => [n, nums[i]])) as Record<K, number>;
}

export function parseNetDev(text: string): NetDevice[] {
  const out: NetDevice[] = [];
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.includes('|')) continue; // headers have '|' and no ':'
    const name = line.slice(0, colon).trim();
    if (!name) continue;
    const nums = line.slice(colon + 1).trim().split(/\s+/).map(Number);
    if (nums.length >= 16 && nums.slice(0, 16).every(Number.isFinite)) out.push({ name, rx: counters(RX, nums.slice(0, 8)), tx: counters(TX, nums.slice(8, 16)) });
    else out.push({ name });
  }
  return out;
}

export async function readNetDev(): Promise<ReadResult<NetDevice[]>> {
  const text = await readText(procPath('net', 'dev'));
  return text.ok ? { ok: true, value: parseNetDev(text.value) } : text;
}
