// The master-file lexer (RFC 1035 §5.1 with BIND's behaviour): splits a text into entries,
// one per logical line. Parentheses join lines into one entry and are not tokens; ';' starts
// a comment outside quotes; '"' starts a quoted string that must end on its line (BIND
// "unbalanced quotes"); a backslash escapes the next character. It never throws: unbalanced
// parentheses and quotes become problems on the entry, and lexing goes on. Line breaks are
// LF, CR LF and a lone CR, as LSP counts them, so positions match the editor's lines.

export interface Token {
  /** The token as written (quoted strings include their quotes). */
  text: string;
  quoted: boolean;
  /** 0-based line and UTF-16 columns; a token never spans lines. */
  line: number;
  start: number;
  end: number;
}

export interface LexProblem {
  message: string;
  line: number;
  start: number;
  end: number;
}

export interface Entry {
  tokens: Token[];
  /** The entry's first line starts with a blank: the owner is inherited. */
  blankOwner: boolean;
  /** First and last line the entry covers (last includes a closing parenthesis). */
  line: number;
  endLine: number;
  /** Columns of the first and last character of the entry (for folding and whole-entry ranges). */
  endChar: number;
  problems: LexProblem[];
  /** Offset of the first character of the entry's first line, and where the next entry's lexing starts. */
  offset: number;
  next: number;
  /** Paren recoveries used up to and including this entry (see MAX_PAREN_RECOVERIES). */
  recoveries: number;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SEMI = 59;
const QUOTE = 34;
const LPAREN = 40;
const RPAREN = 41;
const BACKSLASH = 92;

/** Token boundaries, by character class (one table lookup per character): 1 ends a token, 2 is the backslash. */
const DELIMITER = new Uint8Array(128);
for (const c of [SPACE, TAB, CR, NL, SEMI, QUOTE, LPAREN, RPAREN]) DELIMITER[c] = 1;
DELIMITER[BACKSLASH] = 2;

function isBreak(c: number): boolean {
  return c === NL || c === CR;
}

/** Position after the line break at `pos` (CR LF, LF or a lone CR: LSP counts all three). */
function afterBreak(text: string, pos: number): number {
  return text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === NL ? pos + 2 : pos + 1;
}

/** After this many restarts on an unclosed '(' the rest of the file stays one entry (bounds the work). */
export const MAX_PAREN_RECOVERIES = 32;

/** Shared by entries without problems (never written to). */
const NO_PROBLEMS: LexProblem[] = Object.freeze([]) as unknown as LexProblem[];

/**
 * Lexes entries lazily so a huge zone is never held as tokens all at once. Empty entries
 * (blank or comment-only lines) are skipped. `from` (a line start outside parentheses),
 * `fromLine` and `recoveries` resume lexing in the middle of a text (incremental parsing).
 */
export function* lexEntries(text: string, from = 0, fromLine = 0, recoveriesSoFar = 0): Generator<Entry> {
  const lexer = new EntryLexer(text, from, fromLine, recoveriesSoFar);
  for (let entry = lexer.next(); entry; entry = lexer.next()) yield entry;
}

/**
 * lexEntries as a plain iterator (no generator to resume per entry): the parser's loop over
 * a whole file. `next()` returns the next non-empty entry, or undefined at the end.
 */
export class EntryLexer {
  private pos: number;
  private line: number;
  private lineStart: number;
  private recoveries: number;
  /**
   * The entry's tokens as they are read; each entry gets an exact-size copy. Pushing onto a
   * fresh array allocates room for 17 at the first push: ~300 bytes a record of a big zone.
   */
  private readonly scratch: Token[] = [];

  constructor(
    private readonly text: string,
    from = 0,
    fromLine = 0,
    recoveriesSoFar = 0,
  ) {
    this.pos = from;
    this.line = fromLine;
    this.lineStart = from;
    this.recoveries = recoveriesSoFar;
  }

