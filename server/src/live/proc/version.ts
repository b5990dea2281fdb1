// /proc/version: `Linux version <release> (<builder>) (<compiler>, <linker>) #<n> <flags> <date>`.
// Only the release (third token) is reliably parseable; the rest is free-form.

import { procPath, readText, type ReadResult } from './procfs';

export interface KernelVersion {
  /** The whole line as the kernel printed it. */
  text: string;
  sysname: string;
  release: string;
  /** The build string after the compiler parentheses ("#1 SMP PREEMPT_DYNAMIC …"), as `uname -v`. */
  build?: string;
}

export function parseVersion(text: string): KernelVersion | undefined {
  const line = text.split('\n')[0].trim();
  const m = /^(\S+) version (\S+)/.exec(line);
  if (!m) return undefined;
  const hash = line.indexOf(' #');
  return { text: line, sysname: m[1], release: m[2], build: hash >= 0 ? line.slice(hash + 1) : undefined };
}

export async function readVersion(): Promise<ReadResult<string>> {
  return readText(procPath('version'));
}
