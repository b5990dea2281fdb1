// User names for uids, from /etc/passwd (what ps shows; uid numbers when a name is unknown,
// e.g. for users that exist only in LDAP or in another container).

import { readSystemFile } from './procfs';

export function parsePasswd(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2]) && !out.has(Number(f[2]))) out.set(Number(f[2]), f[0]);
  }
  return out;
}

export async function userNames(): Promise<Map<number, string>> {
  const text = await readSystemFile('/etc/passwd');
  return text.ok ? parsePasswd(text.value) : new Map();
}
