// /proc/PID/cgroup: `hierarchy-ID:controller-list:path`. v1 lines name their controllers
// ("4:memory:/docker/abc", "9:name=systemd:/"); the v2 line is "0::/path" and exists even
// when cgroup2 is not mounted (so detect v2 by the mount, not by this line). The path may
// contain ':' (split with a limit) and ends in " (deleted)" for a removed v2 cgroup.

import { procPath, readText, type ReadResult } from './procfs';

export interface CgroupLine {
  hierarchy: number;
  controllers: string[];
  path: string;
  deleted: boolean;
}

export function parseCgroup(text: string): CgroupLine[] {
  const out: CgroupLine[] = [];
  for (const line of text.split('\n')) {
    const a = line.indexOf(':');
    const b = a < 0 ? -1 : line.indexOf(':', a + 1);
    if (a < 0 || b < 0 || !/^\d+$/.test(line.slice(0, a))) continue;
    let path = line.slice(b + 1);
    const deleted = path.endsWith(' (deleted)');
    if (deleted) path = path.slice(0, -' (deleted)'.length);
    out.push({ hierarchy: Number(line.slice(0, a)), controllers: line.slice(a + 1, b).split(',').filter(Boolean), path, deleted });
  }
  return out;
}

export async function readCgroup(pid: number): Promise<ReadResult<CgroupLine[]>> {
  const text = await readText(procPath(pid, 'cgroup'));
  return text.ok ? { ok: true, value: parseCgroup(text.value) } : text;
}
