// Bundle entry of `infra-lens lint` and `infra-lens rules`: every language and its rules.

import { listRules } from '../../core/ruleListing';
import { LANGUAGES } from '../../languages';
import { runLintCli } from '../lint';
import { printReport } from '../report';
import { parseArgs } from '../usage';

export function run(argv: string[]): Promise<number> {
  return runLintCli(argv, LANGUAGES);
}

export function runRules(argv: string[]): Promise<number> {
  const json = parseArgs(argv, [], ['json']).flags.has('json');
  return printReport('rules', listRules, {}, json);
}
