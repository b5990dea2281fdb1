// Benchmark: CLI start-up against a bare `node -e 0`: `proc uptime` (the smallest reading),
// `dig -h` (usage only), `lint` of a small Corefile (every language's bundle) and of a small
// zone (the zone language's bundle alone). Whole process, interleaved runs,
// medians; the ratio shows what our own code adds to node's start.
//   node bench/startup.mjs [runs=21]

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const runs = Number(process.argv[2] ?? 21);
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const small = path.join(root, 'fixtures', 'corefile', 'Corefile');
const smallZone = path.join(root, 'fixtures', 'zone', 'example.zone');

const cases = [
  ['node -e 0', ['-e', '0']],
  ['infra-lens proc uptime', [cli, 'proc', 'uptime']],
  ['infra-lens dig -h', [cli, 'dig', '-h']],
  [`infra-lens lint ${path.relative(root, small)}`, [cli, 'lint', small]],
  [`infra-lens lint ${path.relative(root, smallZone)}`, [cli, 'lint', smallZone]],
];
// lint exits 1 when it finds something; only the time matters here.
const timeOnce = (args) => {
  const t = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - t;
};
// Warm-up, and a check that each command really ran (lint exits 1 on findings, never 2+).
for (const [name, args] of cases) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status === null || r.status > 1) throw new Error(`${name}: exit ${r.status ?? r.signal}: ${r.stderr}`);
}
const times = cases.map(() => []);
for (let r = 0; r < runs; r++) cases.forEach(([, args], i) => times[i].push(timeOnce(args)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = times.map(median);
console.log('## CLI start-up vs node -e 0\n');
console.log(`${runs} interleaved runs, whole-process wall time, medians.\n`);
console.log('| command | median ms | ratio vs `node -e 0` |');
console.log('|---|---:|---:|');
cases.forEach(([name], i) => console.log(`| \`${name}\` | ${m[i].toFixed(1)} | ${(m[i] / m[0]).toFixed(2)}x |`));
