// `infraLens.server.proc`: one handler for every /proc reading. Validates the arguments,
// picks the reading by name and turns anything unexpected into a failed report (runReading.ts).

import type { CommandContext, CommandHandler } from '../../core/command';
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
import { procCommandOver, runReadingOf } from './runReading';

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

export function runProcReading(args: ProcArgs, ctx: CommandContext): Promise<Report> {
  return runReadingOf(READINGS, args, ctx);
}

export const runProcCommand: CommandHandler = procCommandOver(READINGS);
