// Processes that exit while they are read: every report is a result (ok, possibly marked
// "exited while being read", or a clear "no process"), never a throw.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import test from 'node:test';
import { runProcCommand } from '../../../server/src/live/proc/command';
import type { ProcessData } from '../../../server/src/live/proc/readings/process';
import { testContext } from '../../unit/live/proc/context';

test('reading 40 short-lived processes as they exit never crashes', async () => {
  const outcomes = { ok: 0, exitedDuringRead: 0, gone: 0 };
  await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const child = spawn('sh', ['-c', `sleep 0.0${i % 10}`]);
      await new Promise((r) => child.once('spawn', r));
      const [process, processes, deleted] = await Promise.all([
        runProcCommand({ reading: 'process', pid: child.pid }, testContext()),
        i % 10 === 0 ? runProcCommand({ reading: 'processes' }, testContext()) : Promise.resolve(undefined),
        i % 10 === 5 ? runProcCommand({ reading: 'deleted-files' }, testContext()) : Promise.resolve(undefined),
      ]);
      for (const r of [processes, deleted]) if (r) assert.equal(r.ok, true, r.error);
      if (process.ok) {
        outcomes.ok++;
        if ((process.data as ProcessData).exitedDuringRead) {
          outcomes.exitedDuringRead++;
          assert.match(process.text, /exited while being read/);
        }
      } else {
        outcomes.gone++;
        assert.match(process.error ?? '', /no process \d+ \(it has exited|cannot read \/proc\/\d+\/stat/);
      }
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    }),
  );
  assert.equal(outcomes.ok + outcomes.gone, 40, JSON.stringify(outcomes));
});
