// npm run bench:zone — a deterministic 1M-record zone (written to a temp dir, deleted after)
// linted end to end by the CLI (`node dist/cli.js lint`) and checked by `named-checkzone`,
// one run each; prints wall time and peak RSS of both and the ratios. Not part of npm test.
//   npm run build && node bench/zone.mjs [records]

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const records = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-bench-zone-'));
const file = path.join(dir, 'db.bench.example');

function generate() {
  const fd = fs.openSync(file, 'w');
  const head = [
    '$ORIGIN bench.example.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300',
    '@ IN NS ns1',
    '@ IN NS ns2',
    '@ IN MX 10 mail',
    'ns1 IN A 192.0.2.1',
    'ns2 IN A 192.0.2.2',
    'mail IN A 192.0.2.3',
  ];
  fs.writeSync(fd, head.join('\n') + '\n');
  let chunk = '';
  let written = head.length;
  for (let i = 0; written < records; i++, written++) {
    const o = `h${i}`;
    switch (i % 8) {
      case 0: chunk += `${o} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n`; break;
      case 1: chunk += `${o} 300 IN AAAA 2001:db8::${(i & 0xffff).toString(16)}\n`; break;
      case 2: chunk += `${o} IN TXT "v=spf1 -all"\n`; break;
      case 3: chunk += `${o} IN MX 10 mail\n`; break;
      case 4: chunk += `${o} IN CNAME h${i - 4}\n`; break;
      case 5: chunk += `_sip._tcp.${o} IN SRV 10 60 5060 h${i - 5}\n`; break;
      case 6: chunk += `${o} IN CAA 0 issue "ca.example.net"\n`; break;
      default: chunk += `${o} IN A 192.0.2.${i % 250 + 1}\n`;
    }
    if (chunk.length > 1 << 20) { fs.writeSync(fd, chunk); chunk = ''; }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** Wall seconds and peak RSS (MB) of a command, from GNU time. */
function measure(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (GNU time and ${cmd} are needed)`);
  const last = r.stderr.trim().split('\n').at(-1);
  const [wall, kb] = last.split(' ').map(Number);
  return { wall, rssMb: kb / 1024, status: r.status, out: r.stdout.split('\n').slice(-3).join('\n'), err: r.stderr.split('\n').slice(-4, -1).join('\n') };
}

try {
  const t = Date.now();
  generate();
  console.log(`generated ${records} records (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s: ${file}`);
  const ours = measure(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lint', file]);
  const named = measure('named-checkzone', ['bench.example', file]);
  console.log(`infra-lens lint : ${ours.wall.toFixed(2)} s, peak RSS ${ours.rssMb.toFixed(0)} MB, exit ${ours.status}\n  ${ours.out.trim()}${ours.status > 1 ? `\n  ${ours.err}` : ''}`);
  console.log(`named-checkzone : ${named.wall.toFixed(2)} s, peak RSS ${named.rssMb.toFixed(0)} MB, exit ${named.status}\n  ${named.out.trim()}`);
  console.log(`ratio (infra-lens / named-checkzone): time ${(ours.wall / named.wall).toFixed(2)}x, peak RSS ${(ours.rssMb / named.rssMb).toFixed(2)}x`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
