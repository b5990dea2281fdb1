// /proc/net/unix: `Num RefCount Protocol Flags Type St Inode [Path]`. The path is everything
// after the seventh field and may contain spaces; abstract names start with '@' and show
// every NUL byte as '@'. There is no peer and no queue column (ss gets them by netlink).

import { procPath, readTextSync, type ReadResult } from './procfs';

export interface UnixSocket {
  protocol: 'unix';
  /** u_str, u_dgr, u_seq as ss names the types. */
  type: 'u_str' | 'u_dgr' | 'u_seq' | string;
  /** As ss prints it: LISTEN, ESTAB, UNCONN, SYN-SENT … */
  state: string;
  listening: boolean;
  refCount: number;
  inode: number;
  /** Bound path, "@abstract", or undefined for an unbound socket. */
  path?: string;
}

const TYPES: Record<number, string> = { 1: 'u_str', 2: 'u_dgr', 5: 'u_seq' };
// socket states (SS_*): 1 unconnected, 2 connecting, 3 connected, 4 disconnecting.
const STATES: Record<number, string> = { 1: 'UNCONN', 2: 'SYN-SENT', 3: 'ESTAB', 4: 'CLOSING' };
const ACCEPTCON = 0x10000;

export function parseUnix(text: string): UnixSocket[] {
  const out: UnixSocket[] = [];
  for (const line of text.split('\n')) {
    // Seven fields, then an optional path that keeps its spaces.
    const m = /^\s*([0-9A-Fa-f]+):\s+([0-9A-Fa-f]+)\s+([0-9A-Fa-f]+)\s+([0-9A-Fa-f]+)\s+([0-9A-Fa-f]+)\s+([0-9A-Fa-f]+)\s+(\d+)(?: (.*))?$/.exec(line);
    if (!m) continue;
    const flags = parseInt(m[4], 16);
    const type = parseInt(m[5], 16);
    const st = parseInt(m[6], 16);
    const listening = (flags & ACCEPTCON) !== 0;
    out.push({
      protocol: 'unix',
      type: TYPES[type] ?? `type ${type}`,
      state: listening ? 'LISTEN' : (STATES[st] ?? `0x${m[6]}`),
      listening,
      refCount: parseInt(m[2], 16),
      inode: Number(m[7]),
      path: m[8] === undefined || m[8] === '' ? undefined : m[8],
    });
  }
  return out;
}

/** The table, read synchronously (see readInetSync). */
export function readUnixSync(): ReadResult<UnixSocket[]> {
  const text = readTextSync(procPath('net', 'unix'));
  return text.ok ? { ok: true, value: parseUnix(text.value) } : text;
}
