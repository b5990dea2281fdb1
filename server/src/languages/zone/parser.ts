// A first cut of RFC 1035 master-file records: one record per line, ';' comments, blank
// owner inheritance, TTL and class in either order. The zone issue replaces this with the
// full lexer (parentheses, escapes, $INCLUDE, $GENERATE) and per-type RDATA grammars.

export interface Field {
  text: string;
  line: number;
  start: number;
  end: number;
}

export interface ZoneRecord {
  owner?: Field;
  ttl?: Field;
  class?: Field;
  type: Field;
  rdata: Field[];
}

export interface ZoneAst {
  records: ZoneRecord[];
  directives: Array<{ name: Field; args: Field[] }>;
}

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'ANY']);
const isTtl = (s: string) => /^\d+[smhdw]?([0-9]+[smhdw])*$/i.test(s);

function splitFields(line: string, lineNo: number): Field[] {
  const fields: Field[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ';') break;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      i++;
    } else {
      while (i < line.length && !' \t\r;'.includes(line[i])) i += line[i] === '\\' ? 2 : 1;
    }
    i = Math.min(i, line.length);
    fields.push({ text: line.slice(start, i), line: lineNo, start, end: i });
  }
  return fields;
}

export function parseZone(text: string): ZoneAst {
  const ast: ZoneAst = { records: [], directives: [] };
  const lines = text.split(/\r?\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    const row = lines[n];
    const fields = splitFields(row, n);
    if (fields.length === 0) continue;
    if (fields[0].text.startsWith('$')) {
      ast.directives.push({ name: fields[0], args: fields.slice(1) });
      continue;
    }
    let k = 0;
    const record: Partial<ZoneRecord> = {};
    if (!(row[0] === ' ' || row[0] === '\t')) record.owner = fields[k++];
    for (let j = 0; j < 2 && k < fields.length; j++) {
      const f = fields[k].text;
      if (!record.ttl && isTtl(f)) record.ttl = fields[k++];
      else if (!record.class && CLASSES.has(f.toUpperCase())) record.class = fields[k++];
    }
    if (k >= fields.length) continue;
    ast.records.push({ ...record, type: fields[k], rdata: fields.slice(k + 1) });
  }
  return ast;
}
