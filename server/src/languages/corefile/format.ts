// Canonical indentation for a Corefile: four spaces per open brace, trailing blanks removed.
// Only whitespace outside quoted strings changes, and CoreDNS's reading depends only on the
// tokens and the lines they are on, so formatting never changes meaning (tested by
// comparing the token streams before and after).

import type { TextEdit } from '../../core/finding';
import { LineIndex } from '../../core/text';
import { lexCorefile } from './lexer';

const INDENT = '    ';

export function formatCorefile(text: string): TextEdit[] {
  const index = new LineIndex(text);
  const tokens = lexCorefile(text);
  const lineCount = index.lineCount;
  // Lines that start or end inside a multi-line quoted token are left exactly as they are.
  const insideQuoteAtStart = new Uint8Array(lineCount);
  const insideQuoteAtEnd = new Uint8Array(lineCount);
  for (const t of tokens) {
    if (t.endLine > t.line) {
      for (let l = t.line + 1; l <= t.endLine; l++) insideQuoteAtStart[l] = 1;
      for (let l = t.line; l < t.endLine; l++) insideQuoteAtEnd[l] = 1;
    }
  }
  const edits: TextEdit[] = [];
  let depth = 0;
  let k = 0;
  for (let line = 0; line < lineCount; line++) {
    const lineTokens: string[] = [];
    while (k < tokens.length && tokens[k].line < line) k++;
    for (let j = k; j < tokens.length && tokens[j].line === line; j++) lineTokens.push(tokens[j].text);
    const content = index.lineText(line);
    if (!insideQuoteAtStart[line]) {
      const leading = content.length - content.trimStart().length;
      const levels = Math.max(0, lineTokens[0] === '}' ? depth - 1 : depth);
      const wanted = content.trim() === '' ? '' : INDENT.repeat(levels);
      if (content.slice(0, leading) !== wanted) edits.push({ range: { start: { line, character: 0 }, end: { line, character: leading } }, newText: wanted });
    }
    if (!insideQuoteAtEnd[line] && content.trim() !== '') {
      const trailing = content.length - content.trimEnd().length;
      if (trailing) edits.push({ range: { start: { line, character: content.length - trailing }, end: { line, character: content.length } }, newText: '' });
    }
    for (const t of lineTokens) depth += t === '{' ? 1 : t === '}' ? -1 : 0;
    if (depth < 0) depth = 0;
  }
  return edits;
}
