// The analysis of open documents, without LSP: one parse + lint per document version (kept
// with the previous parse so the next version can be re-parsed incrementally), and every
// feature (hover, completion, outline, lenses, hints, formatting) answered from that same
// parse. Runs on the server's main thread for small documents and inside the analysis
// worker (worker.ts) for big ones; imports only core/ and languages/ so it can run in both.

import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { includeDirListerFor, includeReaderFor } from '../core/includeReader';
import type { Finding } from '../core/finding';
import { AnalysisCancelled, type AnalysisContext, type LanguageService, type TextChange } from '../core/languageService';
import { internalErrorFinding } from '../core/internalError';
import { finalizeFindings } from '../core/lint';
import type { LanguageId } from '../core/rules';
import type { Settings } from '../core/settings';
import { LANGUAGES } from '../languages';
import { capFindings, capLenses, capSymbols, MAX_INLAY_HINTS } from './caps';

/** One analysis request: the text of `version` and the edits since `baseVersion`, per version. */
export interface AnalysisJob {
  uri: string;
  version: number;
  language: LanguageId;
  text: string;
  /** The version `changeLog` starts from (the newest finished analysis); undefined: parse from scratch. */
  baseVersion?: number;
  /** The edits of each version after baseVersion, in order; `changes` undefined: replaced wholesale. */
  changeLog?: Array<{ version: number; changes: TextChange[] | undefined }>;
  settings: Settings;
  /** Includes ($INCLUDE, Corefile import) may be read from disk (trusted, file: URI). */
  mayReadFiles: boolean;
  /** Where includes may be read from (core/includePolicy.ts), with settings.includePaths. */
  includeRoots?: string[];
  /** The other open documents, for cross-document rules (Kubernetes). */
  workspaceDocuments?: Array<{ uri: string; text: string }>;
  /**
   * A parse that took at least this long sends its own findings (syntax errors) before the
   * lint runs, so a huge document shows its first problems sooner. Undefined: never.
   */
  earlyFindingsAfterMs?: number;
  /**
   * A parse from scratch still running after this many ms publishes the findings it has
   * made so far, once (the first problems of a 100,000-record zone, before its parse ends).
   * Undefined: never.
   */
  partialFindingsAfterMs?: number;
}

/** The parse of a version is held (features can be answered from it) before its lint runs. */
export interface ParsedNotice {
  version: number;
  /** The parser's findings (finalized, capped) when the parse was slow: publish them now. */
  early?: { findings: Finding[]; omitted: number };
}

export type AnalysisOutcome =
  | { kind: 'done'; version: number; findings: Finding[]; omitted: number; incremental: boolean; ms: number; error?: string }
  /** `held`: the version's parse was completed and is kept (the next version re-parses from it). */
  | { kind: 'cancelled'; version: number; held?: boolean };

export type FeatureName = 'hover' | 'complete' | 'symbols' | 'codeLenses' | 'inlayHints' | 'format';

export interface FeatureRequest {
  uri: string;
  version: number;
  feature: FeatureName;
  /** A position (hover, complete) or a range (inlayHints). */
  params?: unknown;
  /** The other open documents now (a hover on a Service names the pods it selects). */
  workspaceDocuments?: Array<{ uri: string; text: string }>;
}

interface DocumentAnalysis {
  version: number;
  language: LanguageId;
  text: string;
  parsed: unknown;
  job: AnalysisJob;
  /** The outline and lenses of this version, computed once: VS Code asks for them repeatedly (breadcrumbs, sticky scroll, outline). */
  memo?: Map<FeatureName, unknown>;
}

/** Features that depend on the parse alone (no position, no other documents) and can be kept per version. */
const MEMOIZED = new Set<FeatureName>(['symbols', 'codeLenses']);

export class AnalysisEngine {
  private readonly documents = new Map<string, DocumentAnalysis>();

  constructor(private readonly log: (message: string) => void = () => {}) {}

  get size(): number {
    return this.documents.size;
  }

