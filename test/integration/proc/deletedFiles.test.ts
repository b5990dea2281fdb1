// The phantom disk filler: a 50 MB file held open by a child and deleted must be named with
// its exact size and holder, as lsof +L1 lists it.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import type { DeletedFilesData } from '../../../server/src/live/proc/readings/deletedFiles';
import type { ProcessData } from '../../../server/src/live/proc/readings/process';
import { cliPath } from '../../helpers';
import { reading, run } from './oracle';

const SIZE = 50 * 1000 * 1000 + 123; // odd on purpose: the size must be exact, not rounded

test('a deleted 50 MB file held open is listed with its exact size, holder and fd, like lsof +L1', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-phantom-'));
  const file = path.join(dir, 'rotated app.log');
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  const out = fs.openSync(file, 'w');
  for (let written = 0; written < SIZE; written += chunk.length) fs.writeSync(out, chunk, 0, Math.min(chunk.length, SIZE - written));
  fs.closeSync(out);
  const fd = fs.openSync(file, 'r');
  const child = spawn('sleep', ['300'], { stdio: ['ignore', 'ignore', 'ignore', 'ignore', fd] });
  fs.closeSync(fd);
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    fs.unlinkSync(file);
    const report = await reading<DeletedFilesData>({ reading: 'deleted-files' });
    const found = report.data.files.find((f) => f.path === file);
    assert.ok(found, `the report names ${file}:\n${report.text}`);
    assert.equal(found.size, SIZE);
    assert.equal(found.memfd, false);
    assert.deepEqual(found.holders, [{ pid: child.pid, command: 'sleep', fd: 4 }]);
    assert.ok(report.data.totalBytes >= SIZE);
    const sizes = report.data.files.map((f) => f.size);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'largest first');
    assert.match(report.text, new RegExp(`${SIZE}\\s+${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${child.pid} sleep \\(fd 4\\)`));

    // lsof +L1 -F: every deleted regular file with an fd that lsof lists for this child is ours too.
    const lsof = run('lsof', ['-w', '+L1', '-a', '-p', String(child.pid), '-F', 'fsn0']);
    const entries = lsof
      .split('\n')
      .map((line): Record<string, string> => Object.fromEntries(line.split('\0').filter(Boolean).map((f) => [f[0], f.slice(1)])))
      .filter((f) => /^\d+$/.test(f.f ?? ''));
    assert.deepEqual(entries.map((e) => [Number(e.f), Number(e.s), e.n]), [[4, SIZE, `${file} (deleted)`]]);

    // The CLI prints the same data.
    const cli = JSON.parse(execFileSync(process.execPath, [cliPath, 'proc', 'deleted-files', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 })) as DeletedFilesData;
    assert.equal(cli.files.find((f) => f.path === file)?.size, SIZE);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Once the holder is gone, the file is gone from the report.
  await new Promise((r) => child.once('exit', r));
  const after = await reading<DeletedFilesData>({ reading: 'deleted-files' });
  assert.equal(after.data.files.some((f) => f.path === file), false);
});

test('a file literally named "… (deleted)" that still exists is not reported', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-phantom-'));
  const file = path.join(dir, 'tricky (deleted)');
  fs.writeFileSync(file, 'still here');
  const fd = fs.openSync(file, 'r');
  const child = spawn('sleep', ['300'], { stdio: ['ignore', 'ignore', 'ignore', fd] });
  fs.closeSync(fd);
  try {
    await new Promise((r) => child.once('spawn', r));
    const report = await reading<DeletedFilesData>({ reading: 'deleted-files' });
    assert.equal(report.data.files.some((f) => f.path.startsWith(dir)), false);
    const proc = await reading<ProcessData>({ reading: 'process', pid: child.pid });
    const held = proc.data.fds?.entries.find((e) => e.fd === 3);
    assert.deepEqual([held?.target, held?.deleted], [file, false], 'seen, and told apart from a deleted file by its link count');
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
