// /proc/self/mountinfo: `id parent major:minor root mountpoint options [optional…] - fstype source superoptions`.
// Paths escape space, tab, newline and backslash as octal (\040 …).

import { procPath, readText, type ReadResult } from './procfs';

export interface Mount {
  root: string;
  mountPoint: string;
  fstype: string;
  source: string;
  superOptions: string[];
}

export function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export function parseMountinfo(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    const dash = f.indexOf('-', 6);
    if (f.length < 10 || dash < 0 || dash + 3 > f.length) continue;
    out.push({ root: unescapeOctal(f[3]), mountPoint: unescapeOctal(f[4]), fstype: f[dash + 1], source: unescapeOctal(f[dash + 2]), superOptions: (f[dash + 3] ?? '').split(',') });
  }
  return out;
}

export async function readMountinfo(): Promise<ReadResult<Mount[]>> {
  const text = await readText(procPath('self', 'mountinfo'));
  return text.ok ? { ok: true, value: parseMountinfo(text.value) } : text;
}

/** The hidepid option of the procfs mounted at `procMount` ("2", "invisible" …), if any. */
export function procHidepid(mounts: Mount[], procMount: string): string | undefined {
  const proc = mounts.filter((m) => m.fstype === 'proc' && m.mountPoint === procMount).pop();
  const option = proc?.superOptions.find((o) => o.startsWith('hidepid='));
  const value = option?.slice('hidepid='.length);
  return value && value !== '0' && value !== 'off' ? value : undefined;
}
