// resolv.conf as the resolvers read it: split on '\n' only (a '\r' stays part of the line,
// as it does for glibc), each line kept raw so glibc's and musl's readers (config.ts) can
// apply their own matching. Words are split on spaces and tabs, with exact ranges.

import type { Range } from '../core/finding';
import { LineIndex } from '../core/text';

export interface Word {
  text: string;
  /** Offset of the first character in the document. */
  offset: number;
  /** Editor range, without a trailing '\r'. */
  range: Range;
}

export type LineKind = 'blank' | 'comment' | 'keyword' | 'other';

export interface ResolvLine {
  /** Editor line (0-based) where this line starts. */
  line: number;
  /** Offset of the line's first character. */
  offset: number;
  /** The line without its '\n' (a CRLF line keeps its '\r'). */
  raw: string;
  hasNewline: boolean;
  /**
   * blank: only spaces/tabs; comment: '#' or ';' in column 0 (anything else is not a
   * comment for glibc); keyword: a first word at column 0 followed by a space or tab;
   * other: everything else (indented, no separator, keyword alone on its line).
   */
  kind: LineKind;
  /** The first word (after any indentation), for keyword and other lines. */
  keyword: Word;
  /** The words after the keyword. */
  values: Word[];
}

export interface ResolvConfAst {
  text: string;
  index: LineIndex;
  lines: ResolvLine[];
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function parseResolvConf(text: string): ResolvConfAst {
  const index = new LineIndex(text);
  const lines: ResolvLine[] = [];
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    lines.push(readLine(text, index, offset, end, nl >= 0));
    offset = end + 1;
  }
  return { text, index, lines };
}

function readLine(text: string, index: LineIndex, start: number, end: number, hasNewline: boolean): ResolvLine {
  const raw = text.slice(start, end);
  const words = splitWords(raw, start, index);
  const line = index.positionAt(start).line;
  const first = raw.charCodeAt(0);
  let kind: LineKind;
  if (first === 35 /* # */ || first === 59 /* ; */) kind = 'comment';
  else if (words.length === 0 || (words.length === 1 && words[0].text === '\r')) kind = 'blank';
  else if (words[0].offset === start && (raw[words[0].text.length] === ' ' || raw[words[0].text.length] === '\t')) kind = 'keyword';
  else kind = 'other';
  const keyword = words[0] ?? { text: '', offset: start, range: index.rangeOf(start, start) };
  return { line, offset: start, raw, hasNewline, kind, keyword, values: words.slice(1) };
}

/** Words separated by spaces and tabs (glibc's separators; '\r' stays inside a word). */
export function splitWords(raw: string, base: number, index: LineIndex): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
    if (i >= raw.length) break;
    const s = i;
    while (i < raw.length && raw[i] !== ' ' && raw[i] !== '\t') i++;
    words.push(makeWord(raw.slice(s, i), base + s, index));
  }
  return words;
}

export function makeWord(textOfWord: string, offset: number, index: LineIndex): Word {
  const visible = textOfWord.endsWith('\r') ? textOfWord.length - 1 : textOfWord.length;
  return { text: textOfWord, offset, range: index.rangeOf(offset, offset + visible) };
}

/** The range of characters [from, to) of a line. */
export function lineSpan(ast: ResolvConfAst, l: ResolvLine, from: number, to: number): Range {
  return ast.index.rangeOf(l.offset + from, l.offset + Math.min(to, l.raw.replace(/\r$/, '').length));
}

export function wholeLine(ast: ResolvConfAst, l: ResolvLine): Range {
  return lineSpan(ast, l, 0, l.raw.length);
}

export { EMPTY_RANGE };
