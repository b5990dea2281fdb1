// /proc/PID/oom_score (0-2000, adj included) and oom_score_adj (-1000..1000; -1000 = never
// killed). Both world-readable.

import { procPath, readText, type ReadResult } from './procfs';

export function parseScore(text: string): number | undefined {
  const m = /^\s*(-?\d+)\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export async function readOom(pid: number): Promise<{ score: ReadResult<number | undefined>; adj: ReadResult<number | undefined> }> {
  const [score, adj] = await Promise.all([readText(procPath(pid, 'oom_score')), readText(procPath(pid, 'oom_score_adj'))]);
  const map = (r: typeof score): ReadResult<number | undefined> => (r.ok ? { ok: true, value: parseScore(r.value) } : r);
  return { score: map(score), adj: map(adj) };
}
