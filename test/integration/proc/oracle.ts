// Running the oracle tools (free, ss, ps, lsof, prlimit): a missing tool fails the test
// with a clear message, never a silent skip.

import { execFileSync } from 'node:child_process';
import type { Report } from '../../../server/src/protocol';
import type { ProcArgs } from '../../../server/src/protocol';
import { runProcCommand } from '../../../server/src/live/proc/command';
import { testContext } from '../../unit/live/proc/context';

export function run(tool: string, args: string[], env?: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', env: env ?? { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new Error(`${tool} is not installed: run scripts/install-system-deps.sh`);
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr ?? err.message}`);
  }
}

export async function reading<T>(args: ProcArgs, unmask = false): Promise<Report<T>> {
  const ctx = testContext();
  const report = (await runProcCommand(unmask ? { ...args, options: { ...args.options, unmask: true } } : args, ctx)) as Report<T>;
  if (!report.ok) throw new Error(`proc ${args.reading} failed: ${report.error}`);
  return report;
}
