// The analysis worker (a worker_threads thread): big documents are parsed, linted and asked
// for hover/outline/lenses here, so the server's main thread keeps answering the editor
// while a 100,000-record zone is linted. Cancellation arrives through shared memory (one
// Int32 flag per job slot) because a synchronous parse never sees a message.

import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisEngine } from './engine';
import type { FeatureRequest } from './engine';
import type { ToWorker } from './workerProtocol';

const flags = new Int32Array(workerData.cancelFlags as SharedArrayBuffer);
const port = parentPort!;
const engine = new AnalysisEngine((message) => port.postMessage({ type: 'log', message }));
/** Jobs parsed and waiting for the server's go-ahead to lint (it answers hovers first). */
const lintGates = new Map<number, () => void>();

/**
 * Feature requests not begun yet. One is answered per macrotask, hover and completion first:
 * an outline of a 100,000-record zone (10-35 ms) must not hold up the hover typed after it,
 * and a request cancelled meanwhile is dropped (answered undefined, never computed).
 */
const features = new Map<number, FeatureRequest>();
const URGENT = new Set<FeatureRequest['feature']>(['hover', 'complete']);
let draining = false;

/** Answers the next queued feature request (hover and completion first); false if none. */
function answerNextFeature(): boolean {
  let next: number | undefined;
  for (const [id, request] of features) {
    if (URGENT.has(request.feature)) {
      next = id;
      break;
    }
    next ??= id;
  }
  if (next === undefined) return false;
  const request = features.get(next)!;
  features.delete(next);
  let value: unknown;
  try {
    value = engine.feature(request);
  } catch (e) {
    port.postMessage({ type: 'log', message: `${request.feature} on ${request.uri} failed: ${(e as Error).stack ?? e}` });
  }
  port.postMessage({ type: 'result', id: next, value });
  return true;
}

function drainFeatures(): void {
  draining = false;
  if (answerNextFeature() && features.size > 0) scheduleDrain();
}

function scheduleDrain(): void {
  if (draining) return;
  draining = true;
  setImmediate(drainFeatures);
}

port.on('message', async (m: ToWorker) => {
  switch (m.type) {
    case 'analyze': {
      const outcome = await engine.analyze(m.job, () => Atomics.load(flags, m.slot) === 1, (notice) => {
        const gate = new Promise<void>((resolve) => lintGates.set(m.id, resolve));
        port.postMessage({ type: 'parsed', id: m.id, notice });
        return gate;
      }, (notice) => port.postMessage({ type: 'partial', id: m.id, notice }));
      port.postMessage({ type: 'result', id: m.id, value: outcome });
      break;
    }
    case 'feature':
      features.set(m.id, m.request);
      scheduleDrain();
      break;
    case 'drop':
      if (features.delete(m.id)) port.postMessage({ type: 'result', id: m.id, value: undefined });
      break;
    case 'lint':
      // The features posted before the go-ahead are answered before the lint starts.
      while (answerNextFeature());
      lintGates.get(m.id)?.();
      lintGates.delete(m.id);
      break;
    case 'close':
      engine.close(m.uri);
      break;
  }
});
