// The bounded window behind `dig -f`: results in item order whatever order the tasks end in,
// never more than `limit` in flight, and a failure surfaced at its turn, as a loop would.

import assert from 'node:assert/strict';
import test from 'node:test';
import { orderedWindow } from '../../../server/src/cli/orderedWindow';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('orderedWindow hands results over in item order although later tasks end first', async () => {
  const items = Array.from({ length: 12 }, (_, i) => i);
  const ended: number[] = [];
  const emitted: Array<[number, number]> = [];
  // Earlier items take longer: the end order is the reverse of the item order within a window.
  await orderedWindow(items, { limit: 4 }, async (item) => {
    await sleep((12 - item) * 3);
    ended.push(item);
    return item * 10;
  }, (result, index) => emitted.push([result, index]));
  assert.deepEqual(emitted, items.map((i) => [i * 10, i]));
  assert.notDeepEqual(ended, items, 'the tasks really ended out of order');
});

test('orderedWindow keeps at most `limit` tasks in flight, and limit 1 is a sequential loop', async () => {
  for (const limit of [1, 3]) {
    let inFlight = 0;
    let most = 0;
    const trace: string[] = [];
    await orderedWindow(Array.from({ length: 10 }, (_, i) => i), { limit }, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      trace.push(`start ${item}`);
      await sleep(item % 3);
      inFlight--;
      trace.push(`end ${item}`);
      return item;
    }, (item) => trace.push(`emit ${item}`));
    assert.equal(most, limit);
    if (limit === 1) assert.deepEqual(trace, Array.from({ length: 10 }, (_, i) => [`start ${i}`, `end ${i}`, `emit ${i}`]).flat());
  }
});

test('orderedWindow: a slow task delays only the printing of later ones, not their start or end', async () => {
  const startedAt: number[] = [];
  const t0 = performance.now();
  let emittedAt = -1;
  await orderedWindow(Array.from({ length: 20 }, (_, i) => i), { limit: 4 }, async (item) => {
    startedAt[item] = performance.now() - t0;
    await sleep(item === 0 ? 300 : 5);
    return item;
  }, (item) => {
    if (item === 19) emittedAt = performance.now() - t0;
  });
  // Items 1-19 ran through the three free slots while item 0 waited: all started well before it ended.
  assert.ok(Math.max(...startedAt.slice(1)) < 250, `later items started at ${startedAt.map(Math.round).join(',')}`);
  assert.ok(emittedAt >= 295 && emittedAt < 600, `the last one was printed right after the slow one (at ${emittedAt} ms)`);
});

test('orderedWindow: maxAhead bounds the finished results that wait for an earlier one', async () => {
  let started = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const run = orderedWindow(Array.from({ length: 50 }, (_, i) => i), { limit: 4, maxAhead: 10 }, async (item) => {
    started++;
    if (item === 0) await gate;
    return item;
  }, () => undefined);
  await sleep(30);
  assert.equal(started, 10, 'no more than maxAhead started past the one holding the output');
  release();
  await run;
  assert.equal(started, 50);
});

test('orderedWindow: a task that throws rejects at its turn, after everything before it, and nothing after it is emitted', async () => {
  const emitted: number[] = [];
  await assert.rejects(
    orderedWindow(Array.from({ length: 10 }, (_, i) => i), { limit: 4 }, async (item) => {
      await sleep(item === 3 ? 1 : 20 - item);
      if (item === 3) throw new Error('boom 3');
      return item;
    }, (item) => emitted.push(item)),
    /boom 3/,
  );
  assert.deepEqual(emitted, [0, 1, 2]);
  const none: number[] = [];
  await orderedWindow([], { limit: 8 }, async () => 1, (x) => none.push(x));
  assert.deepEqual(none, [], 'an empty list resolves at once');
});
