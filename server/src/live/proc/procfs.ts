// The only module under live/proc that touches the file system, and only to read: whole
// files, symlink targets, directory listings and stat. Every failure comes back as a
// ReadError value with a sentence saying what was not readable and why, never a throw.

import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** The procfs mount to read; PROC_ROOT overrides it as it does for ss (tests, chroots). */
export function procRoot(): string {
  return process.env.PROC_ROOT || '/proc';
}

/** A path under the procfs mount: procPath('net', 'tcp') -> /proc/net/tcp. */
export function procPath(...parts: Array<string | number>): string {
  return path.join(procRoot(), ...parts.map(String));
}

export interface ReadError {
  path: string;
  /** errno name (ENOENT, EACCES, ESRCH …) or "EINVAL" for a malformed file. */
  code: string;
  /** One sentence for the user. */
  message: string;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: ReadError };

const REASONS: Record<string, string> = {
  ENOENT: 'it does not exist (the process has exited, or this kernel or sandbox does not provide it)',
  ESRCH: 'the process exited while it was being read',
  EACCES: 'permission denied (it belongs to another user: root or CAP_SYS_PTRACE is needed, or /proc is mounted with hidepid)',
  EPERM: 'operation not permitted (it belongs to another user: root or CAP_SYS_PTRACE is needed)',
  EINVAL: 'the kernel refused the read (EINVAL)',
  ENOTDIR: 'it is not a directory here (this kernel or sandbox lays /proc out differently)',
  EIO: 'the kernel returned an I/O error',
};

export function readError(file: string, e: unknown): ReadError {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';
  const reason = REASONS[code] ?? `${(e as Error)?.message ?? String(e)}`;
  return { path: file, code, message: `cannot read ${file}: ${reason}` };
}

export function malformed(file: string, what: string): ReadError {
  return { path: file, code: 'EINVAL', message: `cannot understand ${file}: ${what}` };
}

async function attempt<T>(file: string, op: () => Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await op() };
  } catch (e) {
    return { ok: false, error: readError(file, e) };
  }
}

// procfs files report st_size 0 or 4096, so read to EOF in one call (readFile does) and
// never trust the size.
export function readText(file: string): Promise<ReadResult<string>> {
  return attempt(file, () => fsp.readFile(file, { encoding: 'utf8', flag: 'r' }));
}

export function readBytes(file: string): Promise<ReadResult<Buffer>> {
  return attempt(file, () => fsp.readFile(file, { flag: 'r' }));
}

export function readLink(file: string): Promise<ReadResult<string>> {
  return attempt(file, () => fsp.readlink(file, { encoding: 'utf8' }));
}

export function listDir(dir: string): Promise<ReadResult<string[]>> {
  return attempt(dir, () => fsp.readdir(dir));
}

// Synchronous twins for the per-fd walk: readlink on /proc/PID/fd/N never blocks on a file
// system (the kernel prints the path it holds), and an await per fd costs more than the
// syscall itself (10,000 sockets: a third of the run was promise round trips and their garbage).
function attemptSync<T>(file: string, op: () => T): ReadResult<T> {
  try {
    return { ok: true, value: op() };
  } catch (e) {
    return { ok: false, error: readError(file, e) };
  }
}

export function readLinkSync(file: string): ReadResult<string> {
  return attemptSync(file, () => fs.readlinkSync(file, { encoding: 'utf8' }));
}

/**
 * The link's target, or undefined when it cannot be read (closed, exited, no permission): for
 * hot loops (one call per fd of every process) where the reason does not matter, without a
 * result object or closure per call.
 */
export function linkTargetSync(file: string): string | undefined {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

export function listDirSync(dir: string): ReadResult<string[]> {
  return attemptSync(dir, () => fs.readdirSync(dir));
}

/** A small procfs file (/proc/PID/stat), read whole; see readText. */
export function readTextSync(file: string): ReadResult<string> {
  return attemptSync(file, () => fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }));
}

export interface FileStat {
  size: number;
  nlink: number;
  dev: number;
  ino: number;
  uid: number;
  isFile: boolean;
  isDirectory: boolean;
  isSocket: boolean;
  isFIFO: boolean;
  isCharacterDevice: boolean;
  isBlockDevice: boolean;
}

/** How long a stat may take before the file's file system is treated as not answering. */
export const STAT_TIMEOUT_MS = 3000;

/**
 * stat follows symlinks: on /proc/PID/fd/N it describes the open inode itself. That can
 * block on a hung network file system (lsof has -b for this), so give up after a while and
 * say so rather than hang the whole report.
 */
export function statPath(file: string, timeoutMs = STAT_TIMEOUT_MS): Promise<ReadResult<FileStat>> {
  return withinTime(file, timeoutMs, statNow(file));
}

export async function withinTime<T>(file: string, timeoutMs: number, op: Promise<ReadResult<T>>): Promise<ReadResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadResult<T>>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: { path: file, code: 'ETIMEDOUT', message: `cannot stat ${file}: no answer within ${timeoutMs / 1000} s (a hung network file system?)` } }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([op, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function statNow(file: string): Promise<ReadResult<FileStat>> {
  return attempt(file, async () => {
    const s = await fsp.stat(file);
    return {
      size: s.size,
      nlink: s.nlink,
      dev: s.dev,
      ino: s.ino,
      uid: s.uid,
      isFile: s.isFile(),
      isDirectory: s.isDirectory(),
      isSocket: s.isSocket(),
      isFIFO: s.isFIFO(),
      isCharacterDevice: s.isCharacterDevice(),
      isBlockDevice: s.isBlockDevice(),
    };
  });
}

/** Numeric entries of /proc: the pids visible in this PID namespace, ascending. */
export async function listPids(): Promise<ReadResult<number[]>> {
  const dir = await listDir(procRoot());
  if (!dir.ok) return dir;
  const pids = dir.value.filter((n) => /^[0-9]+$/.test(n)).map(Number);
  return { ok: true, value: pids.sort((a, b) => a - b) };
}

/** Reads a file outside /proc that the readings need (user names from /etc/passwd). */
export function readSystemFile(file: string): Promise<ReadResult<string>> {
  return readText(file);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
