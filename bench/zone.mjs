// npm run bench:zone — deterministic zones of 10k, 100k and 1M records (written to a temp
// dir, deleted after), each linted end to end by the CLI (`node dist/cli.js lint`) and
// checked by `named-checkzone` and `kzonecheck`, in interleaved runs (ours, named, knot,
// ours, …) on the same file. Prints a Markdown section on stdout: medians of CPU (user+sys),
// wall and peak RSS (GNU time), and our ratios to each peer. Progress goes to stderr.
// Not part of npm test.
//   npm run build && node bench/zone.mjs [--sizes 10000,100000,1000000] [--runs N]

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zoneLines } from './generate.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const sizes = opt('sizes', '10000,100000,1000000').split(',').map(Number);
const runsFor = (n) => Number(opt('runs', n >= 1_000_000 ? 5 : 7));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-bench-zone-'));

/** The same zone every time (bench/generate.mjs), written in 1 MiB chunks. */
function generate(file, records) {
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  for (const line of zoneLines(records)) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** CPU (user+sys) and wall seconds and peak RSS (MB) of one command, from GNU time. */
function measure(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (GNU time and ${cmd} are needed: bash scripts/install-system-deps.sh --bench)`);
  const last = r.stderr.trim().split('\n').at(-1);
  const [wall, user, sys, kb] = last.split(' ').map(Number);
  if (![wall, user, sys, kb].every(Number.isFinite)) throw new Error(`${cmd}: cannot read GNU time's output: ${r.stderr.slice(-500)}`);
  return { wall, cpu: user + sys, rss: kb / 1024, status: r.status, tail: (r.stdout + r.stderr).trim().split('\n').slice(-3, -1).join(' | ') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const TOOLS = [
  { name: 'infra-lens lint', cmd: process.execPath, args: (f) => [path.join(root, 'dist', 'cli.js'), 'lint', f], ok: (s) => s === 0 || s === 1 },
  { name: 'named-checkzone', cmd: 'named-checkzone', args: (f) => ['bench.example', f], ok: (s) => s === 0 },
  { name: 'kzonecheck', cmd: 'kzonecheck', args: (f) => ['-o', 'bench.example', f], ok: (s) => s === 0 },
];

const rows = [];
try {
  for (const records of sizes) {
    const file = path.join(dir, `db.bench.example.${records}`);
    generate(file, records);
    const mb = fs.statSync(file).size / 1e6;
    const runs = runsFor(records);
    const samples = TOOLS.map(() => []);
    for (let run = 0; run < runs; run++) {
      TOOLS.forEach((t, i) => {
        const m = measure(t.cmd, t.args(file));
        if (!t.ok(m.status)) throw new Error(`${t.name} exited ${m.status} on ${records} records: ${m.tail}`);
        samples[i].push(m);
        process.stderr.write(`zone ${records} run ${run + 1}/${runs} ${t.name}: cpu ${m.cpu.toFixed(2)} s, wall ${m.wall.toFixed(2)} s, rss ${m.rss.toFixed(0)} MB\n`);
      });
    }
    const med = samples.map((s) => ({ cpu: median(s.map((m) => m.cpu)), wall: median(s.map((m) => m.wall)), rss: median(s.map((m) => m.rss)) }));
    rows.push({ records, mb, runs, med });
    fs.rmSync(file, { force: true });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const f2 = (x) => x.toFixed(2);
// GNU time counts CPU in 10 ms ticks: a peer's 0.00 s says under 10 ms, not a ratio.
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a (peer < 10 ms)');
const out = [
  '## Zone lint vs named-checkzone and kzonecheck',
  '',
  `Generated zone (A, AAAA, TXT, MX, CNAME, SRV, CAA), whole process, GNU time; medians of interleaved runs. ${os.cpus().length} CPUs, Node ${process.version}.`,
  '',
  '| records | MB | runs | tool | CPU s | wall s | peak RSS MB |',
  '|---:|---:|---:|---|---:|---:|---:|',
];
for (const r of rows) TOOLS.forEach((t, i) => out.push(`| ${r.records} | ${r.mb.toFixed(1)} | ${r.runs} | ${t.name} | ${f2(r.med[i].cpu)} | ${f2(r.med[i].wall)} | ${r.med[i].rss.toFixed(0)} |`));
out.push('', '| records | CPU vs named | wall vs named | RSS vs named | CPU vs knot | wall vs knot | RSS vs knot |', '|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const [o, n, k] = r.med;
  out.push(`| ${r.records} | ${ratio(o.cpu, n.cpu)} | ${ratio(o.wall, n.wall)} | ${ratio(o.rss, n.rss)} | ${ratio(o.cpu, k.cpu)} | ${ratio(o.wall, k.wall)} | ${ratio(o.rss, k.rss)} |`);
}
out.push('', 'Goal at 1M records: CPU and wall ≤ 0.5x named-checkzone, peak RSS ≤ 1.0x.', '');
process.stdout.write(out.join('\n'));
