// Completion: keywords at the start of a line, options after `options`, each with its
// range (the word being typed) and, for options, the caps glibc and musl apply.

import type { Position } from '../../core/finding';
import type { CompletionEntry } from '../../core/languageService';
import { lineAt } from './hover';
import { FLAG_OPTIONS, KEYWORDS, type Libc, VALUE_OPTIONS } from '../../resolver/options';
import type { ResolvConfAst } from '../../resolver/parser';

export function completeResolvConf(ast: ResolvConfAst, position: Position, libc: Libc): CompletionEntry[] {
  const l = lineAt(ast, position.line);
  const lineText = l ? l.raw.replace(/\r$/, '') : '';
  const before = lineText.slice(0, position.character);
  if (before.startsWith('#') || before.startsWith(';')) return [];
  const wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  let wordEnd = position.character;
  while (wordEnd < lineText.length && lineText[wordEnd] !== ' ' && lineText[wordEnd] !== '\t') wordEnd++;
  const range = { start: { line: position.line, character: wordStart }, end: { line: position.line, character: wordEnd } };
  if (wordStart === 0) {
    // Keywords count only in column 0: nothing to offer on an indented line.
    return KEYWORDS.map((k, i) => ({
      label: k.name,
      kind: 'keyword',
      detail: k.syntax,
      documentation: k.summary,
      insertText: `${k.name} `,
      range,
      sortText: String(i),
    }));
  }
  if (!/^options[ \t]/.test(lineText)) return [];
  const typed = before.slice(wordStart);
  if (typed.includes(':')) return [];
  const entries: CompletionEntry[] = VALUE_OPTIONS.map((o, i) => ({
    label: `${o.name}:`,
    kind: 'property',
    detail: `default ${o.default}, cap ${o.caps.glibc} (glibc) / ${o.caps.musl} (musl)`,
    documentation: `${o.summary}\n\nValues above the cap are silently lowered to it.`,
    insertText: `${o.name}:\${1:${o.default}}`,
    isSnippet: true,
    range,
    sortText: `0${i}`,
  }));
  FLAG_OPTIONS.forEach((f, i) => {
    if (f.deprecated || f.spelling === 'no_tld_query') return;
    entries.push({
      label: f.spelling,
      kind: 'enum',
      detail: libc === 'musl' ? 'ignored by musl' : f.since ? `glibc ${f.since}+` : 'glibc',
      documentation: f.summary + (libc === 'musl' ? '\n\nmusl reads only ndots, timeout and attempts: this option does nothing there.' : ''),
      range,
      sortText: `${libc === 'musl' ? 2 : 1}${String(i).padStart(2, '0')}`,
    });
  });
  return entries;
}
