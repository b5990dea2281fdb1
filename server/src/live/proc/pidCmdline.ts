// /proc/PID/cmdline: argv separated (and usually ended) by NUL bytes, exactly as launched or
// as rewritten in place (setproctitle, process.title). Empty for kernel threads and zombies.

import { procPath, readBytes, type ReadResult } from './procfs';

export interface Cmdline {
  /** argv with the trailing empty strings dropped. */
  args: string[];
  /** The raw text with each NUL shown as ␀, so nothing is hidden. */
  shown: string;
  bytes: number;
  /** Arguments masked as secrets (passwords, tokens) before they were shown. */
  maskedArgs?: number;
}

export function parseCmdline(bytes: Buffer): Cmdline {
  const text = bytes.toString('utf8');
  const args = text.split('\0');
  while (args.length && args[args.length - 1] === '') args.pop();
  return { args, shown: text.replace(/\0/g, '␀'), bytes: bytes.length };
}

/** What ps -o args shows: argv joined with spaces, or [comm] for a process without one. */
/**
 * One line per process, as `ps -o args` shows it: argv joined with spaces, control
 * characters (a newline inside an argument) shown as '?' so a list row stays one row.
 */
export function commandLine(cmd: Cmdline | undefined, comm: string): string {
  // eslint-disable-next-line no-control-regex
  return cmd && cmd.args.length ? cmd.args.join(' ').replace(/[\x00-\x1f\x7f]/g, ' ') : `[${comm}]`;
}

export async function readCmdline(pid: number): Promise<ReadResult<Cmdline>> {
  const bytes = await readBytes(procPath(pid, 'cmdline'));
  return bytes.ok ? { ok: true, value: parseCmdline(bytes.value) } : bytes;
}
