// Decodes one YAML scalar's source into the text an application reads, keeping the offset
// map back to the source: block scalars (`|` `>` with chomping and indentation indicators),
// double-quoted (escapes, escaped line breaks), single-quoted ('' quotes) and plain scalars,
// with YAML's line folding. The caller checks the result against its YAML parser's value
// and drops a region whose text differs, so a mistake here never points at a wrong column.

import { OffsetMap, RegionBuilder } from './embeddedMap';

export type ScalarStyle = 'literal' | 'folded' | 'double' | 'single' | 'plain';

export interface DecodedScalar {
  text: string;
  map: OffsetMap;
  /** Block scalars: the column content lines start at (what an inserted line must be indented by). */
  contentIndent?: number;
  /** Folded block scalars: the host offsets of line breaks folded into spaces. */
  foldedBreaks?: Array<[number, number]>;
  /** Block scalars: offsets of the header indicator (`|`, `>-`, `|2`). */
  header?: [number, number];
}

interface Line {
  /** Offsets of the line's first character and of its line break (or the end). */
  start: number;
  end: number;
  /** Offset just past the line break. */
  next: number;
}

function splitLines(src: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let s = start;
  while (s < end) {
    let e = s;
    while (e < end && src[e] !== '\n' && src[e] !== '\r') e++;
    let next = e;
    if (src[next] === '\r') next++;
    if (src[next] === '\n') next++;
    lines.push({ start: s, end: e, next: Math.min(next, Math.max(end, e)) });
    s = next;
    if (next === e) break;
  }
  return lines;
}

/** `start`..`end` are the scalar's source offsets as the YAML parser reports them; `parentIndent` the column of its mapping key. */
export function decodeScalar(src: string, style: ScalarStyle, start: number, end: number, parentIndent: number): DecodedScalar | undefined {
  switch (style) {
    case 'literal':
    case 'folded':
      return decodeBlock(src, style, start, end, parentIndent);
    case 'double':
    case 'single':
      if (src[end - 1] !== (style === 'double' ? '"' : "'")) return undefined;
      return decodeFlow(src, style, start + 1, end - 1);
    case 'plain':
      return decodeFlow(src, 'plain', start, end);
  }
}

