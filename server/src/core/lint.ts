// Runs one language over one document: rule findings -> user severities -> suppressions ->
// ranges clamped into the document -> sorted. Shared by the LSP server and the CLI.

import { compareFindings, type Finding, type Severity } from './finding';
import type { AnalysisContext, LanguageService } from './languageService';
import { internalErrorFinding } from './internalError';
import { getRule } from './rules';
import type { Settings } from './settings';
import { applySuppressions } from './suppression';
import { LineIndex } from './text';

/** The severity a finding is shown with, or undefined when the user turned its rule off. */
export function effectiveSeverity(finding: Finding, settings: Settings): Severity | undefined {
  const configured = settings.rules[finding.ruleId];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  return finding.severity ?? getRule(finding.ruleId)?.defaultSeverity ?? 'error';
}

export function finalizeFindings(raw: Finding[], text: string, service: LanguageService, settings: Settings): Finding[] {
  // Nothing to place: skip indexing the lines (a clean 1M-line zone).
  if (raw.length === 0) return [];
  const index = new LineIndex(text);
  const out: Finding[] = [];
  for (const f of applySuppressions(raw, index, service.commentPrefixes)) {
    const severity = effectiveSeverity(f, settings);
    if (!severity) continue;
    out.push({ ...f, severity, range: f.uri ? f.range : index.clampRange(f.range) });
  }
  return out.sort(compareFindings);
}

export interface LintResult<P = unknown> {
  parsed: P;
  findings: Finding[];
}

/**
 * Parse + rules + finalize. A parser or rule that throws (a bug) is contained: it becomes a
 * "<language>/internal-error" finding and the rest of the result is still returned, so one
 * bug never leaves the editor with zero diagnostics. Languages contain each of their checks
 * with runContained (core/internalError.ts); this is the last line of defence.
 */
export async function lintText<P>(service: LanguageService<P>, text: string, ctx: AnalysisContext): Promise<LintResult<P>> {
  let parsed: P;
  try {
    parsed = service.parse(text, ctx);
  } catch (error) {
    // Hover, symbols and the rest still need a tree: the empty document's.
    parsed = service.parse('', { ...ctx, readFile: undefined });
    return { parsed, findings: finalizeFindings([internalErrorFinding(service.id, `the ${service.id} parser`, error)], text, service as LanguageService, ctx.settings) };
  }
  let raw: Finding[];
  try {
    raw = await service.lint(parsed, ctx);
  } catch (error) {
    raw = [internalErrorFinding(service.id, `the ${service.id} rules`, error)];
  }
  return { parsed, findings: finalizeFindings(raw, text, service as LanguageService, ctx.settings) };
}
