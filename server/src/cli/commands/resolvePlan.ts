// Bundle entry of `infra-lens resolve-plan`: the resolver model and, for --send, the DNS client.

import { runResolvePlanCommand } from '../../languages/resolvconf/command';
import { printReport, resolvePlanArgs } from '../report';

export function run(argv: string[]): Promise<number> {
  const { args, json } = resolvePlanArgs(argv);
  return printReport('resolve-plan', runResolvePlanCommand, args, json);
}
