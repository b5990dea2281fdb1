// `infra-lens proc | dig | resolve-plan | rules`: the server's command handlers run
// in-process, printed as the report's text or, with --json, its data. Each command's bundle
// (cli/commands/) imports only its own handler, so `dig` does not load the linters.

import { escapeForTerminal } from '../core/terminalText';
import * as fs from 'node:fs';
import type { CommandContext, CommandHandler } from '../core/command';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { DigArgs, ProcArgs, Report, ResolvePlanArgs } from '../protocol';
import { lastOption, parseArgs, UsageError } from './usage';

export function cliContext(): CommandContext {
  return {
    settings: DEFAULT_SETTINGS,
    trusted: true,
    isCancelled: () => false,
    log: (m) => process.stderr.write(`${escapeForTerminal(m)}\n`),
  };
}

export function procArgs(argv: string[]): { args: ProcArgs; json: boolean } {
  // Reading-specific options pass through: --state LISTEN, --port 53, --unmask …
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  const reading = rest.shift();
  if (!reading || reading.startsWith('-')) throw new UsageError('proc needs a reading, e.g. `infra-lens proc memory`');
  const options: Record<string, string | boolean> = {};
  let pid: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    const next = rest[i + 1];
    const value = eq >= 0 ? a.slice(eq + 1) : next !== undefined && !next.startsWith('--') ? (i++, next) : true;
    if (name === 'pid') {
      pid = Number(value);
      if (!Number.isInteger(pid) || pid <= 0) throw new UsageError(`--pid needs a process id, not '${value}'`);
    } else options[name] = value;
  }
  return { args: { reading, pid, options }, json };
}

export function resolvePlanArgs(argv: string[]): { args: ResolvePlanArgs; json: boolean } {
  const parsed = parseArgs(argv, ['resolv-conf', 'libc'], ['send', 'json']);
  if (parsed.positional.length !== 1) throw new UsageError('resolve-plan needs exactly one NAME');
  const libc = lastOption(parsed, 'libc');
  if (libc !== undefined && libc !== 'glibc' && libc !== 'musl') throw new UsageError('--libc must be glibc or musl');
  const file = lastOption(parsed, 'resolv-conf') ?? '/etc/resolv.conf';
  let resolvConfText: string;
  try {
    resolvConfText = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const env: ResolvePlanArgs['env'] = {};
  if (process.env.RES_OPTIONS !== undefined) env.RES_OPTIONS = process.env.RES_OPTIONS;
  if (process.env.LOCALDOMAIN !== undefined) env.LOCALDOMAIN = process.env.LOCALDOMAIN;
  return { args: { name: parsed.positional[0], resolvConfText, libc, send: parsed.flags.has('send'), env }, json: parsed.flags.has('json') };
}

export function digArgs(argv: string[]): { args: DigArgs; json: boolean } {
  return { args: { argv: argv.filter((a) => a !== '--json') }, json: argv.includes('--json') };
}

/** What a report prints: stdout text (undefined: nothing), stderr text ('' when none), the exit status. */
export function reportOutput(command: string, report: Report, json: boolean): { out: string | undefined; err: string; status: number } {
  // Report text quotes process names, arguments and DNS data: no raw control characters to a terminal.
  const err = report.ok ? '' : escapeForTerminal(`infra-lens ${command}: ${report.error ?? 'failed'}`) + '\n';
  let out: string | undefined;
  if (json) out = JSON.stringify(report.ok ? report.data : { error: report.error, data: report.data }, null, 2) + '\n';
  else if (report.ok || report.data !== null) out = escapeForTerminal(report.text);
  return { out, err, status: report.exitCode ?? (report.ok ? 0 : 1) };
}

/** Runs one handler and prints its report; the exit status is the report's. */
export async function printReport(command: string, handler: CommandHandler, args: unknown, json: boolean, writeOut: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const report: Report = await handler(args, cliContext());
  const { out, err, status } = reportOutput(command, report, json);
  if (err) process.stderr.write(err);
  if (out !== undefined) writeOut(out);
  return status;
}
