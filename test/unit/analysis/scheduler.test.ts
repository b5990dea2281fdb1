// The scheduler without LSP: where a document's first analysis runs, and that the worker
// is started as soon as a big document opens (it loads its code during the settings round trip).

import assert from 'node:assert/strict';
import test from 'node:test';
import type { AnalysisJob, AnalysisOutcome } from '../../../server/src/analysis/engine';
import type { Executor } from '../../../server/src/analysis/executor';
import { AnalysisScheduler, WORKER_MIN_CHARS } from '../../../server/src/analysis/scheduler';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';

function fakeExecutor(name: 'main' | 'worker') {
  const calls: string[] = [];
  const executor: Executor = {
    name,
    analyze(job: AnalysisJob) {
      calls.push(`analyze ${job.uri}`);
      const outcome: AnalysisOutcome = { kind: 'done', version: job.version, findings: [], omitted: 0, incremental: false, ms: 1 };
      return { promise: Promise.resolve(outcome), cancel: () => {} };
    },
    feature: async () => undefined,
    close: () => {},
    warm: () => calls.push('warm'),
  };
  return { executor, calls };
}

test('opening a big document warms the worker before its analysis; a small one does not', async () => {
  const texts = new Map([
    ['file:///big.zone', 'a IN A 192.0.2.1\n'.repeat(Math.ceil(WORKER_MIN_CHARS / 17) + 1)],
    ['file:///small.zone', 'a IN A 192.0.2.1\n'],
  ]);
  const published: string[] = [];
  const local = fakeExecutor('main');
  const worker = fakeExecutor('worker');
  const scheduler = new AnalysisScheduler(
    {
      textOf: (uri) => texts.get(uri),
      versionOf: () => 1,
      languageOf: () => 'zone',
      settings: async () => DEFAULT_SETTINGS,
      jobExtras: () => ({ mayReadFiles: false }),
      publish: (a) => published.push(a.uri),
      progress: () => () => {},
      log: () => {},
      info: () => {},
    },
    local.executor,
    worker.executor,
  );
  scheduler.open('file:///small.zone');
  assert.deepEqual(worker.calls, []);
  scheduler.open('file:///big.zone');
  assert.deepEqual(worker.calls, ['warm'], 'warmed at once, before the analysis is scheduled');
  await scheduler.analysisOf('file:///big.zone', true);
  await scheduler.analysisOf('file:///small.zone', true);
  assert.deepEqual(worker.calls, ['warm', 'analyze file:///big.zone']);
  assert.deepEqual(local.calls, ['analyze file:///small.zone']);
  assert.deepEqual(published.sort(), ['file:///big.zone', 'file:///small.zone']);
});

/** A scheduler over one zone big enough for the worker, whose version the test moves. */
function bigZoneScheduler(worker: Executor, versionOf: () => number, publish: ConstructorParameters<typeof AnalysisScheduler>[0]['publish'] = () => {}): AnalysisScheduler {
  return new AnalysisScheduler(
    {
      textOf: () => 'a IN A 192.0.2.1\n'.repeat(Math.ceil(WORKER_MIN_CHARS / 17) + 1),
      versionOf,
      languageOf: () => 'zone',
      settings: async () => DEFAULT_SETTINGS,
      jobExtras: () => ({ mayReadFiles: false }),
      publish,
      progress: () => () => {},
      log: () => {},
      info: () => {},
    },
    fakeExecutor('main').executor,
    worker,
  );
}

test('hover waits for the parse only: answered before the lint ends; a slow parse publishes its findings first', async () => {
  const events: string[] = [];
  let finishLint: (o: AnalysisOutcome) => void = () => {};
  const worker: Executor = {
    name: 'worker',
    analyze(job: AnalysisJob, onParsed) {
      events.push(`analyze v${job.version} early>=${job.earlyFindingsAfterMs}`);
      const promise = new Promise<AnalysisOutcome>((resolve) => (finishLint = resolve));
      // The parse is done at once; the lint ends when the test says so.
      setTimeout(() => onParsed?.({ version: job.version, early: { findings: [{ ruleId: 'zone/bad-ipv4', message: 'bad', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], omitted: 0 } }), 5);
      return { promise, cancel: () => events.push('cancel') };
    },
    feature: async (r) => `${r.feature} v${r.version}`,
    close: () => {},
    warm: () => {},
  };
  let version = 1;
  const scheduler = bigZoneScheduler(worker, () => version, (a) => events.push(`publish v${a.version} ${a.findings.map((f) => f.ruleId).join(',') || '-'}`));
  const uri = 'file:///big.zone';
  scheduler.open(uri);
  const parsed = await scheduler.parsedOf(uri);
  assert.ok(parsed && parsed.version === 1 && parsed.executor === worker);
  events.push(String(await scheduler.feature(parsed, { feature: 'hover' })));
  assert.deepEqual(events, ['analyze v1 early>=200', 'publish v1 zone/bad-ipv4', 'hover v1'], 'the early findings, then the hover, while the lint runs');
  // Asked again while the lint runs: the held parse answers at once; the full analysis waits.
  assert.equal((await scheduler.parsedOf(uri))?.version, 1);
  let analyzed = false;
  const full = scheduler.analysisOf(uri, true).then((a) => ((analyzed = true), a));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(analyzed, false, 'code actions and the outline wait for the lint');
  finishLint({ kind: 'done', version: 1, findings: [], omitted: 0, incremental: false, ms: 1 });
  assert.equal((await full)?.version, 1);
  assert.deepEqual(events.slice(3), ['publish v1 -']);
  assert.equal(scheduler.stats.earlyPublished, 1);

  // A newer version before its parse is held: the waiter for the old one gets nothing.
  version = 2;
  scheduler.change(uri, 2, undefined, 10_000);
  const stale = scheduler.parsedOf(uri); // flushes the debounce
  version = 3;
  scheduler.change(uri, 3, undefined, 10_000);
  assert.equal(await stale, undefined);
  scheduler.close(uri);
});

test('a lint cancelled after its parse: the next version re-parses from that parse, with only its own edits', async () => {
  const jobs: AnalysisJob[] = [];
  const worker: Executor = {
    name: 'worker',
    analyze(job: AnalysisJob, onParsed) {
      jobs.push(job);
      onParsed?.({ version: job.version });
      // Version 1's lint is cancelled (the keystroke came during it); version 2 finishes.
      const outcome: AnalysisOutcome = job.version === 1 ? { kind: 'cancelled', version: 1 } : { kind: 'done', version: job.version, findings: [], omitted: 0, incremental: true, ms: 1 };
      return { promise: new Promise((r) => setTimeout(() => r(outcome), 20)), cancel: () => {} };
    },
    feature: async () => undefined,
    close: () => {},
    warm: () => {},
  };
  let version = 1;
  const scheduler = bigZoneScheduler(worker, () => version);
  const uri = 'file:///big.zone';
  scheduler.open(uri);
  await scheduler.parsedOf(uri);
  version = 2;
  const edit = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }];
  scheduler.change(uri, 2, edit, 0);
  assert.equal((await scheduler.analysisOf(uri, true))?.version, 2);
  assert.equal(jobs[0].baseVersion, undefined);
  assert.equal(jobs[1].baseVersion, 1, 'from the parse of version 1, whose lint never finished');
  assert.deepEqual(jobs[1].changeLog, [{ version: 2, changes: edit }]);
  scheduler.close(uri);
});
