// Bundle entry of `infra-lens dig`: the DNS client only.

import { runDigCommand } from '../../live/dns/command';
import { digArgs, printReport } from '../report';

export function run(argv: string[]): Promise<number> {
  const { args, json } = digArgs(argv);
  return printReport('dig', runDigCommand, args, json);
}
