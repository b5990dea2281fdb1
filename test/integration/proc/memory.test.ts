// memory vs `free -b`, with the "used" formula of the installed procps (`free --version`).

import assert from 'node:assert/strict';
import test from 'node:test';
import type { MemoryData } from '../../../server/src/live/proc/readings/memory';
import { reading, run } from './oracle';

function procpsFormula(): 'procps-4' | 'procps-3' {
  const m = /procps(?:-ng)?\s+(?:version\s+)?(\d+)\.(\d+)\.(\d+)/i.exec(run('free', ['--version']));
  assert.ok(m, 'free --version names a procps version');
  const [major, minor, patch] = m.slice(1).map(Number);
  // procps-ng 4.0.1 switched "used" to MemTotal - MemAvailable.
  return major > 4 || (major === 4 && (minor > 0 || patch >= 1)) ? 'procps-4' : 'procps-3';
}

function freeBytes(): { mem: number[]; swap: number[] } {
  const lines = run('free', ['-b']).split('\n');
  const nums = (prefix: string) => (lines.find((l) => l.startsWith(prefix)) ?? '').split(/\s+/).slice(1).filter(Boolean).map(Number);
  return { mem: nums('Mem:'), swap: nums('Swap:') };
}

test('memory matches free -b column for column (formula from free --version)', async () => {
  const formula = procpsFormula();
  // free runs in another process: read between two runs of it and accept what moved.
  const before = freeBytes();
  const ours = (await reading<MemoryData>({ reading: 'memory', options: { formula } })).data;
  const after = freeBytes();
  assert.equal(ours.formula, formula);
  const f = ours.free;
  const columns: Array<[string, number, number]> = [
    ['total', f.total, 0],
    ['used', f.used, 1],
    ['free', f.free, 2],
    ['shared', f.shared, 3],
    ['buff/cache', f.buffCache, 4],
    ['available', f.available, 5],
  ];
  assert.equal(f.total, before.mem[0], 'total is exact');
  for (const [name, value, i] of columns) {
    const lo = Math.min(before.mem[i], after.mem[i]);
    const hi = Math.max(before.mem[i], after.mem[i]);
    const slack = Math.max(1024 * 1024, hi * 0.005); // a few pages of drift between processes
    assert.ok(value >= lo - slack && value <= hi + slack, `${name}: ours ${value}, free -b said ${before.mem[i]} then ${after.mem[i]}`);
  }
  assert.deepEqual([f.swapTotal, f.swapUsed, f.swapFree], before.swap, 'swap');
});

test('the other formula differs from free -b where buffers and cache are not zero', async () => {
  const formula = procpsFormula();
  const other = formula === 'procps-4' ? 'procps-3' : 'procps-4';
  const data = (await reading<MemoryData>({ reading: 'memory', options: { formula: other } })).data;
  const free = freeBytes();
  assert.ok(data.free.buffCache > 16 * 1024 * 1024, 'a running node has some buff/cache, which is what the formulas disagree on');
  assert.ok(Math.abs(data.free.used - free.mem[1]) > 1024 * 1024, `${other} used ${data.free.used} should differ from free's ${free.mem[1]}`);
});
