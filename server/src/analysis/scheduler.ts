// When and where each open document is analyzed, without LSP: debounced per document, one
// analysis per version, a newer edit cancels the stale one at once, nothing published for
// a closed document or a stale version, diagnostics published before any feature of that
// version is answered (hover and completion excepted: they need only the parse), cross-document
// re-lints coalesced. server.ts supplies the host.

import type { Finding } from '../core/finding';
import type { TextChange } from '../core/languageService';
import type { LanguageId } from '../core/rules';
import type { Settings } from '../core/settings';
import type { AnalysisJob, AnalysisOutcome, FeatureRequest, ParsedNotice } from './engine';
import type { Executor, RunningAnalysis } from './executor';

/** Documents this long or longer are analyzed in the worker. */
export const WORKER_MIN_CHARS = 32 * 1024;
/** An analysis that takes longer than this shows progress in the editor. */
export const PROGRESS_AFTER_MS = 300;
/** A parse that takes this long publishes its own findings before the lint (a huge file's syntax errors). */
export const EARLY_FINDINGS_AFTER_MS = 200;
/** A parse from scratch still running after this long publishes the findings it has so far, once. */
export const PARTIAL_FINDINGS_AFTER_MS = 50;
/** Cross-document re-lints wait for a burst of opens/edits to pass, then run once each. */
export const CROSS_DOCUMENT_DELAY_MS = 250;
/** Edits kept for an incremental re-parse; past this the next analysis parses from scratch. */
const MAX_LOGGED_CHANGES = 5000;

export interface Analysis {
  uri: string;
  version: number;
  /** Undefined: not a document of ours (plain YAML). */
  language: LanguageId | undefined;
  /** Findings shown (capped), and how many more there were. */
  findings: Finding[];
  omitted: number;
  /** Not analyzed: the document is over the size limit. */
  tooLarge?: { bytes: number; limitMb: number };
  error?: string;
  executor?: Executor;
}

/** What a feature needs: the version's parse and who holds it (the lint may still be running). */
export type ParsedDocument = Pick<Analysis, 'uri' | 'version' | 'language' | 'tooLarge' | 'executor'>;

export interface SchedulerHost {
  textOf(uri: string): string | undefined;
  versionOf(uri: string): number | undefined;
  languageOf(uri: string): LanguageId | undefined;
  settings(uri: string): Promise<Settings>;
  /** mayReadFiles and, for cross-document rules, the other documents. */
  jobExtras(uri: string, language: LanguageId): Pick<AnalysisJob, 'mayReadFiles' | 'includeRoots' | 'workspaceDocuments'>;
  /** Sends the diagnostics of this analysis (synchronously queued before any feature answer). */
  publish(analysis: Analysis): void;
  /** Shows "checking …" in the editor; returns what ends it. */
  progress(uri: string, text: string): () => void;
  log(message: string): void;
  /** An informational line for the output channel (long analyses: how long, where, what). */
  info(message: string): void;
}

interface DocState {
  uri: string;
  timer?: NodeJS.Timeout;
  timerDue?: number;
  /** `parsing`: a parse from scratch (a whole huge file) that has not finished yet. */
  running?: { version: number; run: RunningAnalysis; executor: Executor; language: LanguageId; parsed?: boolean; parsing?: boolean };
  /** The newest finished analysis (possibly of an older version than the document's). */
  analysis?: Analysis;
  /**
   * The newest complete parse an executor holds, even if its lint was then cancelled (a
   * keystroke during a huge file's first lint): the next version re-parses from it.
   */
  held?: { version: number; executor: Executor };
  /** Edits since analysis.version, per version; undefined entry: a full-text replacement. */
  changeLog: Array<{ version: number; changes: TextChange[] | undefined }>;
  /** Requests waiting for `version`: its whole analysis, or (parseOnly) just its parse. */
  waiters: Array<{ version: number; parseOnly?: boolean; resolve: (a: Analysis | ParsedDocument | undefined) => void }>;
  /** The current version needs (re-)analysis even if one for it exists (cross-document). */
  dirty: boolean;
}

