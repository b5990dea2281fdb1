// Where an analysis runs: in this thread (small documents: no copy, no hop) or in the
// analysis worker (big ones: the main thread stays free). Both hold one AnalysisEngine and
// answer features from the analysis they hold.

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AnalysisEngine, type AnalysisJob, type AnalysisOutcome, type FeatureRequest, type ParsedNotice } from './engine';
import { CANCEL_SLOTS, type FromWorker, type ToWorker } from './workerProtocol';

export interface RunningAnalysis {
  promise: Promise<AnalysisOutcome>;
  cancel(): void;
}

export interface Executor {
  readonly name: 'main' | 'worker';
  /**
   * `onParsed`: the parse of job.version is held, features can be asked for it now (called
   * synchronously; what it posts to this executor is answered before the lint runs).
   */
  analyze(job: AnalysisJob, onParsed?: (notice: ParsedNotice) => void, onPartial?: (notice: ParsedNotice) => void): RunningAnalysis;
  /** `signal`: the request was cancelled; a feature not begun yet is dropped (undefined). */
  feature(request: FeatureRequest, signal?: AbortSignal): Promise<unknown>;
  close(uri: string): void;
  /** Gets ready for a first analysis (the worker loads its code while settings are asked for). */
  warm?(): void;
}

export class LocalExecutor implements Executor {
  readonly name = 'main';
  private readonly engine: AnalysisEngine;

  constructor(log: (message: string) => void) {
    this.engine = new AnalysisEngine(log);
  }

  analyze(job: AnalysisJob, onParsed?: (notice: ParsedNotice) => void, onPartial?: (notice: ParsedNotice) => void): RunningAnalysis {
    let cancelled = false;
    return { promise: this.engine.analyze(job, () => cancelled, onParsed, onPartial), cancel: () => (cancelled = true) };
  }

  async feature(request: FeatureRequest): Promise<unknown> {
    return this.engine.feature(request);
  }

  close(uri: string): void {
    this.engine.close(uri);
  }
}

interface Pending {
  resolve(value: unknown): void;
  analyze?: AnalysisJob;
  onParsed?: (notice: ParsedNotice) => void;
  onPartial?: (notice: ParsedNotice) => void;
  cancelledAt?: number;
}

/** How long a cancelled job may keep the worker busy before the worker is replaced. */
const CANCEL_GRACE_MS = 2500;
/** A cancelled parse from scratch still runs to its end (engine.ts): it gets time per MB. */
const CANCEL_GRACE_MS_PER_MB = 250;
const graceMs = (job: AnalysisJob | undefined) => CANCEL_GRACE_MS + ((job?.text.length ?? 0) / 1e6) * CANCEL_GRACE_MS_PER_MB;
/** The worker is stopped (its memory returned) once it holds no documents for this long. */
const IDLE_STOP_MS = 3000;

export class WorkerExecutor implements Executor {
  readonly name = 'worker';
  private worker: Worker | undefined;
  private flags = new Int32Array(new SharedArrayBuffer(4 * CANCEL_SLOTS));
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly held = new Set<string>();
  private idleTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  /** Worker restarts (a cancelled job that would not stop, a crash); for the report. */
  restarts = 0;

  constructor(
    private readonly script: string = path.join(__dirname, 'analysisWorker.js'),
    private readonly log: (message: string) => void = () => {},
    private readonly heapLimitMb = 4096,
  ) {}

  warm(): void {
    this.ensureWorker();
    // Stopped again if no analysis comes (a document over the size limit).
    if (this.held.size === 0 && this.pending.size === 0) this.stopWhenIdle();
  }

