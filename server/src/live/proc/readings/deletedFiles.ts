// `deleted-files`: the phantom disk filler. Every file that was deleted while a process still
// holds it open keeps its blocks until the last holder closes it: `df` counts them, `du`
// cannot see them. Listed largest first, with the holders and the total a restart frees.

import { failedReport } from '../../../core/command';
import { mapLimited, scanAllFds } from '../fdScan';
import { humanBytes, notes, table } from '../format';
import { withoutDeletedMark } from '../pidFd';
import { procPath, readLink, statPath } from '../procfs';
import { okReport, type Reading } from '../report';

export interface DeletedFile {
  /** The path it had, without " (deleted)". */
  path: string;
  size: number;
  dev: number;
  ino: number;
  /** A memfd (anonymous memory file): RAM, not disk. */
  memfd: boolean;
  /** fd is the descriptor number, or "txt" for a deleted executable still running (as lsof says). */
  holders: Array<{ pid: number; command: string; fd: number | 'txt' }>;
}

export interface DeletedFilesData {
  files: DeletedFile[];
  /** Bytes freed once every holder closes (or restarts), memfds excluded. */
  totalBytes: number;
  memfdBytes: number;
  /** pids whose open files could not be read (other users without root). */
  unreadablePids: number[];
  unreadable: string[];
}

export function renderDeletedFiles(data: DeletedFilesData): string {
  if (!data.files.length) {
    let text = 'No deleted files are held open.\n';
    if (data.unreadablePids.length) text += `(${data.unreadablePids.length} processes of other users could not be checked: run as root to see them.)\n`;
    return text + notes(data.unreadable);
  }
  const heldBy = (f: DeletedFile) => {
    const shown = f.holders.slice(0, 3).map((h) => `${h.pid} ${h.command} (${h.fd === 'txt' ? 'running executable' : `fd ${h.fd}`})`);
    return shown.join('; ') + (f.holders.length > 3 ? `; +${f.holders.length - 3} more` : '');
  };
  const rows = data.files.map((f) => [humanBytes(f.size), String(f.size), f.memfd ? `${f.path} (memfd: RAM)` : f.path, heldBy(f)]);
  let text = table(['SIZE', 'BYTES', 'DELETED FILE', 'HELD BY'], rows, ['right', 'right', 'left', 'left']);
  const disk = data.files.filter((f) => !f.memfd).length;
  text += `\n${disk} deleted file${disk === 1 ? '' : 's'} still open: ${humanBytes(data.totalBytes)} (${data.totalBytes} bytes) comes back when the holders close them or restart.\n`;
  if (data.memfdBytes) text += `memfd files (anonymous memory, not disk): ${humanBytes(data.memfdBytes)}.\n`;
  if (data.unreadablePids.length) text += `${data.unreadablePids.length} processes of other users could not be checked (run as root to see them).\n`;
  return text + notes(data.unreadable);
}

export const deletedFilesReading: Reading = async () => {
  const scan = await scanAllFds();
  if (!scan.ok) return failedReport('Deleted open files', scan.error.message);
  const byInode = new Map<string, DeletedFile>();
  const unreadable: string[] = [];
  const candidates = scan.value.processes.flatMap((p) => p.links.filter((l) => l.deletedMark && (l.kind === 'file' || l.kind === 'memfd')).map((l) => ({ p, l })));
  const record = async (pid: number, command: string, fd: number | 'txt', target: string) => {
    // stat follows the magic link to the open inode: nlink 0 confirms the unlink (a file can
    // really be named "x (deleted)"), and size is what the file still occupies.
    const st = await statPath(procPath(pid, fd === 'txt' ? 'exe' : 'fd', ...(fd === 'txt' ? [] : [fd])));
    if (!st.ok && st.error.code !== 'ENOENT') unreadable.push(st.error.message);
    if (!st.ok || st.value.nlink !== 0 || !st.value.isFile) return;
    const key = `${st.value.dev}:${st.value.ino}`;
    const file = byInode.get(key) ?? { path: withoutDeletedMark(target), size: st.value.size, dev: st.value.dev, ino: st.value.ino, memfd: target.startsWith('/memfd:'), holders: [] };
    file.holders.push({ pid, command, fd });
    byInode.set(key, file);
  };
  await mapLimited(candidates, 64, ({ p, l }) => record(p.pid, p.command, l.fd, l.target));
  // A running executable that was replaced or deleted (a package upgrade) holds its blocks too.
  await mapLimited(scan.value.processes, 32, async (p) => {
    const exe = await readLink(procPath(p.pid, 'exe'));
    if (exe.ok && exe.value.endsWith(' (deleted)')) await record(p.pid, p.command, 'txt', exe.value);
  });
  const files = [...byInode.values()].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
  for (const f of files) f.holders.sort((a, b) => a.pid - b.pid || String(a.fd).localeCompare(String(b.fd), undefined, { numeric: true }));
  const data: DeletedFilesData = {
    files,
    totalBytes: files.filter((f) => !f.memfd).reduce((s, f) => s + f.size, 0),
    memfdBytes: files.filter((f) => f.memfd).reduce((s, f) => s + f.size, 0),
    unreadablePids: scan.value.unreadable.map((u) => u.pid),
    unreadable,
  };
  return okReport('Deleted open files', renderDeletedFiles(data), data);
};
