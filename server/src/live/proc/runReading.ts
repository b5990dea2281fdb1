// Runs one /proc reading out of a table of them: validates the arguments, picks the reading
// by name and turns anything unexpected into a failed report. command.ts holds the table of
// every reading; the CLI's `proc sockets` bundle passes a table of that one reading alone,
// so that it starts without loading the others (containers brings the resolv.conf linter).

import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import { closestMatch } from '../../core/suggest';
import type { ProcArgs, Report } from '../../protocol';
import type { Reading } from './report';

function isProcArgs(args: unknown): args is ProcArgs {
  if (typeof args !== 'object' || args === null) return false;
  const a = args as Record<string, unknown>;
  return typeof a.reading === 'string' && (a.pid === undefined || typeof a.pid === 'number') && (a.options === undefined || (typeof a.options === 'object' && a.options !== null));
}

export async function runReadingOf(readings: Record<string, Reading>, args: ProcArgs, ctx: CommandContext): Promise<Report> {
  const reading = Object.hasOwn(readings, args.reading) ? readings[args.reading] : undefined;
  if (!reading) {
    const names = Object.keys(readings);
    const guess = closestMatch(args.reading, names);
    return failedReport('/proc reading', `unknown reading '${args.reading}'${guess ? ` (did you mean ${guess}?)` : ''}; valid readings: ${names.join(', ')}`, 2);
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

/** The `infraLens.server.proc` handler over a table of readings. */
export function procCommandOver(readings: Record<string, Reading>): CommandHandler {
  return async (args, ctx) => {
    if (!isProcArgs(args)) return failedReport('/proc reading', 'expected { reading: string, pid?: number, options?: {...} }', 2);
    return runReadingOf(readings, args, ctx);
  };
}
