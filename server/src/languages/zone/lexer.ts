// The master-file lexer (RFC 1035 §5.1 with BIND's behaviour): splits a text into entries,
// one per logical line. Parentheses join lines into one entry and are not tokens; ';' starts
// a comment outside quotes; '"' starts a quoted string that must end on its line (BIND
// "unbalanced quotes"); a backslash escapes the next character. It never throws: unbalanced
// parentheses and quotes become problems on the entry, and lexing goes on.

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

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

function isDelimiter(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === NL || c === SEMI || c === QUOTE || c === LPAREN || c === RPAREN;
}

/** After this many restarts on an unclosed '(' the rest of the file stays one entry (bounds the work). */
const MAX_PAREN_RECOVERIES = 32;

/**
 * Lexes entries lazily so a huge zone is never held as tokens all at once. Empty entries
 * (blank or comment-only lines) are skipped.
 */
export function* lexEntries(text: string): Generator<Entry> {
  const n = text.length;
  let pos = 0;
  let line = 0;
  let lineStart = 0;
  let recoveries = 0;

  while (pos < n) {
    // One entry starts at the beginning of a line.
    const entryLine = line;
    const blankOwner = isBlank(text.charCodeAt(pos)) && text.charCodeAt(pos) !== CR;
    const tokens: Token[] = [];
    const problems: LexProblem[] = [];
    let depth = 0;
    let openParen: { line: number; col: number; lineEndPos: number; lineStart: number } | undefined;
    let endLine = line;
    let endChar = 0;

    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === NL) {
        pos++;
        line++;
        lineStart = pos;
        if (depth === 0) break;
        continue;
      }
      if (isBlank(c)) {
        pos++;
        continue;
      }
      if (c === SEMI) {
        while (pos < n && text.charCodeAt(pos) !== NL) pos++;
        continue;
      }
      if (c === LPAREN) {
        if (depth === 0) {
          let e = pos;
          while (e < n && text.charCodeAt(e) !== NL) e++;
          openParen = { line, col: pos - lineStart, lineEndPos: e, lineStart };
        }
        depth++;
        endLine = line;
        endChar = pos - lineStart + 1;
        pos++;
        continue;
      }
      if (c === RPAREN) {
        if (depth === 0) problems.push({ message: 'unbalanced parentheses', line, start: pos - lineStart, end: pos - lineStart + 1 });
        else depth--;
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
          if (d === NL) break;
          if (d === BACKSLASH && pos + 1 < n && text.charCodeAt(pos + 1) !== NL) {
            pos += 2;
            continue;
          }
          pos++;
          if (d === QUOTE) {
            closed = true;
            break;
          }
        }
        let end = pos;
        if (!closed && end > start && text.charCodeAt(end - 1) === CR) end--;
        if (!closed) problems.push({ message: 'unbalanced quotes', line, start: start - lineStart, end: end - lineStart });
        tokens.push({ text: text.slice(start, end), quoted: true, line, start: start - lineStart, end: end - lineStart });
      } else {
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === BACKSLASH && pos + 1 < n && text.charCodeAt(pos + 1) !== NL) {
            pos += 2;
            continue;
          }
          if (isDelimiter(d)) break;
          pos++;
        }
        tokens.push({ text: text.slice(start, pos), quoted: false, line, start: start - lineStart, end: pos - lineStart });
      }
      endLine = line;
      endChar = pos - lineStart;
    }

    if (depth > 0 && openParen) {
      problems.push({ message: 'unbalanced parentheses', line: openParen.line, start: openParen.col, end: openParen.col + 1 });
      if (recoveries < MAX_PAREN_RECOVERIES) {
        // Recovery: the entry ends with the line of its '('; the lines after it are read again
        // as entries of their own, so one missing ')' does not hide the rest of the file.
        recoveries++;
        const keep = tokens.filter((t) => t.line <= openParen!.line);
        tokens.length = 0;
        for (const t of keep) tokens.push(t);
        endLine = openParen.line;
        endChar = openParen.lineEndPos - openParen.lineStart;
        pos = openParen.lineEndPos < n ? openParen.lineEndPos + 1 : n;
        line = openParen.line + 1;
        lineStart = pos;
        // Drop problems found after the '(' line: they will be found again.
        for (let i = problems.length - 2; i >= 0; i--) if (problems[i].line > openParen.line) problems.splice(i, 1);
      }
    }
    if (tokens.length > 0 || problems.length > 0) yield { tokens, blankOwner, line: entryLine, endLine, endChar, problems };
  }
}

/** Whether the text ends with a line break (BIND warns when it does not). */
export function endsWithNewline(text: string): boolean {
  return text.length === 0 || text.charCodeAt(text.length - 1) === NL;
}