  next(): Entry | undefined {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    let line = this.line;
    let lineStart = this.lineStart;
    let recoveries = this.recoveries;

    while (pos < n) {
      // One entry starts at the beginning of a line.
      const entryOffset = pos;
      const entryLine = line;
      const c0 = text.charCodeAt(pos);
      const blankOwner = c0 === SPACE || c0 === TAB;
      const scratch = this.scratch;
      let count = 0;
      let problems = NO_PROBLEMS;
      let depth = 0;
      // The unclosed '(' of the entry: its line, column, line start and line-break offset.
      let parenLine = -1;
      let parenCol = 0;
      let parenLineStart = 0;
      let parenLineEnd = 0;
      let endLine = line;
      let endChar = 0;

      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === NL || c === CR) {
          pos = afterBreak(text, pos);
          line++;
          lineStart = pos;
          if (depth === 0) break;
          continue;
        }
        if (c === SPACE || c === TAB) {
          pos++;
          continue;
        }
        if (c === SEMI) {
          while (pos < n && !isBreak(text.charCodeAt(pos))) pos++;
          continue;
        }
        if (c === LPAREN) {
          if (depth === 0) {
            let e = pos;
            while (e < n && !isBreak(text.charCodeAt(e))) e++;
            parenLine = line;
            parenCol = pos - lineStart;
            parenLineStart = lineStart;
            parenLineEnd = e;
          }
          depth++;
          endLine = line;
          endChar = pos - lineStart + 1;
          pos++;
          continue;
        }
        if (c === RPAREN) {
          if (depth === 0) {
            if (problems === NO_PROBLEMS) problems = [];
            problems.push({ message: 'unbalanced parentheses', line, start: pos - lineStart, end: pos - lineStart + 1 });
          } else depth--;
          endLine = line;
          endChar = pos - lineStart + 1;
          pos++;
          continue;
        }
        const start = pos;
        if (c === QUOTE) {
          pos++;
          let closed = false;
          while (pos < n) {
            const d = text.charCodeAt(pos);
            if (d === NL || d === CR) break;
            if (d === BACKSLASH && pos + 1 < n && !isBreak(text.charCodeAt(pos + 1))) {
              pos += 2;
              continue;
            }
            pos++;
            if (d === QUOTE) {
              closed = true;
              break;
            }
          }
          if (!closed) {
            if (problems === NO_PROBLEMS) problems = [];
            problems.push({ message: 'unbalanced quotes', line, start: start - lineStart, end: pos - lineStart });
          }
          scratch[count++] = { text: text.slice(start, pos), quoted: true, line, start: start - lineStart, end: pos - lineStart };
        } else {
          while (pos < n) {
            const d = text.charCodeAt(pos);
            // One lookup for the usual character: neither a delimiter nor a backslash.
            const k = d < 128 ? DELIMITER[d] : 0;
            if (k === 0) {
              pos++;
              continue;
            }
            if (k === 1) break;
            if (pos + 1 < n && !isBreak(text.charCodeAt(pos + 1))) pos += 2;
            else pos++;
          }
          scratch[count++] = { text: text.slice(start, pos), quoted: false, line, start: start - lineStart, end: pos - lineStart };
        }
        endLine = line;
        endChar = pos - lineStart;
      }

      if (depth > 0 && parenLine >= 0) {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push({ message: 'unbalanced parentheses', line: parenLine, start: parenCol, end: parenCol + 1 });
        if (recoveries < MAX_PAREN_RECOVERIES) {
          // Recovery: the entry ends with the line of its '('; the lines after it are read again
          // as entries of their own, so one missing ')' does not hide the rest of the file.
          recoveries++;
          let keep = 0;
          while (keep < count && scratch[keep].line <= parenLine) keep++;
          count = keep;
          endLine = parenLine;
          endChar = parenLineEnd - parenLineStart;
          pos = parenLineEnd < n ? afterBreak(text, parenLineEnd) : n;
          line = parenLine + 1;
          lineStart = pos;
          // Drop problems found after the '(' line: they will be found again.
          for (let i = problems.length - 2; i >= 0; i--) if (problems[i].line > parenLine) problems.splice(i, 1);
        }
      }
      if (count > 0 || problems.length > 0) {
        const tokens = scratch.slice(0, count);
        this.pos = pos;
        this.line = line;
        this.lineStart = lineStart;
        this.recoveries = recoveries;
        return { tokens, blankOwner, line: entryLine, endLine, endChar, problems, offset: entryOffset, next: pos, recoveries };
      }
    }
    this.pos = pos;
    this.line = line;
    this.lineStart = lineStart;
    this.recoveries = recoveries;
    return undefined;
  }
}

/** Whether the text ends with a line break (BIND warns when it does not). */
export function endsWithNewline(text: string): boolean {
  return text.length === 0 || isBreak(text.charCodeAt(text.length - 1));
}
