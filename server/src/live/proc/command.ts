// `infraLens.server.proc`: one handler for every /proc reading. Validates the arguments,
// picks the reading by name and turns anything unexpected into a failed report.

import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import { closestMatch } from '../../core/suggest';
import type { ProcArgs, Report } from '../../protocol';
import { containersReading } from './readings/containers';
import { cpuReading } from './readings/cpu';
import { deletedFilesReading } from './readings/deletedFiles';
import { interfacesReading } from './readings/interfaces';
import { kernelReading } from './readings/kernel';
import { loadReading } from './readings/load';
import { memoryReading } from './readings/memory';
import { processReading } from './readings/process';
import { processesReading } from './readings/processes';
import { socketsReading } from './readings/sockets';
import { uptimeReading } from './readings/uptime';
import type { Reading } from './report';

export const READINGS: Record<string, Reading> = {
  memory: memoryReading,
  load: loadReading,
  uptime: uptimeReading,
  cpu: cpuReading,
  kernel: kernelReading,
  interfaces: interfacesReading,
  sockets: socketsReading,
  processes: processesReading,
  process: processReading,
  'deleted-files': deletedFilesReading,
  containers: containersReading,
};

export const READING_NAMES = Object.keys(READINGS);

function isProcArgs(args: unknown): args is ProcArgs {
  if (typeof args !== 'object' || args === null) return false;
  const a = args as Record<string, unknown>;
  return typeof a.reading === 'string' && (a.pid === undefined || typeof a.pid === 'number') && (a.options === undefined || (typeof a.options === 'object' && a.options !== null));
}

export async function runProcReading(args: ProcArgs, ctx: CommandContext): Promise<Report> {
  const reading = READINGS[args.reading];
  if (!reading) {
    const guess = closestMatch(args.reading, READING_NAMES);
    return failedReport('/proc reading', `unknown reading '${args.reading}'${guess ? ` (did you mean ${guess}?)` : ''}; valid readings: ${READING_NAMES.join(', ')}`, 2);
  }
  if (!ctx.trusted) return failedReport(`/proc ${args.reading}`, 'live readings are not available in an untrusted workspace');
  if (args.pid !== undefined && (!Number.isInteger(args.pid) || args.pid <= 0)) {
    return failedReport(`/proc ${args.reading}`, `pid must be a positive integer, not ${args.pid}`, 2);
  }
  try {
    return await reading({ pid: args.pid, options: args.options ?? {}, ctx });
  } catch (e) {
    // Readers return errors as values; this is the last line against a bug.
    return failedReport(`/proc ${args.reading}`, `internal error: ${(e as Error)?.message ?? String(e)}`);
  }
}

export const runProcCommand: CommandHandler = async (args, ctx) => {
  if (!isProcArgs(args)) return failedReport('/proc reading', 'expected { reading: string, pid?: number, options?: {...} }', 2);
  return runProcReading(args, ctx);
};
