// Benchmark: `infra-lens dig` against `dig` on the same local named (started here, on a
// loopback high port, and stopped at the end): whole-process wall time per query, interleaved
// runs, medians, as a Markdown section (goal ≤ 2x); the same in dig's batch mode (-f, 200 lookups
// in one process, per-lookup time); also the in-process lookup and our strict
// message reader against dns-packet's decode on the same responses.
//   node bench/dns.mjs [lookups=30]

import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outdir = path.join(root, 'out', 'bench');
if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
await build({
  entryPoints: { fixture: path.join(root, 'test/integration/dns/fixture.ts'), message: path.join(root, 'server/src/live/dns/message.ts'), client: path.join(root, 'server/src/live/dns/client.ts') },
  bundle: true, platform: 'node', format: 'cjs', outdir, logLevel: 'warning',
});
const { startNamed } = require(path.join(outdir, 'fixture.js'));
const { parseMessage, encodeQuery } = require(path.join(outdir, 'message.js'));
const { query, DEFAULT_CLIENT_OPTIONS } = require(path.join(outdir, 'client.js'));
const dnsPacket = require('dns-packet');

const lookups = Number(process.argv[2] ?? 30);
const named = await startNamed();
try {
  const queries = [['www.example.test', 'A'], ['example.test', 'MX'], ['esc.example.test', 'TXT'], ['big.example.test', 'TXT'], ['svc.example.test', 'HTTPS']];
  const cli = path.join(root, 'dist', 'cli.js');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const once = (cmd, args) => {
    const t = performance.now();
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    return performance.now() - t;
  };
  const peers = [
    ['infra-lens dig', (n, t) => [process.execPath, [cli, 'dig', '@127.0.0.1', '-p', String(named.port), '+short', n, t]]],
    ['dig', (n, t) => ['dig', ['@127.0.0.1', '-p', String(named.port), '+short', n, t]]],
    ['node -e 0', () => [process.execPath, ['-e', '0']]],
  ];
  const times = peers.map(() => []);
  for (let i = 0; i < lookups; i++) {
    const [n, t] = queries[i % queries.length];
    peers.forEach(([, argv], k) => times[k].push(once(...argv(n, t))));
  }
  const [ours, theirs, nodeStart] = times.map(median);

  // Batch mode (dig -f): one process, many lookups; the per-query time with the process start
  // spread over the batch. 200 lookups are mostly cold code; 2,000 show the steady cost.
  const batches = [200, 2000].map((batchSize) => {
    // 7 runs of the big batch: with 3, whole-suite medians on this 2-core machine ranged 1.47x-2.07x.
    const batchRuns = batchSize > 200 ? 7 : Math.max(3, Math.ceil(lookups / 6));
    const batchFile = path.join(outdir, `batch-${batchSize}.txt`);
    fs.writeFileSync(batchFile, Array.from({ length: batchSize }, (_, i) => queries[i % queries.length].join(' ')).join('\n') + '\n');
    const batchPeers = [
      [process.execPath, [cli, 'dig', '@127.0.0.1', '-p', String(named.port), '+short', '-f', batchFile]],
      ['dig', ['@127.0.0.1', '-p', String(named.port), '+short', '-f', batchFile]],
    ];
    const outputs = batchPeers.map((argv) => execFileSync(...argv, { encoding: 'utf8' }));
    const sameOutput = outputs[0] === outputs[1];
    if (!sameOutput) {
      // Kept for a look: which lookup differed, and how.
      outputs.forEach((o, k) => fs.writeFileSync(path.join(outdir, `batch-${batchSize}.${k === 0 ? 'ours' : 'dig'}.txt`), o));
      const [a, b] = outputs.map((o) => o.split('\n'));
      const at = a.findIndex((line, i) => line !== b[i]);
      process.stderr.write(`bench dns: batch of ${batchSize}: output differs from dig's at line ${at + 1}: ours ${JSON.stringify(a[at])}, dig ${JSON.stringify(b[at])} (both in ${outdir})\n`);
    }
    const batchTimes = batchPeers.map(() => []);
    for (let i = 0; i < batchRuns; i++) batchPeers.forEach((argv, k) => batchTimes[k].push(once(...argv)));
    const [oursBatch, theirsBatch] = batchTimes.map(median);
    return { batchSize, batchRuns, sameOutput, oursBatch, theirsBatch };
  });
  const rows = [];
  const t0 = performance.now();
  for (let i = 0; i < lookups * 10; i++) {
    const [n, t] = queries[i % queries.length];
    const labels = n.split('.').map((l) => Buffer.from(l));
    await query({ address: '127.0.0.1', port: named.port }, { labels, type: { A: 1, MX: 15, TXT: 16, HTTPS: 65 }[t], class: 1 }, DEFAULT_CLIENT_OPTIONS);
  }
  const inProcess = (performance.now() - t0) / (lookups * 10);

  // Response parsing, in-process: the same wire bytes through both readers.
  const samples = [];
  for (const [n, t] of queries) {
    // Build the response the server would send by asking it over TCP with our own encoder.
    const net = await import('node:net');
    const labels = n.split('.').map((l) => Buffer.from(l));
    const type = { A: 1, MX: 15, TXT: 16, HTTPS: 65 }[t];
    const q = encodeQuery({ labels, type, class: 1 }, { id: 1, recursionDesired: false, authenticData: false, checkingDisabled: false, ednsUdpSize: 1232, dnssecOk: false, nsid: false });
    const reply = await new Promise((resolve, reject) => {
      const s = net.connect(named.port, '127.0.0.1', () => s.write(Buffer.concat([Buffer.from([q.length >> 8, q.length & 255]), q])));
      let buf = Buffer.alloc(0);
      s.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) { s.destroy(); resolve(buf.subarray(2, 2 + buf.readUInt16BE(0))); }
      });
      s.on('error', reject);
    });
    samples.push(reply);
  }
  const rounds = 20000;
  const bench = (fn) => {
    const t = performance.now();
    for (let i = 0; i < rounds; i++) fn(samples[i % samples.length]);
    return ((performance.now() - t) * 1000) / rounds;
  };
  const strict = bench((b) => parseMessage(b));
  const loose = bench((b) => dnsPacket.decode(b));
  rows.push(
    `| lookup, whole process (\`+short\`, ${queries.length} names/types in turn) | \`infra-lens dig\` ${ours.toFixed(1)} ms | \`dig\` ${theirs.toFixed(1)} ms | ${(ours / theirs).toFixed(2)}x |`,
    `| lookup, whole process, beyond a bare \`node -e 0\` (${nodeStart.toFixed(1)} ms) | ${(ours - nodeStart).toFixed(1)} ms | \`dig\` ${theirs.toFixed(1)} ms | ${((ours - nodeStart) / theirs).toFixed(2)}x |`,
    ...batches.flatMap(({ batchSize, batchRuns, sameOutput, oursBatch, theirsBatch }) => [
      `| batch \`-f\` of ${batchSize.toLocaleString('en')} lookups, whole process (${batchRuns} runs; same output as dig: ${sameOutput ? 'yes' : 'NO'}) | ${oursBatch.toFixed(1)} ms | \`dig -f\` ${theirsBatch.toFixed(1)} ms | ${(oursBatch / theirsBatch).toFixed(2)}x |`,
      `| batch \`-f\` of ${batchSize.toLocaleString('en')}, per lookup | ${(oursBatch / batchSize).toFixed(3)} ms | \`dig -f\` ${(theirsBatch / batchSize).toFixed(3)} ms | ${(oursBatch / theirsBatch).toFixed(2)}x |`,
    ]),
    `| lookup in process (send, wait, strict parse; TC→TCP for the big TXT) | ${inProcess.toFixed(2)} ms | | |`,
    `| parse one response | ours (strict, presentation text) ${strict.toFixed(1)} µs | dns-packet decode ${loose.toFixed(1)} µs | ${(strict / loose).toFixed(2)}x |`,
  );
  console.log('## infra-lens dig vs dig\n');
  console.log(`Against a local \`named\` on 127.0.0.1:${named.port}; ${lookups} interleaved runs each, medians. A bare \`node -e 0\` takes ${nodeStart.toFixed(1)} ms here (in the same interleaving), ${(nodeStart / theirs).toFixed(2)}x \`dig\`'s whole lookup: node's own start-up alone is over the ≤ 2x goal for a single lookup, so the first row cannot reach it; the second row is what our code adds, the batch rows the per-query cost once the process is up. Goal: ≤ 2x \`dig\`.\n`);
  console.log('| measure | ours | peer | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(r);
} finally {
  await named.stop();
}
