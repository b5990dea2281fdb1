// /proc/PID/environ: the initial environment from execve, NUL-separated KEY=VALUE (split at
// the first '='; entries without one exist). Mode 0400 and ptrace-checked: other users'
// processes give EACCES even to root without CAP_SYS_PTRACE.

import { procPath, readBytes, type ReadResult } from './procfs';

export interface EnvEntry {
  name: string;
  /** undefined for an entry without '='. */
  value?: string;
}

export function parseEnviron(bytes: Buffer): EnvEntry[] {
  return bytes
    .toString('utf8')
    .split('\0')
    .filter((e) => e !== '')
    .map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? { name: e } : { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
}

export async function readEnviron(pid: number): Promise<ReadResult<EnvEntry[]>> {
  const bytes = await readBytes(procPath(pid, 'environ'));
  return bytes.ok ? { ok: true, value: parseEnviron(bytes.value) } : bytes;
}
