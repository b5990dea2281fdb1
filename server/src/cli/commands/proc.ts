// Bundle entry of `infra-lens proc`: the /proc readings only.

import { runProcCommand } from '../../live/proc/command';
import { printReport, procArgs } from '../report';

export function run(argv: string[]): Promise<number> {
  const { args, json } = procArgs(argv);
  return printReport('proc', runProcCommand, args, json);
}
