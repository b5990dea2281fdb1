// Caddyfile-dialect tokens as CoreDNS reads them: words separated by whitespace, "quoted"
// strings with \" escapes, # comments to the end of the line (outside quotes), and { }
// only as whole tokens. Each token keeps its exact range.

export interface Token {
  text: string;
  /** 0-based line and UTF-16 columns of the token as written (quotes included). */
  line: number;
  start: number;
  end: number;
  quoted: boolean;
}

export interface LexResult {
  tokens: Token[];
  /** Unterminated quotes and the like, with their position. */
  errors: Array<{ line: number; start: number; end: number; message: string }>;
}

export function lexCorefile(text: string): LexResult {
  const tokens: Token[] = [];
  const errors: LexResult['errors'] = [];
  let line = 0;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const startCol = i - lineStart;
    const startLine = line;
    if (c === '"') {
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i];
        if (d === '\\' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += d;
        i++;
      }
      if (!closed) errors.push({ line: startLine, start: startCol, end: startCol + 1, message: 'Unterminated quoted string' });
      // A token spanning lines is reported on its first line; its end is clamped to that line.
      tokens.push({ text: value, line: startLine, start: startCol, end: startLine === line ? i - lineStart : startCol + 1, quoted: true });
      continue;
    }
    let j = i;
    while (j < n) {
      const d = text[j];
      if (d === ' ' || d === '\t' || d === '\r' || d === '\n' || d === ',') break;
      j++;
    }
    tokens.push({ text: text.slice(i, j), line, start: startCol, end: j - lineStart, quoted: false });
    i = j;
  }
  return { tokens, errors };
}
