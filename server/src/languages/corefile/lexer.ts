// Tokens of CoreDNS's Caddyfile dialect, as coredns/caddy's lexer reads them:
// - words are separated by Unicode whitespace; a leading BOM is skipped;
// - a line ends at "\n", "\r\n" or a lone "\r", as LSP counts lines, so every position we
//   report is where the editor shows it (CoreDNS drops "\r"; a lone one is rare enough that
//   agreeing with the editor matters more);
// - "#" starts a comment anywhere outside quotes, even in the middle of a word;
// - a token is quoted only when it starts with '"'; inside, only \" is an escape (every
//   other backslash is kept), and the token may span lines;
// - commas and braces are ordinary characters here: "{" is structural only as a whole
//   token, and the parser (not the lexer) handles trailing commas in server keys.
// Every token keeps its exact range (0-based lines, UTF-16 columns).

export interface Token {
  /** The value CoreDNS sees (quotes removed, \" unescaped). */
  text: string;
  quoted: boolean;
  line: number;
  /** Column of the first character (the opening quote for a quoted token). */
  start: number;
  endLine: number;
  /** Column just past the last character (the closing quote, if any). */
  end: number;
  /** A quoted token whose closing quote is missing (CoreDNS takes it up to end of file). */
  unterminated?: boolean;
}

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** Splits a Corefile into tokens in one linear pass. Never throws. */
export function lexCorefile(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let lineStart = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
      continue;
    }
    const startLine = line;
    const startCol = i - lineStart;
    if (c === 34 /* " */) {
      let value = '';
      let closed = false;
      i++;
      let chunk = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */ && text.charCodeAt(i + 1) === 34) {
          value += text.slice(chunk, i) + '"';
          i += 2;
          chunk = i;
          continue;
        }
        if (d === 92 && i + 1 < n) {
          // Any other escape keeps both characters (the backslash and the next one).
          const e = text.charCodeAt(i + 1);
          if (isLineBreak(e)) {
            const crlf = e === 13 && text.charCodeAt(i + 2) === 10;
            line++;
            lineStart = i + (crlf ? 3 : 2);
            i += crlf ? 3 : 2;
            continue;
          }
          i += 2;
          continue;
        }
        if (d === 34) {
          closed = true;
          break;
        }
        if (isLineBreak(d)) {
          if (d === 13 && text.charCodeAt(i + 1) === 10) i++;
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      value += text.slice(chunk, i);
      if (closed) i++;
      tokens.push({
        text: value,
        quoted: true,
        line: startLine,
        start: startCol,
        endLine: line,
        end: i - lineStart,
        unterminated: closed ? undefined : true,
      });
      continue;
    }
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 35 || isSpace(d)) break;
      j++;
    }
    tokens.push({ text: text.slice(i, j), quoted: false, line, start: startCol, endLine: line, end: j - lineStart });
    i = j;
  }
  return tokens;
}

/** CoreDNS's isNewLine: b starts on a later line than a ends (quoted line breaks count). */
export function onLaterLine(a: Token, b: Token): boolean {
  return a.endLine < b.line;
}
