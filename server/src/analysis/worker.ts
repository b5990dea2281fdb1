// The analysis worker (a worker_threads thread): big documents are parsed, linted and asked
// for hover/outline/lenses here, so the server's main thread keeps answering the editor
// while a 100,000-record zone is linted. Cancellation arrives through shared memory (one
// Int32 flag per job slot) because a synchronous parse never sees a message.

import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisEngine } from './engine';
import type { ToWorker } from './workerProtocol';

const flags = new Int32Array(workerData.cancelFlags as SharedArrayBuffer);
const port = parentPort!;
const engine = new AnalysisEngine((message) => port.postMessage({ type: 'log', message }));
/** Jobs parsed and waiting for the server's go-ahead to lint (it answers hovers first). */
const lintGates = new Map<number, () => void>();

port.on('message', async (m: ToWorker) => {
  switch (m.type) {
    case 'analyze': {
      const outcome = await engine.analyze(m.job, () => Atomics.load(flags, m.slot) === 1, (notice) => {
        const gate = new Promise<void>((resolve) => lintGates.set(m.id, resolve));
        port.postMessage({ type: 'parsed', id: m.id, notice });
        return gate;
      });
      port.postMessage({ type: 'result', id: m.id, value: outcome });
      break;
    }
    case 'feature': {
      let value: unknown;
      try {
        value = engine.feature(m.request);
      } catch (e) {
        port.postMessage({ type: 'log', message: `${m.request.feature} on ${m.request.uri} failed: ${(e as Error).stack ?? e}` });
      }
      port.postMessage({ type: 'result', id: m.id, value });
      break;
    }
    case 'lint':
      lintGates.get(m.id)?.();
      lintGates.delete(m.id);
      break;
    case 'close':
      engine.close(m.uri);
      break;
  }
});
