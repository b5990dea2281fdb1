#!/usr/bin/env node
// `infra-lens`: the same language modules and commands as the server, without LSP.
// Exit status: 0 no errors, 1 an error-severity finding (or a failed command), 2 bad usage
// or an unreadable file. The process exits only once stdout and stderr have taken all that
// was written (exitAfterOutput), so a large report to a pipe is never cut short.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintBundleFor } from './cli/lintBundle';
import { isUsageError, UsageError } from './cli/usage';

/**
 * Each command lives in its own bundle (dist/cli-<name>.js, built from cli/commands/), loaded
 * only when that command runs: `dig` and `proc` start without parsing the linters.
 */
const COMMAND_BUNDLES: Record<string, { bundle: string; entry: string; byFirstArgument?: Record<string, string>; choose?: (argv: string[]) => string }> = {
  // Only zone files named: the zone language's bundle alone (cli/lintBundle.ts).
  lint: { bundle: 'cli-lint.js', entry: 'run', choose: lintBundleFor },
  rules: { bundle: 'cli-lint.js', entry: 'runRules' },
  // `proc sockets` has a bundle of its own: it runs on 10,000-row tables, where loading the
  // other readings (containers brings the resolv.conf linter) was a few percent of the run.
  proc: { bundle: 'cli-proc.js', entry: 'run', byFirstArgument: { sockets: 'cli-proc-sockets.js' } },
  dig: { bundle: 'cli-dig.js', entry: 'run' },
  'resolve-plan': { bundle: 'cli-resolve-plan.js', entry: 'run' },
};

function loadCommand(name: string, argv: string[]): (argv: string[]) => Promise<number> {
  const { bundle: general, entry, byFirstArgument, choose } = COMMAND_BUNDLES[name];
  const bundle = choose ? choose(argv) : byFirstArgument && argv[0] !== undefined && Object.hasOwn(byFirstArgument, argv[0]) ? byFirstArgument[argv[0]] : general;
  // A computed path, so the bundler leaves the command out of this file.
  const file = path.join(__dirname, bundle);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, (argv: string[]) => Promise<number>>;
  return mod[entry];
}

// `infra-lens lint … | head`: once the reader has gone, stop writing and end with the status
// the run would have had, instead of an unhandled EPIPE.
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  stdoutClosed = true;
});
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  stdoutClosed ? true : (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;

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
        sockets, processes, process, deleted-files, containers).
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
    default:
      if (!Object.hasOwn(COMMAND_BUNDLES, command)) throw new UsageError(`unknown command '${command}'`);
      return loadCommand(command, rest)(rest);
  }
}

/**
 * Exits once stdout and stderr have taken all that was written. Left to itself node would
 * first tear the heap down and run the GC it had scheduled (5-10 ms after `proc sockets`
 * prints 10,000 rows); process.exit() at once would cut what a pipe has not yet taken.
 * When stdout is closed early its writes call back no more: the exit is then node's own.
 */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

main(process.argv.slice(2)).then(exitAfterOutput, (e: unknown) => {
  if (isUsageError(e)) {
    process.stderr.write(`infra-lens: ${e.message}\nRun 'infra-lens --help' for usage.\n`);
    exitAfterOutput(e.exitCode);
  } else {
    process.stderr.write(`infra-lens: internal error: ${(e as Error)?.stack ?? e}\n`);
    exitAfterOutput(2);
  }
});
