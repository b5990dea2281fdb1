// /proc/loadavg: `0.61 0.61 0.55 3/828 22084` (1/5/15-minute averages, running/total
// scheduling entities, last pid allocated).

import { malformed, procPath, readText, type ReadResult } from './procfs';

export interface Loadavg {
  load1: number;
  load5: number;
  load15: number;
  running: number;
  total: number;
  lastPid: number;
}

export function parseLoadavg(text: string): Loadavg | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+)\/(\d+)\s+(\d+)/.exec(text);
  if (!m) return undefined;
  const n = m.slice(1).map(Number);
  return { load1: n[0], load5: n[1], load15: n[2], running: n[3], total: n[4], lastPid: n[5] };
}

export async function readLoadavg(): Promise<ReadResult<Loadavg>> {
  const file = procPath('loadavg');
  const text = await readText(file);
  if (!text.ok) return text;
  const value = parseLoadavg(text.value);
  return value ? { ok: true, value } : { ok: false, error: malformed(file, 'expected "load1 load5 load15 running/total lastpid"') };
}