  private ensureWorker(): Worker {
    clearTimeout(this.idleTimer);
    if (this.worker) return this.worker;
    this.flags = new Int32Array(new SharedArrayBuffer(4 * CANCEL_SLOTS));
    const worker = new Worker(this.script, { workerData: { cancelFlags: this.flags.buffer }, resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb } });
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'log') this.log(m.message);
      else if (m.type === 'parsed') this.parsed(m.id, m.notice);
      else if (m.type === 'partial') this.pending.get(m.id)?.onPartial?.(m.notice);
      else this.settle(m.id, m.value);
    });
    worker.on('error', (e) => this.lost(worker, `the analysis worker failed: ${e.message}`));
    worker.on('exit', (code) => this.lost(worker, `the analysis worker exited (code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(id: number, value: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    p.resolve(value);
  }

  /**
   * The worker holds the job's parse and waits: the features asked for it in reaction
   * (posted synchronously or in microtasks) go first, then the go-ahead to lint.
   */
  private parsed(id: number, notice: ParsedNotice): void {
    const p = this.pending.get(id);
    const worker = this.worker;
    try {
      p?.onParsed?.(notice);
    } finally {
      setImmediate(() => {
        if (this.worker === worker) worker?.postMessage({ type: 'lint', id } satisfies ToWorker);
      });
    }
  }

  /** The worker died or was replaced: the oldest analysis is what killed it; retry the rest. */
  private lost(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.restarts++;
    let blamed = false;
    for (const [id, p] of [...this.pending]) {
      this.pending.delete(id);
      if (!p.analyze) p.resolve(undefined);
      else if (!blamed && p.cancelledAt === undefined) {
        blamed = true;
        p.resolve({ kind: 'done', version: p.analyze.version, findings: [], omitted: 0, incremental: false, ms: 0, error: reason } satisfies AnalysisOutcome);
      } else p.resolve({ kind: 'cancelled', version: p.analyze.version } satisfies AnalysisOutcome);
    }
    this.log(reason);
  }

  private post(message: ToWorker): void {
    const worker = this.ensureWorker();
    // Referenced while it owes an answer, so a script that awaits it does not just exit.
    worker.ref();
    worker.postMessage(message);
  }

  analyze(job: AnalysisJob, onParsed?: (notice: ParsedNotice) => void, onPartial?: (notice: ParsedNotice) => void): RunningAnalysis {
    const id = this.nextId++;
    const slot = id % CANCEL_SLOTS;
    this.held.add(job.uri);
    const pending: Pending = { resolve: () => {}, analyze: job, onParsed, onPartial };
    const promise = new Promise<AnalysisOutcome>((resolve) => (pending.resolve = resolve as (v: unknown) => void));
    this.pending.set(id, pending);
    Atomics.store(this.flags, slot, 0);
    this.post({ type: 'analyze', id, slot, job });
    return {
      promise,
      cancel: () => {
        if (!this.pending.has(id) || pending.cancelledAt !== undefined) return;
        pending.cancelledAt = Date.now();
        Atomics.store(this.flags, slot, 1);
        this.armWatchdog();
      },
    };
  }

  /** A language that does not check isCancelled must not keep stale work running for long. */
  private armWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const stuck = [...this.pending.values()].find((p) => p.cancelledAt !== undefined && Date.now() - p.cancelledAt > graceMs(p.analyze));
      if (stuck && this.worker) {
        const worker = this.worker;
        this.lost(worker, 'a cancelled analysis did not stop: the analysis worker was replaced');
        this.held.clear();
        void worker.terminate();
      }
      if (![...this.pending.values()].some((p) => p.cancelledAt !== undefined)) {
        clearInterval(this.watchdog);
        this.watchdog = undefined;
      }
    }, 250);
    this.watchdog.unref();
  }

  feature(request: FeatureRequest, signal?: AbortSignal): Promise<unknown> {
    if (!this.worker || signal?.aborted) return Promise.resolve(undefined);
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.post({ type: 'feature', id, request });
      // The worker answers a drop with undefined unless it has begun (then its answer comes).
      signal?.addEventListener('abort', () => {
        if (this.pending.has(id) && this.worker === worker) worker.postMessage({ type: 'drop', id } satisfies ToWorker);
      }, { once: true });
    });
  }

  close(uri: string): void {
    if (!this.held.delete(uri) || !this.worker) return;
    this.worker.postMessage({ type: 'close', uri } satisfies ToWorker);
    if (this.held.size === 0) this.stopWhenIdle();
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.held.size === 0 && this.pending.size === 0 && this.worker) {
        const worker = this.worker;
        this.worker = undefined;
        void worker.terminate();
      }
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }
}
