import assert from 'node:assert/strict';
import test from 'node:test';
import { freeSummary, meminfoValue, parseMeminfo } from '../../../../server/src/live/proc/meminfo';
import { parseFormula, renderMemory } from '../../../../server/src/live/proc/readings/memory';
import { sample } from './sample';

const KiB = 1024;

test('meminfo 6.18: every row by key, kB rows in bytes, HugePages_* as counts', () => {
  const rows = parseMeminfo(sample('meminfo.linux-6.18-x86_64.txt'));
  assert.equal(rows.length, 54);
  assert.equal(meminfoValue(rows, 'MemTotal'), 24684092 * KiB);
  assert.equal(meminfoValue(rows, 'HugePages_Total'), 0);
  assert.equal(rows.find((r) => r.key === 'HugePages_Total')?.unit, '');
  assert.equal(rows.find((r) => r.key === 'Active(anon)')?.unit, 'kB');
  assert.equal(meminfoValue(rows, 'VmallocTotal'), 34359738367 * KiB);
  assert.equal(meminfoValue(rows, 'NoSuchKey'), undefined);
});

test('free columns with the procps-ng >= 4.0.1 formula: used = total - available', () => {
  const rows = parseMeminfo(sample('meminfo.linux-6.18-x86_64.txt'));
  const f = freeSummary(rows, 'procps-4');
  const kb = (k: string) => (meminfoValue(rows, k) as number);
  assert.equal(f.total, kb('MemTotal'));
  assert.equal(f.used, kb('MemTotal') - kb('MemAvailable'));
  assert.equal(f.free, kb('MemFree'));
  assert.equal(f.shared, kb('Shmem'));
  assert.equal(f.buffCache, kb('Buffers') + kb('Cached') + kb('SReclaimable'));
  assert.equal(f.available, kb('MemAvailable'));
  assert.equal(f.swapUsed, 0);
});

test('free columns with the procps-ng <= 4.0.0 formula: used = total - free - buffers - cache', () => {
  const rows = parseMeminfo(sample('meminfo.linux-6.18-x86_64.txt'));
  const f = freeSummary(rows, 'procps-3');
  const kb = (k: string) => (meminfoValue(rows, k) as number);
  assert.equal(f.used, kb('MemTotal') - kb('MemFree') - kb('Buffers') - kb('Cached') - kb('SReclaimable'));
  assert.notEqual(f.used, freeSummary(rows, 'procps-4').used);
});

test('a 2.6.32 kernel without MemAvailable: available falls back to MemFree, swap used counted', () => {
  const rows = parseMeminfo(sample('meminfo.linux-2.6.32-rhel6.txt'));
  const f = freeSummary(rows, 'procps-4');
  assert.equal(f.availableFromKernel, false);
  assert.equal(f.available, 322188 * KiB);
  assert.equal(f.used, (8060284 - 322188) * KiB);
  assert.equal(f.swapUsed, (4194296 - 4155264) * KiB);
  const old = freeSummary(rows, 'procps-3');
  assert.equal(old.used, (8060284 - 322188 - 203724 - 5822856 - 532424) * KiB);
  assert.match(renderMemory({ formula: 'procps-4', free: f, usedProcps3: old.used, usedProcps4: f.used, meminfo: rows }, true), /no usable MemAvailable/);
});

test('LXC distortion: MemAvailable above MemTotal is replaced by MemFree', () => {
  const f = freeSummary(parseMeminfo(sample('meminfo.lxc-distorted.txt')), 'procps-4');
  assert.equal(f.available, 1572864 * KiB);
  assert.equal(f.used, (2097152 - 1572864) * KiB);
});

test('a negative used falls back to total - free', () => {
  const rows = parseMeminfo('MemTotal: 100 kB\nMemFree: 10 kB\nBuffers: 50 kB\nCached: 50 kB\nSReclaimable: 20 kB\n');
  assert.equal(freeSummary(rows, 'procps-3').used, 90 * KiB);
});

test('garbage lines are skipped, not fatal', () => {
  const rows = parseMeminfo('MemTotal: 100 kB\nthis is not meminfo\n: 5\nMemFree:\t7 kB\n\n');
  assert.deepEqual(rows.map((r) => r.key), ['MemTotal', 'MemFree']);
  assert.deepEqual(parseMeminfo(''), []);
});

test('--formula accepts the procps generations and rejects anything else', () => {
  assert.equal(parseFormula(undefined), 'procps-4');
  assert.equal(parseFormula('procps-3'), 'procps-3');
  assert.equal(parseFormula('old'), 'procps-3');
  assert.equal(parseFormula('4'), 'procps-4');
  assert.equal(parseFormula('5'), undefined);
});

test('the text shows free\'s columns and the raw table, exact with --bytes', () => {
  const rows = parseMeminfo(sample('meminfo.linux-6.18-x86_64.txt'));
  const f = freeSummary(rows, 'procps-4');
  const text = renderMemory({ formula: 'procps-4', free: f, usedProcps3: freeSummary(rows, 'procps-3').used, usedProcps4: f.used, meminfo: rows }, true);
  assert.match(text, /total\s+used\s+free\s+shared\s+buff\/cache\s+available/);
  assert.match(text, new RegExp(`Mem:\\s+${f.total}\\s+${f.used}\\s+${f.free}\\s+${f.shared}\\s+${f.buffCache}\\s+${f.available}`));
  assert.match(text, /Older free .* shows used = total − free − buff\/cache/);
  assert.match(text, /HugePages_Total\s+0\n/);
});
