// A container's own resolv.conf, read through /proc/<pid>/root: the kernel resolves that
// link in the process's mount namespace, so the file is the one the container's resolver
// reads (the kubelet's generated file bind-mounted over /etc/resolv.conf), not the node's.
// Which libc reads it is guessed from the dynamic loaders the image ships: musl's
// /lib/ld-musl-<arch>.so.1 alone (Alpine) means musl; a glibc loader (/lib64/ld-linux-*,
// /lib/ld-linux-*) beside it means most programs there are glibc's (a Debian with the musl
// package); neither (a static or distroless image) is reported as a guess.

import * as path from 'node:path';
import type { Libc } from '../../resolver/options';
import type { NodeRoots } from './nodeRoots';
import { listDir, readText, type ReadResult } from './procfs';

export interface ContainerResolvConf {
  pid: number;
  path: string;
  text: string;
  libc: Libc;
  /** Why that libc: the loader found, or that none was. */
  libcEvidence: string;
}

/** The libc an image's /lib and /lib64 listings point to. */
export function libcFromLoaders(lib: string[], lib64: string[]): { libc: Libc; evidence: string } {
  const glibcRe = /^ld-linux.*\.so\.\d$/;
  const glibc = lib64.find((e) => glibcRe.test(e)) ? `/lib64/${lib64.find((e) => glibcRe.test(e))}` : lib.find((e) => glibcRe.test(e)) ? `/lib/${lib.find((e) => glibcRe.test(e))}` : undefined;
  const musl = lib.find((e) => /^ld-musl-.*\.so\.1$/.test(e));
  if (glibc) return { libc: 'glibc', evidence: musl ? `${glibc} (musl's /lib/${musl} is there too)` : glibc };
  if (musl) return { libc: 'musl', evidence: `/lib/${musl}` };
  return { libc: 'glibc', evidence: 'a guess: no dynamic loader in /lib or /lib64 (a static or distroless image)' };
}

export async function readContainerResolvConf(roots: NodeRoots, pid: number): Promise<ReadResult<ContainerResolvConf>> {
  const root = path.join(roots.proc, String(pid), 'root');
  const file = path.join(root, 'etc', 'resolv.conf');
  const [text, lib, lib64] = await Promise.all([readText(file), listDir(path.join(root, 'lib')), listDir(path.join(root, 'lib64'))]);
  if (!text.ok) return text;
  const { libc, evidence } = libcFromLoaders(lib.ok ? lib.value : [], lib64.ok ? lib64.value : []);
  return { ok: true, value: { pid, path: file, text: text.value, libc, libcEvidence: evidence } };
}