  /**
   * Parses (or re-parses) and lints one version; stops between chunks once cancelled.
   * `onParsed` is awaited between the parse and the lint: features of this version can be
   * answered meanwhile (the worker answers hovers there before it lints).
   */
  /** `onPartial`: the findings a long parse has made so far (see partialFindingsAfterMs). */
  async analyze(job: AnalysisJob, isCancelled: () => boolean, onParsed?: (notice: ParsedNotice) => void | Promise<void>, onPartial?: (notice: ParsedNotice) => void): Promise<AnalysisOutcome> {
    const started = performance.now();
    const service = LANGUAGES[job.language];
    const ctx = contextFor(job, isCancelled);
    const previous = this.documents.get(job.uri);
    let parsed: unknown;
    let incremental = false;
    try {
      if (isCancelled()) throw new AnalysisCancelled();
      const changes = previous && previous.language === job.language ? changesSince(previous.version, job) : undefined;
      if (service.reparse && previous && changes) {
        // reparse may take the previous parse apart (k8s moves its documents), so it is
        // forgotten first: a cancelled or failed reparse leaves a parse from scratch next.
        this.documents.delete(job.uri);
        parsed = service.reparse(previous.parsed, job.text, changes, ctx);
        incremental = true;
      } else {
        // A parse from scratch runs to its end even when a newer edit comes: stopped, the
        // next version would have to read the whole file again; finished, it re-parses
        // from this one in milliseconds. (Its lint is still cancelled.)
        const whole: AnalysisContext = { ...ctx, isCancelled: undefined, onPartialFindings: onPartial && partialOffer(job, service as LanguageService, started, onPartial) };
        parsed = service.parse(job.text, whole);
      }
      const parseMs = performance.now() - started;
      // A reparse that saw the cancellation stopped early: its tree is incomplete.
      if (incremental && isCancelled()) throw new AnalysisCancelled();
      // A complete parse is kept even if the lint is cancelled: the next version re-parses
      // from it instead of from scratch.
      this.documents.set(job.uri, { version: job.version, language: job.language, text: job.text, parsed, job: { ...job, text: '', workspaceDocuments: undefined, changeLog: undefined } });
      if (isCancelled()) throw new AnalysisCancelled();
      if (onParsed) {
        const slow = job.earlyFindingsAfterMs !== undefined && parseMs >= job.earlyFindingsAfterMs && service.parseFindings;
        const early = slow ? capFindings(finalizeFindings(service.parseFindings!(parsed), job.text, service as LanguageService, job.settings), job.uri, job.settings.maxDiagnostics) : undefined;
        await onParsed({ version: job.version, early: early && { findings: early.kept, omitted: early.omitted } });
        if (isCancelled()) throw new AnalysisCancelled();
      }
      const raw = await service.lint(parsed, ctx);
      if (isCancelled()) throw new AnalysisCancelled();
      const all = finalizeFindings(raw, job.text, service as LanguageService, job.settings);
      const { kept, omitted } = capFindings(all, job.uri, job.settings.maxDiagnostics);
      return { kind: 'done', version: job.version, findings: kept, omitted, incremental, ms: performance.now() - started };
    } catch (e) {
      if (e instanceof AnalysisCancelled) return this.documents.get(job.uri)?.version === job.version ? { kind: 'cancelled', version: job.version, held: true } : { kind: 'cancelled', version: job.version };
      // A bug in a rule must not take the server down: say so, keep the parse for features.
      this.log(`Linting ${job.uri} failed: ${(e as Error).stack ?? e}`);
      if (parsed !== undefined) this.documents.set(job.uri, { version: job.version, language: job.language, text: job.text, parsed, job: { ...job, text: '', workspaceDocuments: undefined, changeLog: undefined } });
      else this.documents.delete(job.uri);
      // Never zero diagnostics because of one bug: an internal-error finding says what failed.
      const internal = finalizeFindings([internalErrorFinding(job.language, `the ${job.language} ${parsed === undefined ? 'parser' : 'rules'}`, e)], job.text, service as LanguageService, job.settings);
      return { kind: 'done', version: job.version, findings: internal, omitted: 0, incremental, ms: performance.now() - started, error: (e as Error).message };
    }
  }

