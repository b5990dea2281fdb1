// Messages between the server and its analysis worker (structured clones).

import type { AnalysisJob, FeatureRequest } from './engine';

export type ToWorker =
  | { type: 'analyze'; id: number; slot: number; job: AnalysisJob }
  | { type: 'feature'; id: number; request: FeatureRequest }
  | { type: 'close'; uri: string };

export type FromWorker = { type: 'result'; id: number; value: unknown } | { type: 'log'; message: string };

/** Job slots in the shared cancellation array; more jobs than this are never in flight. */
export const CANCEL_SLOTS = 1024;
