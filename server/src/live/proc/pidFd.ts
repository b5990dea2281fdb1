// /proc/PID/fd (symlinks to what each descriptor holds) and /proc/PID/fdinfo/N.
// Targets: an absolute path (" (deleted)" appended once unlinked), socket:[N], pipe:[N],
// anon_inode:[eventfd] or anon_inode:inotify, net:[4026531840] and other namespaces,
// /memfd:name (deleted). Unknown forms stay opaque.

import { listDir, procPath, readLinkSync, readText, type ReadError, type ReadResult } from './procfs';

export type FdKind = 'file' | 'socket' | 'pipe' | 'anon_inode' | 'memfd' | 'namespace' | 'other';

export interface FdLink {
  fd: number;
  target: string;
  kind: FdKind;
  /** The inode inside socket:[N] / pipe:[N]. */
  inode?: number;
  /** The link ends in " (deleted)" (confirm with nlink 0: a file can be named that). */
  deletedMark: boolean;
}

export function classifyFdTarget(fd: number, target: string): FdLink {
  const deletedMark = target.endsWith(' (deleted)');
  const bracket = /^(socket|pipe):\[(\d+)\]$/.exec(target);
  if (bracket) return { fd, target, kind: bracket[1] as 'socket' | 'pipe', inode: Number(bracket[2]), deletedMark: false };
  if (target.startsWith('anon_inode:')) return { fd, target, kind: 'anon_inode', deletedMark: false };
  if (target.startsWith('/memfd:')) return { fd, target, kind: 'memfd', deletedMark };
  if (/^[a-z_]+:\[\d+\]$/.test(target)) return { fd, target, kind: 'namespace', deletedMark: false };
  if (target.startsWith('/')) return { fd, target, kind: 'file', deletedMark };
  return { fd, target, kind: 'other', deletedMark };
}

/** The path without the " (deleted)" suffix. */
export function withoutDeletedMark(target: string): string {
  return target.endsWith(' (deleted)') ? target.slice(0, -' (deleted)'.length) : target;
}

export interface FdListing {
  links: FdLink[];
  /** Descriptors closed between the listing and the readlink, or otherwise unreadable. */
  errors: ReadError[];
}

export async function readFdLinks(pid: number): Promise<ReadResult<FdListing>> {
  const dir = procPath(pid, 'fd');
  const names = await listDir(dir);
  if (!names.ok) return names;
  const links: FdLink[] = [];
  const errors: ReadError[] = [];
  const fds = names.value.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  // One synchronous readlink per fd: no promise per descriptor (see procfs readLinkSync).
  const base = `${dir}/`;
  for (const fd of fds) {
    const target = readLinkSync(base + fd);
    if (target.ok) links.push(classifyFdTarget(fd, target.value));
    else if (target.error.code !== 'ENOENT') errors.push(target.error);
  }
  return { ok: true, value: { links, errors } };
}

export interface FdInfo {
  pos?: number;
  /** O_* flags (the file prints them in octal). */
  flags?: number;
  mntId?: number;
  ino?: number;
  /** Every key as printed, for the optional extras (eventfd-count, tfd, inotify …). */
  raw: Record<string, string>;
}

export function parseFdinfo(text: string): FdInfo {
  const raw: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    if (!(key in raw)) raw[key] = line.slice(colon + 1).trim();
  }
  const num = (v: string | undefined, base = 10) => (v !== undefined && v !== '' && !Number.isNaN(parseInt(v, base)) ? parseInt(v, base) : undefined);
  return { pos: num(raw.pos), flags: num(raw.flags, 8), mntId: num(raw.mnt_id), ino: num(raw.ino), raw };
}

/** lsof's access mode letter: r (O_RDONLY), w (O_WRONLY), u (O_RDWR). */
export function accessMode(flags: number | undefined): 'r' | 'w' | 'u' | '' {
  if (flags === undefined) return '';
  const acc = flags & 3;
  return acc === 0 ? 'r' : acc === 1 ? 'w' : acc === 2 ? 'u' : '';
}

export async function readFdinfo(pid: number, fd: number): Promise<ReadResult<FdInfo>> {
  const text = await readText(procPath(pid, 'fdinfo', fd));
  return text.ok ? { ok: true, value: parseFdinfo(text.value) } : text;
}