  /** A feature's answer from the analysis of `version`; undefined when that is not the one held. */
  feature(request: FeatureRequest): unknown {
    const a = this.documents.get(request.uri);
    if (!a || a.version !== request.version) return undefined;
    const ctx = contextFor({ ...a.job, text: a.text, workspaceDocuments: request.workspaceDocuments }, () => false);
    const p = request.params as never;
    const memoizable = MEMOIZED.has(request.feature) && request.params === undefined && request.workspaceDocuments === undefined;
    if (memoizable && a.memo?.has(request.feature)) return a.memo.get(request.feature);
    const value = this.compute(a, request.feature, p, ctx);
    if (memoizable) (a.memo ??= new Map()).set(request.feature, value);
    return value;
  }

  private compute(a: DocumentAnalysis, feature: FeatureName, p: never, ctx: AnalysisContext): unknown {
    const service = LANGUAGES[a.language];
    switch (feature) {
      case 'hover':
        return service.hover?.(a.parsed, p, ctx);
      case 'complete':
        return service.complete?.(a.parsed, p, ctx) ?? [];
      case 'symbols':
        return capSymbols(service.symbols?.(a.parsed, ctx) ?? []);
      case 'codeLenses':
        return capLenses(service.codeLenses?.(a.parsed, ctx) ?? [], p);
      case 'inlayHints':
        return (service.inlayHints?.(a.parsed, p, ctx) ?? []).slice(0, MAX_INLAY_HINTS);
      case 'format':
        return service.format?.(a.text, ctx) ?? [];
    }
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }
}

/**
 * The edits from the parse this engine holds (`heldVersion`) to job.version, or undefined
 * when they are not known exactly (then parse from scratch). The held parse may be newer
 * than the job's base: a cancelled lint keeps its complete parse.
 */
export function changesSince(heldVersion: number, job: Pick<AnalysisJob, 'baseVersion' | 'changeLog'>): TextChange[] | undefined {
  if (job.baseVersion === undefined || !job.changeLog) return undefined;
  let log = job.changeLog;
  for (let i = 1; i < log.length; i++) if (log[i].version <= log[i - 1].version) return undefined;
  if (heldVersion !== job.baseVersion) {
    const at = log.findIndex((e) => e.version === heldVersion);
    if (at < 0) return undefined;
    log = log.slice(at + 1);
  }
  if (!log.every((e) => e.changes)) return undefined;
  return log.flatMap((e) => e.changes!);
}

/** Takes the first offer of a parse past job.partialFindingsAfterMs that has findings; ignores the rest. */
function partialOffer(job: AnalysisJob, service: LanguageService, started: number, onPartial: (notice: ParsedNotice) => void): AnalysisContext['onPartialFindings'] {
  const after = job.partialFindingsAfterMs;
  if (after === undefined) return undefined;
  let done = false;
  return (take) => {
    if (done || performance.now() - started < after) return;
    const found = take();
    if (found.length === 0) return;
    done = true;
    const early = capFindings(finalizeFindings(found, job.text, service, job.settings), job.uri, job.settings.maxDiagnostics);
    onPartial({ version: job.version, early: { findings: early.kept, omitted: early.omitted } });
  };
}

function contextFor(job: AnalysisJob, isCancelled: () => boolean): AnalysisContext {
  const others = job.workspaceDocuments;
  return {
    uri: job.uri,
    settings: job.settings,
    realPath: job.mayReadFiles ? (p: string) => fs.realpathSync(p) : undefined,
    readFile: job.mayReadFiles ? includeReaderFor(uriPath(job.uri), job.language, [...(job.includeRoots ?? []), ...job.settings.includePaths]) : undefined,
    listDir: job.mayReadFiles ? includeDirListerFor(uriPath(job.uri), [...(job.includeRoots ?? []), ...job.settings.includePaths]) : undefined,
    workspaceDocuments: others ? () => others : undefined,
    isCancelled,
  };
}

function uriPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
