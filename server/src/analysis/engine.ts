// The analysis of open documents, without LSP: one parse + lint per document version (kept
// with the previous parse so the next version can be re-parsed incrementally), and every
// feature (hover, completion, outline, lenses, hints, formatting) answered from that same
// parse. Runs on the server's main thread for small documents and inside the analysis
// worker (worker.ts) for big ones; imports only core/ and languages/ so it can run in both.

import * as fs from 'node:fs';
import type { Finding } from '../core/finding';
import type { AnalysisContext, LanguageService, TextChange } from '../core/languageService';
import { finalizeFindings } from '../core/lint';
import type { LanguageId } from '../core/rules';
import type { Settings } from '../core/settings';
import { LANGUAGES } from '../languages';
import { capFindings, capLenses, capSymbols, MAX_INLAY_HINTS } from './caps';

/** One analysis request: the text of `version` and the edits since `baseVersion`. */
export interface AnalysisJob {
  uri: string;
  version: number;
  language: LanguageId;
  text: string;
  /** The version `changes` start from; undefined: parse from scratch. */
  baseVersion?: number;
  changes?: TextChange[];
  settings: Settings;
  /** Includes ($INCLUDE, Corefile import) may be read from disk (trusted, file: URI). */
  mayReadFiles: boolean;
  /** The other open documents, for cross-document rules (Kubernetes). */
  workspaceDocuments?: Array<{ uri: string; text: string }>;
}

export type AnalysisOutcome =
  | { kind: 'done'; version: number; findings: Finding[]; omitted: number; incremental: boolean; ms: number; error?: string }
  | { kind: 'cancelled'; version: number };

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
}

class Cancelled extends Error {}

export class AnalysisEngine {
  private readonly documents = new Map<string, DocumentAnalysis>();

  constructor(private readonly log: (message: string) => void = () => {}) {}

  get size(): number {
    return this.documents.size;
  }

  /** Parses (or re-parses) and lints one version; stops between chunks once cancelled. */
  async analyze(job: AnalysisJob, isCancelled: () => boolean): Promise<AnalysisOutcome> {
    const started = performance.now();
    const service = LANGUAGES[job.language];
    const ctx = contextFor(job, isCancelled);
    const previous = this.documents.get(job.uri);
    let parsed: unknown;
    let incremental = false;
    try {
      if (isCancelled()) throw new Cancelled();
      if (service.reparse && previous && previous.language === job.language && job.changes && job.baseVersion === previous.version) {
        parsed = service.reparse(previous.parsed, job.text, job.changes, ctx);
        incremental = true;
      } else {
        parsed = service.parse(job.text, ctx);
      }
      // A parse that saw the cancellation stopped early: its tree is incomplete.
      if (isCancelled()) throw new Cancelled();
      const raw = await service.lint(parsed, ctx);
      if (isCancelled()) throw new Cancelled();
      const all = finalizeFindings(raw, job.text, service as LanguageService, job.settings);
      const { kept, omitted } = capFindings(all, job.uri, job.settings.maxDiagnostics);
      this.documents.set(job.uri, { version: job.version, language: job.language, text: job.text, parsed, job: { ...job, text: '', workspaceDocuments: undefined } });
      return { kind: 'done', version: job.version, findings: kept, omitted, incremental, ms: performance.now() - started };
    } catch (e) {
      if (e instanceof Cancelled) return { kind: 'cancelled', version: job.version };
      // A bug in a rule must not take the server down: say so, keep the parse for features.
      this.log(`Linting ${job.uri} failed: ${(e as Error).stack ?? e}`);
      if (parsed !== undefined) this.documents.set(job.uri, { version: job.version, language: job.language, text: job.text, parsed, job: { ...job, text: '', workspaceDocuments: undefined } });
      else this.documents.delete(job.uri);
      return { kind: 'done', version: job.version, findings: [], omitted: 0, incremental, ms: performance.now() - started, error: (e as Error).message };
    }
  }

  /** A feature's answer from the analysis of `version`; undefined when that is not the one held. */
  feature(request: FeatureRequest): unknown {
    const a = this.documents.get(request.uri);
    if (!a || a.version !== request.version) return undefined;
    const service = LANGUAGES[a.language];
    const ctx = contextFor({ ...a.job, text: a.text, workspaceDocuments: request.workspaceDocuments }, () => false);
    const p = request.params as never;
    switch (request.feature) {
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

function contextFor(job: AnalysisJob, isCancelled: () => boolean): AnalysisContext {
  const others = job.workspaceDocuments;
  return {
    uri: job.uri,
    settings: job.settings,
    readFile: job.mayReadFiles ? readFileIfPresent : undefined,
    workspaceDocuments: others ? () => others : undefined,
    isCancelled,
  };
}

function readFileIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
