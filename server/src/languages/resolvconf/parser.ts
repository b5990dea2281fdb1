// resolv.conf lines as glibc's res_init reads them: a keyword at the start of a line, then
// its values; lines starting with '#' or ';' are comments. The resolv.conf issue grows this
// into the full effective configuration (caps, last-wins, musl differences).

export interface Word {
  text: string;
  start: number;
  end: number;
}

export interface ResolvLine {
  line: number;
  keyword: Word;
  values: Word[];
}

export interface ResolvConfAst {
  lines: ResolvLine[];
}

export function parseResolvConf(text: string): ResolvConfAst {
  const lines: ResolvLine[] = [];
  const rows = text.split(/\r?\n|\r/);
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n];
    if (row.startsWith('#') || row.startsWith(';')) continue;
    const words: Word[] = [];
    const re = /[^ \t\n]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(row)) !== null) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    if (words.length === 0) continue;
    lines.push({ line: n, keyword: words[0], values: words.slice(1) });
  }
  return { lines };
}
