// Bundle entry of `infra-lens dig`: the DNS client only. `-f FILE` is dig's batch mode, here
// in the CLI alone (the editor's lookup never reads a file named by its arguments): one
// lookup per line of FILE ('-' for standard input), each line written as dig's own
// arguments and added to the command line's. As dig 9.18 does, blank lines and lines that
// start with '#' or ';' are skipped, an @server on a line replaces the command line's,
// +short/+noshort on a line stays in force for the lines after it (dig keeps it global),
// a name on the command line is looked up first. The exit status is the last lookup's (dig
// 9.18 was seen to return 0 after a last lookup that got no reply; we return 9 there).
// Lookups run BATCH_WINDOW at a time and are printed in file order (see runBatchLookups).

import * as fs from 'node:fs';
import { errnoReason } from '../readInput';
import { parseDigArgs } from '../../live/dns/args';
import { runDigCommand } from '../../live/dns/command';
import { escapeForTerminal } from '../../core/terminalText';
import { cliContext, digArgs, printReport, reportOutput } from '../report';
import { orderedWindow } from '../orderedWindow';
import type { Report } from '../../protocol';

/** dig's status when the batch file cannot be opened. */
export const EXIT_BATCH_FILE = 8;
/** A batch file is a list of names: far below this. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

/** `-f FILE` / `-fFILE` taken out of argv; undefined when there is none. */
export function batchOption(argv: string[]): { file: string; rest: string[] } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-f' && i + 1 < argv.length) return { file: argv[i + 1], rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
    if (a.startsWith('-f') && a.length > 2) return { file: a.slice(2), rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return undefined;
}

/** The argv of each lookup of a batch, in order (see the top of this file). */
export function batchLookups(globalArgv: string[], text: string): string[][] {
  const out: string[][] = [];
  const global = globalArgv.filter((a) => a !== '--json');
  const first = parseDigArgs(global);
  if (first.ok && (first.request.name !== undefined || first.request.reverse !== undefined)) out.push(global);
  // The command line's options without its name: the name was looked up above.
  const options = first.ok && first.request.name !== undefined ? global.filter((a) => a !== first.request.name) : global;
  const carried: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words[0].startsWith('#') || words[0].startsWith(';')) continue;
    const base = words.some((w) => w.startsWith('@')) ? options.filter((a) => !a.startsWith('@')) : options;
    out.push([...base, ...carried, ...words]);
    for (const w of words) if (/^\+(no)?short$/.test(w)) carried.push(w);
  }
  return out;
}

/** The whole file, read with a bound: a FIFO (`-f <(…)`) and /dev/null work, /dev/zero is refused. */
function readBatch(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_BATCH_BYTES) return { ok: false, reason: `over the ${MAX_BATCH_BYTES}-byte limit for a batch file` };
      chunks.push(chunk.subarray(0, n));
    }
    const bytes = Buffer.concat(chunks);
    const nul = bytes.indexOf(0);
    if (nul >= 0) return { ok: false, reason: `a binary file (NUL byte at offset ${nul})` };
    return { ok: true, text: bytes.toString('utf8') };
  } catch (e) {
    return { ok: false, reason: errnoReason(e) };
  } finally {
    if (fd !== undefined && fd !== 0) fs.closeSync(fd);
  }
}

/** Where a batch's lookups write: straight through to a terminal, else in blocks as dig's stdio does (a write per lookup cost more than the lookup). */
export function batchOutput(isTTY = process.stdout.isTTY === true, write: (text: string) => void = (t) => process.stdout.write(t), blockChars = 64 * 1024): { write: (text: string) => void; flush: () => void } {
  if (isTTY) return { write, flush: () => undefined };
  let pending = '';
  const flush = () => {
    if (pending) write(pending);
    pending = '';
  };
  return {
    write: (text) => {
      pending += text;
      if (pending.length >= blockChars) flush();
    },
    flush,
  };
}

/**
 * Lookups of a batch in flight at once: most of a lookup is the wait for the server, so a
 * window of them overlaps the waits (200 lookups to a local server: about 4x faster). The
 * output is still printed strictly in file order, as the sequential run prints it.
 */
export const BATCH_WINDOW = 16;

export interface BatchSink {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Runs a batch's lookups, `window` at a time, and prints each lookup's output (stderr notes
 * and errors, then its text) in file order once it and those before it are done; with --json
 * one array at the end. Returns the exit status of the last lookup.
 */
export async function runBatchLookups(lookups: string[][], json: boolean, sink: BatchSink, window = BATCH_WINDOW): Promise<number> {
  let status = 0;
  const results: unknown[] = [];
  await orderedWindow(
    lookups,
    { limit: window },
    async (argv) => {
      // A lookup's log lines are held with its output, so they come out in file order too.
      let logged = '';
      const ctx = { ...cliContext(), log: (m: string) => (logged += `${escapeForTerminal(m)}\n`) };
      const report: Report = await runDigCommand({ argv }, ctx);
      return { report, logged };
    },
    ({ report, logged }) => {
      if (logged) sink.err(logged);
      if (json) {
        // --json: one array, a lookup's data (or its error) per element.
        status = report.exitCode ?? (report.ok ? 0 : 1);
        results.push(report.ok ? report.data : { error: report.error, data: report.data });
        return;
      }
      const printed = reportOutput('dig', report, false);
      if (printed.err) sink.err(printed.err);
      if (printed.out !== undefined) sink.out(printed.out);
      status = printed.status;
    },
  );
  if (json) sink.out(JSON.stringify(results, null, 2) + '\n');
  return status;
}

async function runBatch(file: string, rest: string[], json: boolean): Promise<number> {
  const batch = readBatch(file);
  if (!batch.ok) {
    process.stderr.write(escapeForTerminal(`infra-lens dig: couldn't open batch file ${file}: ${batch.reason}`) + '\n');
    return EXIT_BATCH_FILE;
  }
  const lookups = batchLookups(rest, batch.text);
  const out = json ? { write: (t: string) => process.stdout.write(t), flush: () => undefined } : batchOutput();
  const status = await runBatchLookups(lookups, json, { out: out.write, err: (t) => process.stderr.write(t) });
  out.flush();
  return status;
}

export function run(argv: string[]): Promise<number> {
  const batch = batchOption(argv);
  if (batch) return runBatch(batch.file, batch.rest, argv.includes('--json'));
  const { args, json } = digArgs(argv);
  return printReport('dig', runDigCommand, args, json);
}
