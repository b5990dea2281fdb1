// What the client can use from a huge file: a bounded number of diagnostics (the rest
// counted), of code lenses (with one summary lens), of outline symbols (with a note) and of
// inlay hints. A 100,000-record zone otherwise sends tens of megabytes of JSON that the
// editor spends its own CPU on before it shows anything.

import { compareFindings, type Finding, type Severity } from '../core/finding';
import type { CodeLensEntry, OutlineSymbol } from '../core/languageService';

export const MAX_CODE_LENSES = 500;
export const MAX_SYMBOLS = 5000;
export const MAX_INLAY_HINTS = 2000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most `max` findings of the document itself, the most severe first (then in document
 * order), plus at most `max` for other files ($INCLUDEd zones); `omitted` counts the rest.
 */
export function capFindings(findings: Finding[], uri: string, max: number): { kept: Finding[]; omitted: number } {
  const own = findings.filter((f) => !f.uri || f.uri === uri);
  const other = findings.filter((f) => f.uri && f.uri !== uri);
  if (own.length <= max && other.length <= max) return { kept: findings, omitted: 0 };
  const pick = (list: Finding[]) =>
    list.length <= max ? list : [...list].sort((a, b) => RANK[a.severity ?? 'error'] - RANK[b.severity ?? 'error'] || compareFindings(a, b)).slice(0, max);
  const keptOwn = pick(own);
  const keptOther = pick(other);
  return { kept: [...keptOwn, ...keptOther].sort(compareFindings), omitted: own.length - keptOwn.length + (other.length - keptOther.length) };
}

export function capLenses(lenses: CodeLensEntry[], max = MAX_CODE_LENSES): CodeLensEntry[] {
  if (lenses.length <= max) return lenses;
  const first = lenses[0].range;
  const summary: CodeLensEntry = {
    range: { start: first.start, end: first.start },
    title: `Infra Lens: ${(lenses.length - max).toLocaleString('en-US')} more code lenses not shown in this large file`,
  };
  return [summary, ...lenses.slice(0, max)];
}

/** The outline, depth first, up to `max` symbols; a last note says how many were left out. */
export function capSymbols(symbols: OutlineSymbol[], max = MAX_SYMBOLS): OutlineSymbol[] {
  let budget = max;
  let omitted = 0;
  let firstOmitted: OutlineSymbol | undefined;
  const count = (s: OutlineSymbol): number => 1 + (s.children ?? []).reduce((n, c) => n + count(c), 0);
  const take = (list: OutlineSymbol[]): OutlineSymbol[] => {
    const out: OutlineSymbol[] = [];
    for (const s of list) {
      if (budget <= 0) {
        omitted += count(s);
        firstOmitted ??= s;
        continue;
      }
      budget--;
      out.push(s.children ? { ...s, children: take(s.children) } : s);
    }
    return out;
  };
  const kept = take(symbols);
  if (omitted === 0 || !firstOmitted) return symbols;
  kept.push({
    name: `… ${omitted.toLocaleString('en-US')} more not shown`,
    detail: `outline capped at ${max.toLocaleString('en-US')} symbols for this large file`,
    kind: 'string',
    range: firstOmitted.range,
    selectionRange: firstOmitted.selectionRange,
  });
  return kept;
}
