// The cgroup file parsers over the formats the kernel documents (cgroup-v2.rst, cgroup-v1
// memory.rst, sched-bwc.rst, psi.rst), and the text they must refuse.

import assert from 'node:assert/strict';
import test from 'node:test';
import { cpuCores, parseCpuMax, parseInteger, parseKeyed, parseMaxOrValue, parsePressure, parseV1MemoryLimit, parseV1Quota } from '../../../../server/src/live/proc/cgroupFiles';

test('memory.max / pids.max: "max" is unlimited, a number is bytes or pids; garbage is refused', () => {
  assert.deepEqual(parseMaxOrValue('max\n'), { unlimited: true });
  assert.deepEqual(parseMaxOrValue('536870912\n'), { unlimited: false, value: 536870912n });
  assert.equal(parseMaxOrValue('512Mi'), undefined);
  assert.equal(parseMaxOrValue('-1'), undefined);
  assert.equal(parseMaxOrValue(''), undefined);
});

test('v1 memory.limit_in_bytes: 9223372036854771712 (PAGE_COUNTER_MAX pages) is unlimited, exactly, past 2^53', () => {
  assert.deepEqual(parseV1MemoryLimit('9223372036854771712\n'), { unlimited: true });
  assert.deepEqual(parseV1MemoryLimit('9223372036854767616'), { unlimited: false, value: 9223372036854767616n });
  assert.deepEqual(parseV1MemoryLimit('16777216'), { unlimited: false, value: 16777216n });
});

test('v1 cpu.cfs_quota_us: -1 is no quota', () => {
  assert.deepEqual(parseV1Quota('-1\n'), { unlimited: true });
  assert.deepEqual(parseV1Quota('50000'), { unlimited: false, value: 50000n });
  assert.equal(parseV1Quota('x'), undefined);
});

test('cpu.max: "$MAX $PERIOD"; cores = MAX / PERIOD; "max 100000" is unlimited', () => {
  const half = parseCpuMax('50000 100000\n');
  assert.deepEqual(half, { quota: { unlimited: false, value: 50000n }, periodUsec: 100000n });
  assert.equal(cpuCores(half!.quota, half!.periodUsec), 0.5);
  const none = parseCpuMax('max 100000');
  assert.equal(cpuCores(none!.quota, none!.periodUsec), undefined);
  assert.equal(parseCpuMax('max'), undefined, 'the kernel always prints the period');
  assert.equal(parseCpuMax('50000 0'), undefined);
  assert.equal(parseCpuMax('1 2 3'), undefined);
});

test('flat keyed files: memory.events (with newer keys), cpu.stat, v1 memory.oom_control', () => {
  const events = parseKeyed('low 0\nhigh 0\nmax 1432\noom 3\noom_kill 2\noom_group_kill 0\n');
  assert.equal(events.get('oom_kill'), 2n);
  assert.equal(events.get('max'), 1432n);
  assert.equal(events.get('oom_group_kill'), 0n);
  const stat = parseKeyed('usage_usec 8213004\nuser_usec 6101002\nsystem_usec 2112002\nnr_periods 1200\nnr_throttled 38\nthrottled_usec 912345\nnr_bursts 0\nburst_usec 0\n');
  assert.equal(stat.get('nr_throttled'), 38n);
  assert.equal(stat.get('throttled_usec'), 912345n);
  assert.equal(parseKeyed('oom_kill_disable 0\nunder_oom 0\noom_kill 1\n').get('oom_kill'), 1n);
  assert.equal(parseKeyed('weird line with words\n').size, 0);
});

test('pressure (PSI): some and full lines; a file without them is refused', () => {
  const p = parsePressure('some avg10=1.53 avg60=0.87 avg300=0.31 total=5512345\nfull avg10=0.00 avg60=0.10 avg300=0.02 total=112233\n');
  assert.deepEqual(p?.some, { avg10: 1.53, avg60: 0.87, avg300: 0.31, totalUsec: 5512345n });
  assert.equal(p?.full?.avg60, 0.1);
  assert.deepEqual(Object.keys(parsePressure('some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n') ?? {}), ['some'], 'cpu.pressure before 5.13 had no full line');
  assert.equal(parsePressure('0\n'), undefined);
});

test('a single integer: whitespace trimmed, anything else refused', () => {
  assert.equal(parseInteger(' 4096\n'), 4096n);
  assert.equal(parseInteger('4096 kB'), undefined);
});
