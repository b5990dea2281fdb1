// What every parser and rule set must do with any document: never throw (an
// internal-error finding counts as a throw), finish in bounded time, give every finding,
// fix edit and related location a range inside the document with start <= end BEFORE
// finalizeFindings clamps it, and give the same answer twice.

import type { Finding, Range } from '../../server/src/core/finding';
import type { AnalysisContext } from '../../server/src/core/languageService';
import type { LanguageId } from '../../server/src/core/rules';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import { LANGUAGES } from '../../server/src/languages';

const URIS: Record<LanguageId, string> = {
  corefile: 'file:///fuzz/Corefile',
  resolvconf: 'file:///fuzz/resolv.conf',
  zone: 'file:///fuzz/example.com.zone',
  k8s: 'file:///fuzz/manifest.yaml',
};

export interface CaseResult {
  ms: number;
  exception?: string;
  outOfRange: string[];
  nondeterministic: boolean;
}

/** Why a range is not a range of this document, or undefined when it is one. */
export function rangeProblem(r: Range, index: LineIndex): string | undefined {
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineEnd(p.line) - index.lineStarts[p.line];
  if (!inside(r.start)) return `start ${r.start.line}:${r.start.character} outside the document`;
  if (!inside(r.end)) return `end ${r.end.line}:${r.end.character} outside the document`;
  if (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character)) return `end ${r.end.line}:${r.end.character} before start ${r.start.line}:${r.start.character}`;
  return undefined;
}

function findingProblems(findings: Finding[], index: LineIndex): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (f.uri) continue; // a finding in an included file has that file's positions
    const check = (r: Range, what: string) => {
      const p = rangeProblem(r, index);
      if (p) out.push(`${f.ruleId} ${what}: ${p}`);
    };
    check(f.range, 'range');
    for (const fix of f.fixes ?? []) for (const e of fix.edits) check(e.range, `fix "${fix.title}" edit`);
    for (const rel of f.related ?? []) if (!rel.uri) check(rel.range, 'related location');
  }
  return out;
}

async function analyze(language: LanguageId, text: string): Promise<Finding[]> {
  const service = LANGUAGES[language];
  const ctx: AnalysisContext = { uri: URIS[language], settings: DEFAULT_SETTINGS };
  const parsed = service.parse(text, ctx);
  return service.lint(parsed, ctx);
}

export async function checkCase(language: LanguageId, text: string, repeat = true): Promise<CaseResult> {
  const started = performance.now();
  let findings: Finding[];
  try {
    findings = await analyze(language, text);
  } catch (e) {
    return { ms: performance.now() - started, exception: e instanceof Error ? `${e.name}: ${e.message}` : String(e), outOfRange: [], nondeterministic: false };
  }
  const ms = performance.now() - started;
  const internal = findings.find((f) => f.ruleId.endsWith('/internal-error'));
  const outOfRange = findingProblems(findings, new LineIndex(text));
  let nondeterministic = false;
  if (repeat) nondeterministic = JSON.stringify(await analyze(language, text)) !== JSON.stringify(findings);
  return { ms, exception: internal?.message, outOfRange, nondeterministic };
}