export class AnalysisScheduler {
  private readonly docs = new Map<string, DocState>();
  /** Analyses run, for tests and the report: how many, how many incremental, cancelled. */
  readonly stats = { analyses: 0, incremental: 0, cancelled: 0, published: 0, earlyPublished: 0, partialPublished: 0 };

  constructor(
    private readonly host: SchedulerHost,
    private readonly local: Executor,
    private readonly worker: Executor,
  ) {}

  open(uri: string): void {
    this.close(uri);
    this.docs.set(uri, { uri, changeLog: [], waiters: [], dirty: true });
    // A big document goes to the worker: let it load its code during the settings round trip.
    if ((this.host.textOf(uri)?.length ?? 0) >= WORKER_MIN_CHARS) this.worker.warm?.();
    this.schedule(uri, 0);
  }

  /** The document changed to `version` by `changes` (undefined: replaced wholesale). */
  change(uri: string, version: number, changes: TextChange[] | undefined, debounceMs: number): void {
    const s = this.docs.get(uri);
    if (!s) return;
    s.changeLog.push({ version, changes });
    if (s.changeLog.reduce((n, e) => n + (e.changes?.length ?? 1), 0) > MAX_LOGGED_CHANGES) s.changeLog = [{ version, changes: undefined }];
    s.dirty = true;
    // Stale work stops now, not when it would have finished.
    if (s.running) {
      s.running.run.cancel();
    }
    for (const w of s.waiters.filter((w) => w.version < version)) w.resolve(undefined);
    s.waiters = s.waiters.filter((w) => w.version >= version);
    this.schedule(uri, debounceMs);
  }

  close(uri: string): void {
    const s = this.docs.get(uri);
    if (!s) return;
    this.docs.delete(uri);
    clearTimeout(s.timer);
    s.running?.run.cancel();
    for (const w of s.waiters) w.resolve(undefined);
    this.local.close(uri);
    this.worker.close(uri);
  }

