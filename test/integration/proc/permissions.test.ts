// EACCES is a result: another user's process shows what is world-readable and names what is
// not. As root the test drops to nobody to read its own child; otherwise it reads pid 1.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import type { DeletedFilesData } from '../../../server/src/live/proc/readings/deletedFiles';
import type { ProcessData } from '../../../server/src/live/proc/readings/process';
import type { SocketsData } from '../../../server/src/live/proc/readings/sockets';
import { cliPath } from '../../helpers';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

// The checkout may live where nobody cannot read it (/root is mode 700 on a fresh Debian), so
// the other user runs a copy of dist/ from a world-readable temporary folder.
function cliReadableByOtherUser(): string {
  if (!isRoot) return cliPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-cli-'));
  fs.chmodSync(dir, 0o755);
  fs.cpSync(path.dirname(cliPath), dir, { recursive: true });
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    fs.chmodSync(path.join(entry.parentPath ?? entry.path, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, path.basename(cliPath));
}
const otherUserCli = cliReadableByOtherUser();

// A busy node (a CI host running editors) has megabytes of sockets JSON: more than the default 1 MiB buffer.
function cliAsOtherUser<T>(args: string[]): { status: number; data: T } {
  const out = execFileSync(process.execPath, [otherUserCli, 'proc', ...args, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20, cwd: path.dirname(otherUserCli), ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  return { status: 0, data: JSON.parse(out) as T };
}

test('another user\'s process: status shown, environ/fd/exe/cwd named as permission denied', async () => {
  const child = isRoot ? spawn('sleep', ['300'], { env: { API_TOKEN: 'never-shown' } }) : undefined;
  try {
    if (child) await new Promise((r) => child.once('spawn', r));
    const pid = child?.pid ?? 1;
    const { data } = cliAsOtherUser<ProcessData>(['process', '--pid', String(pid)]);
    assert.equal(data.pid, pid);
    assert.ok(data.status && data.status.Name, 'status is world-readable');
    assert.equal(data.environ, undefined);
    assert.equal(data.fds, undefined);
    for (const part of ['environment', 'open files', 'exe', 'cwd']) {
      assert.ok(
        data.unreadable.some((u) => u.startsWith(`${part}: cannot read /proc/${pid}/`) && u.includes('permission denied')),
        `${part} named as permission denied in ${JSON.stringify(data.unreadable)}`,
      );
    }
    assert.equal(data.wchan, undefined, 'wchan reads "0" without ptrace access');
    assert.ok(!JSON.stringify(data).includes('never-shown'));
  } finally {
    child?.kill('SIGKILL');
  }
});

test('sockets and deleted-files as another user: owners and holders not attributable are counted', () => {
  const sockets = cliAsOtherUser<SocketsData>(['sockets']).data;
  assert.ok(sockets.ownersUnreadable.includes(1), 'pid 1 belongs to root');
  const deleted = cliAsOtherUser<DeletedFilesData>(['deleted-files']).data;
  assert.ok(deleted.unreadablePids.includes(1));
});
