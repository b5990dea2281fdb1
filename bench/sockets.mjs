// Benchmark: `infra-lens proc sockets` against `ss` on 10,000 loopback TCP sockets that a
// child process opens (5,000 connections: both ends), with owners (`ss -tanp`) and without
// (`--no-processes` vs `ss -tan`). Whole process, interleaved runs, medians.
//   node bench/sockets.mjs [connections=5000] [runs=11]

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const connections = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 11);
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// The child: one listener, `connections` clients, every accepted end kept open.
const childSource = `
const net = require('node:net');
const n = ${connections};
const keep = [];
const server = net.createServer((c) => keep.push(c));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (let i = 0; i < n; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, n - i) }, () => new Promise((res, rej) => {
      const c = net.connect(port, '127.0.0.1', () => res());
      c.on('error', rej);
      keep.push(c);
    })));
  }
  const wait = () => (keep.length >= 2 * n ? process.stdout.write('ready\\n') : setTimeout(wait, 20));
  wait();
});
`;
const child = spawn(process.execPath, ['-e', childSource], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
  child.on('exit', (code) => reject(new Error(`socket child exited (${code})`)));
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timeOnce = (cmd, args) => {
  const t = performance.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 256 << 20 });
  return performance.now() - t;
};
const cases = [
  ['infra-lens proc sockets --proto tcp', process.execPath, [cli, 'proc', 'sockets', '--proto', 'tcp']],
  ['ss -tanp', 'ss', ['-tanp']],
  ['infra-lens proc sockets --proto tcp --no-processes', process.execPath, [cli, 'proc', 'sockets', '--proto', 'tcp', '--no-processes']],
  ['ss -tan', 'ss', ['-tan']],
  ['node -e 0', process.execPath, ['-e', '0']],
];
try {
  const rows = execFileSync('ss', ['-tanH'], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('\n').filter(Boolean).length;
  const times = cases.map(() => []);
  for (const [, cmd, args] of cases) timeOnce(cmd, args); // warm the page cache
  for (let r = 0; r < runs; r++) cases.forEach(([, cmd, args], i) => times[i].push(timeOnce(cmd, args)));
  const m = times.map(median);
  console.log('## proc sockets vs ss\n');
  console.log(`${rows} TCP sockets on this host (${2 * connections} loopback ends opened by the benchmark), ${runs} interleaved runs, whole-process wall time, medians.\n`);
  console.log('| command | median ms | peer | peer median ms | ratio |');
  console.log('|---|---:|---|---:|---:|');
  for (const i of [0, 2]) {
    console.log(`| \`${cases[i][0]}\` | ${m[i].toFixed(1)} | \`${cases[i + 1][0]}\` | ${m[i + 1].toFixed(1)} | ${(m[i] / m[i + 1]).toFixed(2)}x |`);
  }
  console.log(`| \`node -e 0\` (node's own start, same interleaving) | ${m[4].toFixed(1)} | | | |`);
  console.log(`\nGoal: ≤ 2x \`ss -tanp\`. Beyond node's own start our run takes ${(m[0] - m[4]).toFixed(1)} ms (${((m[0] - m[4]) / m[1]).toFixed(2)}x \`ss -tanp\`); ss reads the tables over netlink (sock_diag), which node cannot open, so /proc/net/tcp's text is part of our figure.`);
} finally {
  child.kill();
}
