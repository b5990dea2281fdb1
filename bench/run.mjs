#!/usr/bin/env node
// npm run bench — every benchmark in bench/, one after another, on this machine; writes
// bench/results.md (machine, date, then each benchmark's own Markdown section). Not part of
// npm test. Convention: a benchmark is bench/<name>.mjs (or a bundled .ts listed below), runs
// its peer tool in the same interleaved run on the same generated input, prints a Markdown
// section ("## <title>", a table of medians and ratios) on stdout, exits 0.
//   npm run bench [-- name ...]     only the named benchmarks

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
// Order: cheap first. Each entry: [name, argv].
const BENCHMARKS = [
  ['startup', ['bench/startup.mjs']],
  ['dns', ['bench/dns.mjs']],
  ['sockets', ['bench/sockets.mjs']],
  ['corefile', ['bench/corefile.mjs']],
  ['grammar', ['bench/grammar.mjs']],
  ['k8s', ['bench/k8s.mjs']],
  ['zone', ['bench/zone.mjs']],
  ['lsp', ['bench/lsp.mjs']],
  ['editor', ['bench/editor.mjs']],
].filter(([name]) => only.length === 0 || only.includes(name));

const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const cpus = os.cpus();
const sections = [
  '# Benchmarks',
  '',
  `Run ${new Date().toISOString()} on ${os.hostname()}: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}. ` +
    'Medians of interleaved runs; ratios are ours / the peer tool (lower is better).',
  '',
];
let failed = 0;
for (const [name, argv] of BENCHMARKS) {
  if (!fs.existsSync(path.join(root, argv[0]))) {
    sections.push(`## ${name}`, '', `not run: ${argv[0]} does not exist yet`, '');
    failed++;
    continue;
  }
  process.stderr.write(`bench: ${name}\n`);
  const run = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  process.stdout.write(run.stdout ?? '');
  if (run.status !== 0) {
    failed++;
    sections.push(`## ${name}`, '', `FAILED (exit ${run.status ?? run.signal})`, '');
  } else {
    sections.push(run.stdout.trim(), '');
  }
}
fs.writeFileSync(path.join(root, 'bench', 'results.md'), sections.join('\n'));
process.stderr.write(`bench: wrote bench/results.md${failed ? ` (${failed} benchmark(s) failed or missing)` : ''}\n`);
process.exitCode = failed ? 1 : 0;
