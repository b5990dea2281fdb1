#!/usr/bin/env node
// `infra-lens`: the same language modules and commands as the server, without LSP.
// Exit status: 0 no errors, 1 an error-severity finding (or a failed command), 2 bad usage
// or an unreadable file. Output is written before exiting naturally (process.exitCode), so
// a large report to a pipe is never cut short.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runLintCli } from './cli/lint';
import { runReportCli } from './cli/report';
import { UsageError } from './cli/usage';

const HELP = `Usage: infra-lens <command> [options]

Commands:
  lint [--format text|json|sarif] [--language L] [--origin ZONE] PATH...
        Lint Corefiles, resolv.conf, zone files and Kubernetes YAML or JSON (with the
        Corefiles, zone files and resolv.confs their ConfigMaps hold). Directories are
        read recursively; files no language claims are skipped. PATH '-' reads
        standard input (kubectl get configmap coredns -n kube-system -o yaml | infra-lens lint -).
        --language corefile|resolvconf|zone|k8s   force the language of every file
        --origin ZONE                             origin of zone files without $ORIGIN
        --rule ID=off|error|warning|information   override a rule's severity (repeatable)
        --stdin-filename NAME                     name standard input (its language, the output)
  proc <reading> [--pid N] [--json]
        Read the live node's /proc (memory, load, uptime, cpu, kernel, interfaces,
        sockets, processes, process, deleted-files).
  dig [@server] [-p port] name [type] [+tcp] [+trace] [+short] [+compare] [+search] [-x addr] [--json]
        A dig-style DNS lookup ('infra-lens dig -h' lists every option). +compare asks
        every resolver side by side; +search sends what the node's resolver would.
  resolve-plan NAME [--resolv-conf FILE] [--libc glibc|musl] [--send] [--json]
        The queries the node's resolver sends for NAME, in order.
  rules [--json]
        Every rule id with its default severity.

Options:
  -h, --help      show this help
  -v, --version   show the version

Exit status: 0 no errors; 1 an error-severity finding or a failed command; 2 bad usage or
an unreadable file. dig follows dig's own codes (0 answer or NXDOMAIN, 9 no reply).
`;

function version(): string {
  for (const candidate of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')]) {
    try {
      return JSON.parse(fs.readFileSync(candidate, 'utf8')).version as string;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '-v':
    case '--version':
      process.stdout.write(`infra-lens ${version()}\n`);
      return 0;
    case 'lint':
      return runLintCli(rest);
    case 'proc':
    case 'dig':
    case 'resolve-plan':
    case 'rules':
      return runReportCli(command, rest);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`infra-lens: ${e.message}\nRun 'infra-lens --help' for usage.\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`infra-lens: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 2;
    }
  },
);
