// Suppression comments, one syntax for every language (with its own comment character):
//   # infra-lens-disable-next-line corefile/unknown-directive, corefile/other
//   # infra-lens-disable-file zone/bad-ipv4
// Without rule ids they silence every rule. They must be whole-line comments.

import type { Finding } from './finding';
import type { LineIndex } from './text';

const DIRECTIVE = /^infra-lens-disable-(next-line|file)(?:\s+(.*))?$/;

interface Suppressions {
  /** line number -> rule ids (empty set = all rules) */
  lines: Map<number, Set<string>>;
  file: Set<string> | undefined;
  fileAll: boolean;
}

function parseIds(list: string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const id of (list ?? '').split(/[\s,]+/)) if (id) ids.add(id);
  return ids;
}

export function findSuppressions(index: LineIndex, commentPrefixes: string[]): Suppressions {
  const result: Suppressions = { lines: new Map(), file: undefined, fileAll: false };
  // Cheap pre-check: most documents have no directive at all.
  if (!index.text.includes('infra-lens-disable')) return result;
  for (let line = 0; line < index.lineCount; line++) {
    const text = index.lineText(line).trim();
    const prefix = commentPrefixes.find((p) => text.startsWith(p));
    if (!prefix) continue;
    const body = text.slice(prefix.length).replace(/^[#;\s]+/, '').trim();
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const ids = parseIds(m[2]);
    if (m[1] === 'file') {
      if (ids.size === 0) result.fileAll = true;
      else {
        result.file ??= new Set();
        for (const id of ids) result.file.add(id);
      }
    } else {
      const existing = result.lines.get(line + 1);
      if (existing && existing.size > 0 && ids.size > 0) for (const id of ids) existing.add(id);
      else if (!existing || ids.size === 0) result.lines.set(line + 1, ids);
    }
  }
  return result;
}

export function isSuppressed(finding: Finding, s: Suppressions): boolean {
  if (s.fileAll || s.file?.has(finding.ruleId)) return true;
  const ids = s.lines.get(finding.range.start.line);
  return ids !== undefined && (ids.size === 0 || ids.has(finding.ruleId));
}

export function applySuppressions(findings: Finding[], index: LineIndex, commentPrefixes: string[]): Finding[] {
  const s = findSuppressions(index, commentPrefixes);
  if (!s.fileAll && !s.file && s.lines.size === 0) return findings;
  return findings.filter((f) => f.uri !== undefined || !isSuppressed(f, s));
}
