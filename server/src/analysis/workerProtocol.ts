// Messages between the server and its analysis worker (structured clones).

import type { AnalysisJob, FeatureRequest, ParsedNotice } from './engine';

export type ToWorker =
  | { type: 'analyze'; id: number; slot: number; job: AnalysisJob }
  | { type: 'feature'; id: number; request: FeatureRequest }
  /** The feature request `id` was cancelled ($/cancelRequest): drop it if not begun. */
  | { type: 'drop'; id: number }
  /** Lint the job now: the features that waited for its parse were posted before this. */
  | { type: 'lint'; id: number }
  | { type: 'close'; uri: string };

export type FromWorker =
  | { type: 'result'; id: number; value: unknown }
  /** The job's parse is held; the worker waits for 'lint' before it lints. */
  | { type: 'parsed'; id: number; notice: ParsedNotice }
  /** The findings the job's parse has made so far (publish them; the parse goes on). */
  | { type: 'partial'; id: number; notice: ParsedNotice }
  | { type: 'log'; message: string };

/** Job slots in the shared cancellation array; more jobs than this are never in flight. */
export const CANCEL_SLOTS = 1024;
