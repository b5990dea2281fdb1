// /proc mounted with hidepid=2, in a private mount namespace (unshare -m: the host's /proc is
// untouched), read as an unprivileged user: the process list says it is partial and why, and
// another user's pid is "hidden", never a crash. Needs root (CI runs test:all as root).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { repoRoot } from '../../helpers';

function worldReadableDist(): string {
  // nobody cannot read the checkout under /work or /root: run a copy.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-hidepid-'));
  fs.cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  fs.chmodSync(dir, 0o755);
  return path.join(dir, 'dist', 'cli.js');
}

test('hidepid=2 in a private mount namespace: the list is marked partial, pid 1 is "hidden"', () => {
  assert.equal(process.getuid?.(), 0, 'this test mounts a procfs: it needs root');
  const cli = worldReadableDist();
  const script = `mount -t proc -o hidepid=2 proc /proc && runuser -u nobody -- node ${cli} proc processes; echo "rc=$?"; runuser -u nobody -- node ${cli} proc process --pid 1; echo "rc=$?"`;
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined, `unshare ran (${r.error})`);
  console.log(`tried: unshare -m; mount -t proc -o hidepid=2; as nobody: proc processes, proc process --pid 1\n${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /mounted with hidepid=(2|invisible): other users' processes are hidden/);
  assert.match(r.stdout + r.stderr, /no process 1 \(it has exited, or it is hidden from this PID namespace or by hidepid\)/);
  assert.doesNotMatch(r.stdout + r.stderr, /internal error|at .*\.js:\d+/, 'no stack trace');
  assert.ok(!fs.readFileSync('/proc/mounts', 'utf8').includes('hidepid'), "the host's /proc is untouched");
});
