// /proc/PID/limits: a header, then fixed-width columns `Limit Soft Hard Units`. Names contain
// spaces and units can be empty, so each row is split on runs of 2+ spaces.

import { procPath, readText, type ReadResult } from './procfs';

export interface Limit {
  name: string;
  /** A number as text (may exceed 2^53) or "unlimited". */
  soft: string;
  hard: string;
  units: string;
  /** prlimit's RESOURCE name (NOFILE …), when known. */
  resource?: string;
}

/** /proc limits names -> prlimit(1) / setrlimit(2) resource names. */
export const RESOURCE_NAMES: Record<string, string> = {
  'Max cpu time': 'CPU',
  'Max file size': 'FSIZE',
  'Max data size': 'DATA',
  'Max stack size': 'STACK',
  'Max core file size': 'CORE',
  'Max resident set': 'RSS',
  'Max processes': 'NPROC',
  'Max open files': 'NOFILE',
  'Max locked memory': 'MEMLOCK',
  'Max address space': 'AS',
  'Max file locks': 'LOCKS',
  'Max pending signals': 'SIGPENDING',
  'Max msgqueue size': 'MSGQUEUE',
  'Max nice priority': 'NICE',
  'Max realtime priority': 'RTPRIO',
  'Max realtime timeout': 'RTTIME',
};

export function parseLimits(text: string): Limit[] {
  const out: Limit[] = [];
  for (const line of text.split('\n')) {
    if (/^Limit\s/.test(line)) continue;
    const m = /^(.*?)\s{2,}(\S+)\s+(\S+)(?:\s+(\S+))?\s*$/.exec(line);
    if (!m) continue;
    out.push({ name: m[1], soft: m[2], hard: m[3], units: m[4] ?? '', resource: RESOURCE_NAMES[m[1]] });
  }
  return out;
}

export async function readLimits(pid: number): Promise<ReadResult<Limit[]>> {
  const text = await readText(procPath(pid, 'limits'));
  return text.ok ? { ok: true, value: parseLimits(text.value) } : text;
}