  isOpen(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** Re-analyzes a document whose text did not change (settings, other documents). */
  relint(uri: string, delayMs: number): void {
    const s = this.docs.get(uri);
    if (!s) return;
    s.dirty = true;
    // A sooner analysis that has not started yet reads the other documents when it runs:
    // it covers this one. Otherwise wait for the burst of changes to pass (trailing).
    if (s.timer && s.timerDue !== undefined && s.timerDue <= Date.now() + delayMs) return;
    this.schedule(uri, delayMs);
  }

  relintAll(): void {
    for (const uri of this.docs.keys()) this.relint(uri, 0);
  }

  get openCount(): number {
    return this.docs.size;
  }

  /**
   * The analysis of the document's current version, once its diagnostics are published.
   * `flush` runs a pending debounced analysis now (hover, completion: the user is waiting);
   * without it the request waits for the debounce like the diagnostics do (outline, lenses).
   * Undefined when the document closes or changes first.
   */
  analysisOf(uri: string, flush: boolean): Promise<Analysis | undefined> {
    return this.waitFor(uri, flush, false) as Promise<Analysis | undefined>;
  }

  /**
   * The parse of the document's current version, as soon as one is held: before its lint
   * finishes (hover and completion need no findings, and the user is waiting). Always
   * flushes a pending debounced analysis. Undefined when the document closes or changes first.
   */
  parsedOf(uri: string): Promise<ParsedDocument | undefined> {
    return this.waitFor(uri, true, true);
  }

  private waitFor(uri: string, flush: boolean, parseOnly: boolean): Promise<Analysis | ParsedDocument | undefined> {
    const s = this.docs.get(uri);
    const version = this.host.versionOf(uri);
    if (!s || version === undefined) return Promise.resolve(undefined);
    if (!s.dirty && s.analysis?.version === version) return Promise.resolve(s.analysis);
    // An analysis of this very version that a cross-document re-lint will refresh is good
    // enough for a feature: the parse is the same.
    if (s.analysis?.version === version && !s.changeLog.length) return Promise.resolve(s.analysis);
    if (parseOnly && s.running?.parsed && s.running.version === version) return Promise.resolve(this.parsedDocument(s));
    const p = new Promise<Analysis | ParsedDocument | undefined>((resolve) => s.waiters.push({ version, parseOnly, resolve }));
    if (s.timer && flush) this.schedule(uri, 0);
    else if (!s.timer && !s.running) this.schedule(uri, 0);
    return p;
  }

  /**
   * A feature of the current version would wait for work that is not that version's own,
   * worth answering another way: a parse from scratch still running (seconds for a huge
   * zone), or an older version's analysis ending. A cancelled lint stops at its next check,
   * but the current version's parse starts only after it, and the end of a huge zone's
   * first lint (the memo its next lint starts from) takes ~0.2 s: the hover typed right
   * after opening such a zone waited that long.
   */
  parseWouldWait(uri: string): boolean {
    const running = this.docs.get(uri)?.running;
    return running !== undefined && (running.parsing === true || running.version !== this.host.versionOf(uri));
  }

  private parsedDocument(s: DocState): ParsedDocument {
    return { uri: s.uri, version: s.running!.version, language: s.running!.language, executor: s.running!.executor };
  }

  /** A feature's answer from the executor that holds the parse. */
  async feature(analysis: ParsedDocument, request: Omit<FeatureRequest, 'uri' | 'version' | 'workspaceDocuments'>, signal?: AbortSignal): Promise<unknown> {
    if (!analysis.executor || analysis.tooLarge || !analysis.language) return undefined;
    const { workspaceDocuments } = this.host.jobExtras(analysis.uri, analysis.language);
    return analysis.executor.feature({ ...request, uri: analysis.uri, version: analysis.version, workspaceDocuments }, signal);
  }

  private schedule(uri: string, delayMs: number): void {
    const s = this.docs.get(uri);
    if (!s) return;
    const due = Date.now() + delayMs;
    clearTimeout(s.timer);
    s.timerDue = due;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.timerDue = undefined;
      this.run(s).catch((e) => this.host.log(`Analysis of ${uri} failed: ${(e as Error).stack ?? e}`));
    }, delayMs);
  }

  private async run(s: DocState): Promise<void> {
    if (this.docs.get(s.uri) !== s) return;
    const version = this.host.versionOf(s.uri);
    const text = this.host.textOf(s.uri);
    if (version === undefined || text === undefined) return;
    // One analysis at a time per document: a running one was cancelled by the newer edit
    // and reschedules this when it returns.
    if (s.running) return;
    const language = this.host.languageOf(s.uri);
    if (!language) {
      this.finish(s, { uri: s.uri, version, language: undefined, findings: [], omitted: 0 }, version);
      return;
    }
    const settings = await this.host.settings(s.uri);
    if (this.docs.get(s.uri) !== s || this.host.versionOf(s.uri) !== version || s.running || s.timer) return;
    if (text.length > settings.maxFileSizeMb * 1e6) {
      s.held = undefined;
      this.local.close(s.uri);
      this.worker.close(s.uri);
      this.finish(s, { uri: s.uri, version, language, findings: [], omitted: 0, tooLarge: { bytes: text.length, limitMb: settings.maxFileSizeMb } }, version);
      return;
    }
    const executor = text.length >= WORKER_MIN_CHARS ? this.worker : this.local;
    const other = executor === this.local ? this.worker : this.local;
    other.close(s.uri);
    const finished = s.analysis && s.analysis.executor === executor && !s.analysis.tooLarge ? s.analysis.version : undefined;
    const held = s.held?.executor === executor ? s.held.version : undefined;
    const base = finished === undefined ? held : held === undefined ? finished : Math.max(finished, held);
    const changeLog = base !== undefined ? s.changeLog.filter((e) => e.version > base && e.version <= version) : undefined;
    const job: AnalysisJob = { uri: s.uri, version, language, text, baseVersion: base, changeLog, settings, earlyFindingsAfterMs: EARLY_FINDINGS_AFTER_MS, partialFindingsAfterMs: PARTIAL_FINDINGS_AFTER_MS, ...this.host.jobExtras(s.uri, language) };
    // Set before analyze(): the main thread's engine reports its parse synchronously.
    const fromScratch = base === undefined || !changeLog || changeLog.some((e) => !e.changes);
    const running: NonNullable<DocState['running']> = { version, executor, language, parsing: fromScratch, run: { promise: Promise.resolve({ kind: 'cancelled', version }), cancel: () => {} } };
    s.running = running;
    const run = (running.run = executor.analyze(job, (notice) => this.parsed(s, notice), (notice) => this.partial(s, notice)));
    s.dirty = false;
    let endProgress: (() => void) | undefined;
    const progressTimer = setTimeout(() => (endProgress = this.host.progress(s.uri, text)), PROGRESS_AFTER_MS);
    let outcome: AnalysisOutcome;
    try {
      outcome = await run.promise;
    } finally {
      clearTimeout(progressTimer);
      endProgress?.();
      s.running = undefined;
    }
    if (this.docs.get(s.uri) !== s) return; // closed meanwhile: publish nothing
    this.stats.analyses++;
    if (outcome.kind === 'cancelled' || outcome.ms >= PROGRESS_AFTER_MS) {
      this.host.info(`${s.uri} version ${version}: ${outcome.kind === 'cancelled' ? 'analysis cancelled by a newer version' : `analyzed in ${outcome.ms.toFixed(0)} ms${outcome.incremental ? ' (incremental)' : ''}`} on the ${executor.name} thread`);
    }
    if (outcome.kind === 'cancelled') {
      this.stats.cancelled++;
      if (outcome.held) s.held = { version, executor };
      s.dirty = true;
      if (!s.timer) this.schedule(s.uri, 0);
      return;
    }
    if (outcome.incremental) this.stats.incremental++;
    const analysis: Analysis = { uri: s.uri, version, language, findings: outcome.findings, omitted: outcome.omitted, error: outcome.error, executor };
    this.finish(s, analysis, version);
  }

  /**
   * The running analysis holds its parse (its lint comes next): a slow parse's own findings
   * are published, then hover and completion of this version are answered from it.
   */
  private parsed(s: DocState, notice: ParsedNotice): void {
    const running = s.running;
    if (this.docs.get(s.uri) !== s || !running || running.version !== notice.version) return;
    running.parsing = false;
    s.held = { version: notice.version, executor: running.executor };
    if (this.host.versionOf(s.uri) !== notice.version) return;
    running.parsed = true;
    if (notice.early) {
      this.stats.earlyPublished++;
      this.host.publish({ uri: s.uri, version: notice.version, language: running.language, findings: notice.early.findings, omitted: notice.early.omitted, executor: running.executor });
    }
    const ready = s.waiters.filter((w) => w.parseOnly && w.version === notice.version);
    s.waiters = s.waiters.filter((w) => !(w.parseOnly && w.version === notice.version));
    const parsed = this.parsedDocument(s);
    for (const w of ready) w.resolve(parsed);
  }

  /** A long parse's findings so far: published while it goes on (the full list replaces them). */
  private partial(s: DocState, notice: ParsedNotice): void {
    const running = s.running;
    if (this.docs.get(s.uri) !== s || !running || running.version !== notice.version || running.parsed || !notice.early) return;
    if (this.host.versionOf(s.uri) !== notice.version) return;
    this.stats.partialPublished++;
    this.host.publish({ uri: s.uri, version: notice.version, language: running.language, findings: notice.early.findings, omitted: notice.early.omitted, executor: running.executor });
  }

  private finish(s: DocState, analysis: Analysis, version: number): void {
    s.analysis = analysis;
    s.changeLog = s.changeLog.filter((e) => e.version > version);
    if (this.host.versionOf(s.uri) !== version) {
      // Finished, but the document moved on: publish nothing; the newer version is queued.
      s.dirty = true;
      if (!s.timer) this.schedule(s.uri, 0);
      return;
    }
    this.stats.published++;
    this.host.publish(analysis);
    const ready = s.waiters.filter((w) => w.version === version);
    s.waiters = s.waiters.filter((w) => w.version !== version);
    for (const w of ready) w.resolve(analysis);
    if (s.dirty && !s.timer) this.schedule(s.uri, 0);
  }
}
