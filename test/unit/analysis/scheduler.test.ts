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
