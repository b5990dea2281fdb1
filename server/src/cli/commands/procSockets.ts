// Bundle entry of `infra-lens proc sockets`: that one reading, without the others (cli.ts
// picks this bundle when the reading is `sockets`). It is the reading measured against
// `ss -tanp` on 10,000 sockets, where loading every reading was a few percent of the run.

import { procCommandOver } from '../../live/proc/runReading';
import { socketsReading } from '../../live/proc/readings/sockets';
import { printReport, procArgs } from '../report';

const runSockets = procCommandOver({ sockets: socketsReading });

export function run(argv: string[]): Promise<number> {
  const { args, json } = procArgs(argv);
  return printReport('proc', runSockets, args, json);
}
