// Code actions as data: for each finding its fixes, "Disable <rule> for this line / file"
// and "Show documentation for <rule>"; and the one source action that applies every safe
// fix at once (`source.fixAll.infraLens`, what `editor.codeActionsOnSave` runs).
// Pure: server.ts turns these into LSP CodeActions; nothing here knows the protocol.

import { comparePositions, type Finding, type Fix, type Range, type TextEdit } from './finding';
import { LineIndex } from './text';

/** The source action kind VS Code's `editor.codeActionsOnSave` asks for by name. */
export const FIX_ALL_KIND = 'source.fixAll.infraLens';
/** Client command that opens a rule's page rendered (markdown preview), never as a file. */
export const SHOW_RULE_DOC_COMMAND = 'infraLens.showRuleDoc';

export interface PlannedAction {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  /** The finding the action answers (absent for fix-all). */
  finding?: Finding;
  edits?: TextEdit[];
  command?: { title: string; command: string; arguments: unknown[] };
  preferred?: boolean;
}

/**
 * A fix is safe to apply without a person looking at it when the rule marked it preferred
 * (it is the one correct text) and it edits only the finding's own document.
 */
export function isSafeFix(finding: Finding, fix: Fix): boolean {
  return fix.preferred === true && finding.uri === undefined && fix.edits.length > 0;
}

function rangesOverlap(a: Range, b: Range): boolean {
  // Touching ranges (a.end == b.start) do not overlap, unless both are the same insertion point.
  if (comparePositions(a.end, b.start) < 0 || comparePositions(b.end, a.start) < 0) return false;
  if (comparePositions(a.end, b.start) === 0 && comparePositions(a.start, a.end) !== 0) return false;
  if (comparePositions(b.end, a.start) === 0 && comparePositions(b.start, b.end) !== 0) return false;
  return true;
}

/**
 * The edits of every finding's safe fix, skipping any fix whose edits would overlap an edit
 * already taken (the first finding in document order wins; a second run of fix-all gets the
 * rest). Sorted by position.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const ordered = [...findings].sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (const f of ordered) {
    const fix = f.fixes?.find((x) => isSafeFix(f, x));
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => rangesOverlap(e.range, t.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** Applies non-overlapping edits to a text (for tests and the CLI's `--fix`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const byOffset = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of byOffset) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const FILE_DIRECTIVE = /^(\s*)([#;]+)\s*infra-lens-disable-file\b(.*)$/;

/**
 * "Disable <rule> for this file": adds the id to an existing `infra-lens-disable-file` comment
 * in the first lines, or inserts one at the top.
 */
export function disableForFileEdit(text: string, ruleId: string, commentPrefix: string): TextEdit {
  const index = new LineIndex(text);
  for (let line = 0; line < Math.min(index.lineCount, 20); line++) {
    const lineText = index.lineText(line);
    const m = FILE_DIRECTIVE.exec(lineText);
    if (!m) continue;
    const ids = m[3].trim();
    // No ids means every rule is already off for the file: nothing to add.
    if (ids === '' || ids.split(/[\s,]+/).includes(ruleId)) continue;
    const end = lineText.replace(/\s+$/, '').length;
    return { range: { start: { line, character: end }, end: { line, character: end } }, newText: `, ${ruleId}` };
  }
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${commentPrefix} infra-lens-disable-file ${ruleId}\n` };
}

/** "Disable <rule> for this line": a comment line above the finding, indented like it. */
export function disableForLineEdit(text: string, finding: Finding, commentPrefix: string): TextEdit {
  const index = new LineIndex(text);
  const line = Math.min(finding.range.start.line, index.lineCount - 1);
  const indent = /^[ \t]*/.exec(index.lineText(line))![0];
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${commentPrefix} infra-lens-disable-next-line ${finding.ruleId}\n` };
}

/**
 * Quick fixes for one finding, in menu order: its own fixes (the preferred one flagged), then
 * disable for this line, disable for this file, show the rule's documentation.
 */
export function quickFixesFor(finding: Finding, text: string, commentPrefix: string): PlannedAction[] {
  const actions: PlannedAction[] = [];
  if (finding.uri === undefined) {
    for (const fix of finding.fixes ?? []) {
      const command = fix.command ? { title: fix.title, command: fix.command.command, arguments: fix.command.arguments ?? [] } : undefined;
      actions.push({ title: fix.title, kind: 'quickfix', finding, edits: fix.edits.length ? fix.edits : undefined, command, preferred: fix.preferred === true });
    }
    // An embedded region's finding brings its own comments (in the region's language), or none.
    const line = finding.suppress ? finding.suppress.line : disableForLineEdit(text, finding, commentPrefix);
    const file = finding.suppress ? finding.suppress.file : disableForFileEdit(text, finding.ruleId, commentPrefix);
    if (line) actions.push({ title: `Disable ${finding.ruleId} for this line`, kind: 'quickfix', finding, edits: [line] });
    if (file) actions.push({ title: `Disable ${finding.ruleId} for this file`, kind: 'quickfix', finding, edits: [file] });
  }
  actions.push({
    title: `Show documentation for ${finding.ruleId}`,
    kind: 'quickfix',
    finding,
    command: { title: `Show documentation for ${finding.ruleId}`, command: SHOW_RULE_DOC_COMMAND, arguments: [finding.ruleId] },
  });
  return actions;
}

/** The fix-all source action, or undefined when no finding has a safe fix. */
export function fixAllAction(findings: readonly Finding[]): PlannedAction | undefined {
  const edits = fixAllEdits(findings);
  if (edits.length === 0) return undefined;
  return { title: `Fix all auto-fixable Infra Lens problems (${edits.length} edit${edits.length === 1 ? '' : 's'})`, kind: FIX_ALL_KIND, edits };
}