function decodeBlock(src: string, style: 'literal' | 'folded', start: number, end: number, parentIndent: number): DecodedScalar | undefined {
  let i = start + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let indicator = 0;
  for (let k = 0; k < 2; k++) {
    const c = src[i];
    if (c === '-' || c === '+') {
      chomp = c === '-' ? 'strip' : 'keep';
      i++;
    } else if (c >= '1' && c <= '9') {
      indicator = Number(c);
      i++;
    }
  }
  const header: [number, number] = [start, i];
  while (i < end && src[i] !== '\n' && src[i] !== '\r') i++;
  if (src[i] === '\r') i++;
  if (src[i] === '\n') i++;
  const lines = splitLines(src, i, end);
  let indent = indicator ? parentIndent + indicator : -1;
  if (indent < 0) {
    indent = 0;
    for (const l of lines) {
      let c = l.start;
      while (c < l.end && src[c] === ' ') c++;
      if (c < l.end) {
        indent = c - l.start;
        break;
      }
    }
  }
  const b = new RegionBuilder(src);
  const foldedBreaks: Array<[number, number]> = [];
  // Content lines hold text past the indentation; the others are empty (only spaces).
  const spaced = (l: Line) => src[l.start + indent] === ' ' || src[l.start + indent] === '\t';
  let prevContent: Line | undefined;
  let pendingEmpty: Line[] = [];
  for (const l of lines) {
    let lead = l.start;
    while (lead < l.end && src[lead] === ' ') lead++;
    if (lead === l.end && l.end - l.start <= indent) {
      pendingEmpty.push(l);
      continue;
    }
    if (lead - l.start < indent) return undefined; // less indented text: not ours to decode
    if (prevContent) {
      const folds = style === 'folded' && !spaced(prevContent) && !spaced(l);
      if (folds && pendingEmpty.length === 0) {
        b.decoded(' ', prevContent.end, l.start + indent);
        foldedBreaks.push([prevContent.end, prevContent.next]);
      } else if (folds) {
        // The first break is folded away; each empty line is one line feed.
        for (const e of pendingEmpty) b.decoded('\n', e.start, e.next);
        foldedBreaks.push([prevContent.end, prevContent.next]);
      } else {
        b.decoded('\n', prevContent.end, prevContent.next);
        for (const e of pendingEmpty) b.decoded('\n', e.end, e.next);
      }
    } else {
      for (const e of pendingEmpty) b.decoded('\n', e.end, e.next);
    }
    pendingEmpty = [];
    b.verbatim(l.start + indent, l.end);
    prevContent = l;
  }
  if (prevContent) {
    if (chomp !== 'strip' && prevContent.next > prevContent.end) b.decoded('\n', prevContent.end, prevContent.next);
    if (chomp === 'keep') for (const e of pendingEmpty) b.decoded('\n', e.end, e.next);
  } else if (chomp === 'keep') {
    for (const e of pendingEmpty) b.decoded('\n', e.end, e.next);
  }
  const hostEnd = prevContent ? prevContent.end : i;
  return { ...b.finish(hostEnd), contentIndent: indent, foldedBreaks: style === 'folded' ? foldedBreaks : undefined, header };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Flow scalars: lines are trimmed and folded (one break → space, n empty lines → n line feeds). */
function decodeFlow(src: string, style: 'double' | 'single' | 'plain', start: number, end: number): DecodedScalar | undefined {
  const b = new RegionBuilder(src);
  const lines = splitLines(src, start, end);
  if (lines.length === 0) return b.finish(end);
  let escapedBreak = false;
  let pendingEmpty = 0;
  let prevEnd = -1;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n];
    let s = l.start;
    let e = l.end;
    if (n > 0) while (s < e && (src[s] === ' ' || src[s] === '\t')) s++;
    const last = n === lines.length - 1;
    let endsEscaped = false;
    if (!last) {
      if (style === 'double') {
        let bs = 0;
        while (e - bs - 1 >= s && src[e - bs - 1] === '\\') bs++;
        endsEscaped = bs % 2 === 1;
      }
      if (!endsEscaped) while (e > s && (src[e - 1] === ' ' || src[e - 1] === '\t')) e--;
    }
    if (n > 0 && s === e && !last) {
      pendingEmpty++;
      continue;
    }
    if (n > 0) {
      if (escapedBreak) {
        /* an escaped line break joins the lines with nothing */
      } else if (pendingEmpty === 0) b.decoded(' ', prevEnd, s);
      else b.decoded('\n'.repeat(pendingEmpty), prevEnd, s);
    }
    pendingEmpty = 0;
    const contentEnd = endsEscaped ? e - 1 : e;
    if (!readSpan(src, style, s, contentEnd, b)) return undefined;
    escapedBreak = endsEscaped;
    prevEnd = endsEscaped ? e - 1 : e;
  }
  return b.finish(end);
}

function readSpan(src: string, style: 'double' | 'single' | 'plain', s: number, e: number, b: RegionBuilder): boolean {
  if (style === 'plain') {
    b.verbatim(s, e);
    return true;
  }
  let run = s;
  for (let i = s; i < e; i++) {
    const c = src[i];
    if (style === 'single' && c === "'" && src[i + 1] === "'") {
      b.verbatim(run, i);
      b.decoded("'", i, i + 2);
      i++;
      run = i + 1;
    } else if (style === 'double' && c === '\\') {
      b.verbatim(run, i);
      const k = src[i + 1];
      if (k === undefined || i + 1 >= e) return false;
      if (k in SIMPLE_ESCAPES) {
        b.decoded(SIMPLE_ESCAPES[k], i, i + 2);
        i++;
      } else if (k in HEX_ESCAPES) {
        const digits = src.slice(i + 2, i + 2 + HEX_ESCAPES[k]);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_ESCAPES[k]) return false;
        b.decoded(String.fromCodePoint(parseInt(digits, 16)), i, i + 2 + digits.length);
        i += 1 + digits.length;
      } else return false;
      run = i + 1;
    }
  }
  b.verbatim(run, e);
  return true;
}

/**
 * How `newText` (an edit's replacement, in the region's terms) is written inside a scalar of
 * this style: line breaks re-indented in block literals, escaped in double quotes. Undefined
 * when the style cannot hold it as is (a line break in a folded or plain scalar).
 */
export function encodeForScalar(style: ScalarStyle, newText: string, contentIndent: number): string | undefined {
  switch (style) {
    case 'literal':
      return newText.replace(/\r?\n/g, `\n${' '.repeat(contentIndent)}`);
    case 'folded':
      return /[\r\n]/.test(newText) ? undefined : newText;
    case 'double':
      return JSON.stringify(newText).slice(1, -1);
    case 'single':
      return /[\r\n]/.test(newText) ? undefined : newText.replace(/'/g, "''");
    case 'plain':
      return /[\r\n]|: | #|^[-?:,[\]{}#&*!|>'"%@`]/.test(newText) ? undefined : newText;
  }
}
