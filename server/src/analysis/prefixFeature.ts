// Hover and completion while a huge document's whole parse still runs in the worker: for a
// language whose meaning flows forward (LanguageService.prefixThrough), the text up to the
// entry under the cursor is parsed here and answers exactly as the whole parse would. Only
// a short prefix is parsed (the main thread must stay responsive); past it, the request
// waits for the whole parse as before.

import type { Position } from '../core/finding';
import type { AnalysisContext, CompletionEntry, HoverResult, LanguageService } from '../core/languageService';

/** About 8,000 records of a zone: a parse of some 20 ms. */
export const PREFIX_FEATURE_MAX_CHARS = 256_000;

export type PrefixFeature = 'hover' | 'complete';

/**
 * `{ value }`: the feature's answer from a prefix of `text` (value undefined: no hover there);
 * undefined when the language or the position allows no prefix.
 */
export function prefixFeatureAnswer(service: LanguageService, feature: PrefixFeature, text: string, position: Position, ctx: AnalysisContext): { value: HoverResult | CompletionEntry[] | undefined } | undefined {
  if (!service.prefixThrough || !(feature === 'hover' ? service.hover : service.complete)) return undefined;
  const prefix = service.prefixThrough(text, position.line, PREFIX_FEATURE_MAX_CHARS);
  if (prefix === undefined) return undefined;
  // Includes are never read here (prefixThrough refuses them), nor is anything cancelled.
  const quick: AnalysisContext = { uri: ctx.uri, settings: ctx.settings };
  const parsed = service.parse(prefix, quick);
  return { value: feature === 'hover' ? service.hover!(parsed, position, quick) : service.complete!(parsed, position, quick) };
}
