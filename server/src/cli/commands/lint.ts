// Bundle entry of `infra-lens lint` and `infra-lens rules`: every language and its rules.

import { COMMANDS } from '../../commandTable';
import { ServerCommands } from '../../protocol';
import { runLintCli } from '../lint';
import { printReport } from '../report';
import { parseArgs } from '../usage';

export function run(argv: string[]): Promise<number> {
  return runLintCli(argv);
}

export function runRules(argv: string[]): Promise<number> {
  const json = parseArgs(argv, [], ['json']).flags.has('json');
  return printReport('rules', COMMANDS[ServerCommands.listRules], {}, json);
}
