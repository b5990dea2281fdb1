// Differential test against this machine's glibc: 600 generated resolv.conf files (seeded,
// so a failure reproduces) go through the real res_ninit (the shared harness's resinit.c,
// built with gcc, run with each file bind-mounted over /etc/resolv.conf in a private mount
// namespace) and through our model; every field must agree, including which files make
// res_init hang. Needs gcc, unshare and root (or unprivileged user namespaces).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { seededRandom, sharedDir } from '../../helpers';
import { type GlibcState, ourGlibcState } from './glibcState';

const FILES = 600;
const SEED = Number(process.env.RESOLVCONF_SEED ?? 20261125);
const harness = path.join(sharedDir, 'conformance', 'resolvconf', 'harness');

const random = seededRandom;

function generator(seed: number) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const sep = () => pick([' ', ' ', ' ', '\t', '  ', ' \t']);
  const ADDRESSES = ['10.0.0.1', '10.0.0.2', '192.168.1.53', '10.1', '0x0a000001', '012.0.0.1', '10.0.0.256', 'dns.example.com', '[2001:db8::53]', '10.0.0.2:5353', '10.0.0.3;x', '2001:db8::53', '2001:0db8:0:0:0:0:0:1', 'fe80::1%eth0', 'fe80::1%2', '::ffff:10.0.0.7', '::1', '127.0.0.53', '1.2.3', '0x7f.1', '08.0.0.1', '1::2::3', '', '127.0.0.1'];
  const DOMAINS = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example', 'corp.example.', '.', 'a.example', 'lab.example', 'ec2.internal', `${'x'.repeat(60)}.example`, `${'y'.repeat(61)}.example`, 'c.my-project.internal', 'Upper.Example'];
  const OPTIONS = ['ndots:', 'timeout:', 'attempts:'];
  const VALUES = ['0', '1', '2', '3', '5', '15', '16', '20', '30', '31', '60', '-1', '-3', 'abc', '', ' 3', '007', '4x', '99999999999'];
  const FLAGS = ['rotate', 'edns0', 'single-request', 'single-request-reopen', 'no-tld-query', 'no_tld_query', 'use-vc', 'no-reload', 'trust-ad', 'no-aaaa', 'inet6', 'debug', 'ip6-bytestring', 'rotatex', 'rotat', 'edns0abc', 'trust-adx', 'ndots=2', 'single_request', 'no-aaaax'];
  const SORT = ['130.155.160.0/255.255.240.0', '130.155.0.0', '10.0.0.0/8', '10.0.0.0&255.0.0.0', '192.168.0.0/255.255.0.0', 'bogus', '1.2.3.4/garbage', '172.16.0.0'];
  function line(): string {
    const k = int(0, 16);
    if (k <= 3) return `nameserver${sep()}${pick(ADDRESSES)}${r() < 0.15 ? ' # note' : ''}`;
    if (k <= 5) return `search${sep()}${Array.from({ length: int(0, 8) }, () => pick(DOMAINS)).join(sep())}`;
    if (k === 6) return `domain${sep()}${Array.from({ length: int(1, 2) }, () => pick(DOMAINS)).join(sep())}`;
    if (k <= 9) {
      const words = Array.from({ length: int(1, 4) }, () => (r() < 0.5 ? `${pick(OPTIONS)}${pick(VALUES)}` : pick(FLAGS)));
      return `options${sep()}${words.join(sep())}`;
    }
    if (k === 10) return `sortlist${sep()}${Array.from({ length: int(1, 3) }, () => pick(SORT)).join(sep())}`;
    if (k === 11) return pick(['# comment', '; comment', '', '   ', '#nameserver 10.9.9.9']);
    if (k === 12) return `${pick([' ', '\t'])}${pick(['nameserver 10.0.0.9', 'search indented.example', 'options ndots:9'])}`;
    if (k === 13) return pick(['Nameserver 10.0.0.8', 'SEARCH up.example', 'nameserver10.0.0.7', 'search', 'nameserver', 'options', 'domain', 'serach typo.example']);
    if (k === 14) return `options${sep()}${pick(OPTIONS)}${pick(VALUES)}`;
    if (k === 15 && r() < 0.05) return pick(['sortlist bad/8', 'sortlist 10.0.0.0 /8']);
    return `nameserver ${pick(ADDRESSES)}`;
  }
  return (): string => {
    const lines = Array.from({ length: int(0, 9) }, line);
    const eol = r() < 0.04 ? '\r\n' : '\n';
    return lines.join(eol) + (r() < 0.9 ? eol : '');
  };
}

function requireTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.ok(!r.error && r.status === 0, `this test needs '${cmd}' (install it: scripts/install-system-deps.sh): ${r.error?.message ?? r.stderr}`);
}

test(`glibc differential: ${FILES} generated resolv.conf files through the real res_ninit`, () => {
  assert.ok(fs.existsSync(path.join(harness, 'resinit.c')), `the shared harness is missing: ${harness}`);
  requireTool('gcc', ['--version']);
  requireTool('unshare', ['--version']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolvconf-diff-'));
  try {
    const resinit = path.join(dir, 'resinit');
    execFileSync('gcc', ['-O1', '-o', resinit, path.join(harness, 'resinit.c'), '-lresolv']);
    const next = generator(SEED);
    const texts: string[] = [];
    for (let i = 0; i < FILES; i++) {
      texts.push(next());
      fs.writeFileSync(path.join(dir, `${i}.conf`), texts[i]);
    }
    // One namespace for all files; each res_ninit runs in a fresh process with a 2 s limit,
    // so a file that hangs glibc shows up as exit status 124.
    const script = `for i in $(seq 0 ${FILES - 1}); do f="$1/$i.conf"; mount --bind "$f" /etc/resolv.conf && { timeout 2 "$1/resinit" > "$f.out" 2>&1; echo $? > "$f.rc"; umount /etc/resolv.conf; }; done`;
    const userns = process.getuid?.() === 0 ? [] : ['-r'];
    const run = spawnSync('unshare', [...userns, '-m', 'sh', '-c', script, 'sh', dir], { encoding: 'utf8', timeout: 600_000 });
    assert.equal(run.status, 0, `could not run res_ninit in a private mount namespace (needs root or user namespaces): ${run.stderr}`);
    const hostname = os.hostname();
    let agree = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const rc = Number(fs.readFileSync(path.join(dir, `${i}.conf.rc`), 'utf8'));
      const real: GlibcState | 'hang' = rc === 124 ? 'hang' : (JSON.parse(fs.readFileSync(path.join(dir, `${i}.conf.out`), 'utf8')) as GlibcState);
      const mine = ourGlibcState(texts[i], hostname);
      try {
        assert.deepEqual(mine, real);
        agree++;
      } catch {
        disagreements.push(`file ${i} ${JSON.stringify(texts[i])}\n    ours ${JSON.stringify(mine)}\n    real ${JSON.stringify(real)}`);
      }
    }
    const hangs = texts.filter((t) => ourGlibcState(t, hostname) === 'hang').length;
    console.log(`glibc differential agreement: ${agree}/${FILES} (seed ${SEED}; ${hangs} of the files hang glibc's res_init)`);
    for (const d of disagreements.slice(0, 10)) console.log(`  disagree: ${d}`);
    assert.equal(agree, FILES, `agreement ${agree}/${FILES} is below the floor of ${FILES}/${FILES}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
