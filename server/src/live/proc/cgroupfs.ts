// The limits and use of a process's cgroups, read from the cgroup filesystems (v2 and v1).
// A cgroup's directory is its mount point plus its path with the mount's root stripped:
// inside a container without a cgroup namespace the path is the host's (/docker/<id>) but
// the mount's root is that same cgroup.

import * as path from 'node:path';
import { V1_MEMORY_UNLIMITED } from './cgroupFiles';
import type { CgroupLine } from './pidCgroup';
import type { Mount } from './mountinfo';
import { readText } from './procfs';

/** v2 files (bytes, µs); most exist only below the root cgroup. */
export const V2_FILES = ['memory.max', 'memory.high', 'memory.current', 'memory.swap.max', 'memory.swap.current', 'memory.events', 'cpu.max', 'cpu.stat', 'pids.max', 'pids.current'];
/** v1 files per controller; "unlimited" is 9223372036854771712 (memory) or -1 (cpu quota). */
export const V1_FILES: Record<string, string[]> = {
  memory: ['memory.limit_in_bytes', 'memory.usage_in_bytes', 'memory.max_usage_in_bytes', 'memory.oom_control'],
  cpu: ['cpu.cfs_quota_us', 'cpu.cfs_period_us'],
  pids: ['pids.max', 'pids.current'],
};

export interface CgroupView {
  version: 1 | 2;
  controllers: string[];
  path: string;
  deleted: boolean;
  /** Where its files are, or undefined when no matching mount was found. */
  directory?: string;
  /** File name -> content (trimmed), for the files that exist. */
  files: Record<string, string>;
  /** File name -> why it is not there (missing at the root cgroup, controller not enabled …). */
  missing: Record<string, string>;
}

export function cgroupDirectory(line: CgroupLine, mounts: Mount[]): string | undefined {
  const mount =
    line.hierarchy === 0
      ? mounts.find((m) => m.fstype === 'cgroup2')
      : mounts.find((m) => m.fstype === 'cgroup' && line.controllers.every((c) => m.superOptions.includes(c)));
  if (!mount) return undefined;
  let rel = line.path;
  if (mount.root !== '/' && (rel === mount.root || rel.startsWith(mount.root + '/'))) rel = rel.slice(mount.root.length) || '/';
  return rel === '/' ? mount.mountPoint : path.join(mount.mountPoint, rel);
}

/** Key-value files such as memory.events, cpu.stat, memory.oom_control. */
export function parseFlatKeyed(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [k, v] = line.trim().split(/\s+/);
    if (k && v !== undefined && /^-?\d+$/.test(v)) out[k] = Number(v);
  }
  return out;
}

/** "max 100000" -> cores (undefined = unlimited). */
export function cpuMaxCores(text: string): number | undefined {
  const [max, period] = text.trim().split(/\s+/);
  if (max === 'max' || !/^\d+$/.test(max ?? '') || !/^\d+$/.test(period ?? '')) return undefined;
  return Number(max) / Number(period);
}

/** v1 memory limits at or above this are "unlimited" (one constant, in cgroupFiles.ts). */
export const V1_UNLIMITED = V1_MEMORY_UNLIMITED;

export async function readCgroupViews(lines: CgroupLine[], mounts: Mount[]): Promise<CgroupView[]> {
  const hasV2 = mounts.some((m) => m.fstype === 'cgroup2');
  const views: CgroupView[] = [];
  for (const line of lines) {
    if (line.hierarchy === 0 && !hasV2) continue; // "0::/" without a cgroup2 mount carries nothing
    const version = line.hierarchy === 0 ? 2 : 1;
    const names = version === 2 ? V2_FILES : line.controllers.flatMap((c) => V1_FILES[c] ?? []);
    if (version === 1 && names.length === 0) continue; // devices, freezer, name=systemd … have no limits we show
    const directory = cgroupDirectory(line, mounts);
    const view: CgroupView = { version, controllers: line.controllers, path: line.path, deleted: line.deleted, directory, files: {}, missing: {} };
    if (directory) {
      await Promise.all(
        names.map(async (name) => {
          const r = await readText(path.join(directory, name));
          if (r.ok) view.files[name] = r.value.trim();
          else view.missing[name] = r.error.code === 'ENOENT' ? 'absent: the root cgroup, or the controller is not enabled here' : r.error.message;
        }),
      );
    }
    views.push(view);
  }
  return views;
}
