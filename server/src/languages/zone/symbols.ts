// Outline: owners -> their records. Consecutive records of one owner form one entry (an
// owner that appears again later gets another entry, so children stay inside their parent).
// A record whose data does not parse stays in the outline (marked), so the outline shows the
// file as written. Kinds are the same everywhere: an owner is a namespace (a name holding
// records), every record a field, an $INCLUDE a module (another file). A huge zone gets
// owner-level symbols only, capped, with a last symbol saying what was left out.

import { range } from '../../core/finding';
import type { OutlineSymbol } from '../../core/languageService';
import { lexEntries, type Token } from './lexer';
import type { ZoneAst } from './model';
import { parseName, relativeName } from './names';
import { tokenRange } from './ruleKit';

/** Above this many records the outline lists owners only. */
export const MAX_RECORD_SYMBOLS = 5000;
/**
 * At most this many owner symbols: the editor asks for the outline after every edit (for the
 * breadcrumbs and sticky scroll), and 5,000 owners were 1 MB of JSON each time. Nobody scrolls
 * them; below the engine's cap on symbols (analysis/caps.ts), so this note is the one shown.
 */
export const MAX_OWNER_SYMBOLS = 1000;

/** What the outline needs of a record, parsed or not (a ZoneRecord is one as it is: no copy per record). */
interface Item {
  owner: string;
  ownerToken?: Token;
  type: string;
  typeToken: Token;
  rdata: Token[];
  line: number;
  endLine: number;
  endChar: number;
  /** An entry that produced no record. */
  broken?: true;
}

function recordSymbol(r: Item): OutlineSymbol {
  const rdata = r.rdata.map((t) => t.text).join(' ');
  const shown = r.broken ? `${rdata} (does not parse)` : rdata;
  return {
    name: r.type,
    detail: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown,
    kind: 'field',
    range: range(r.line, 0, r.endLine, r.endChar),
    selectionRange: tokenRange(r.typeToken),
  };
}

/**
 * A document entry that produced no record and is not a directive: read its tokens again
 * for the owner and the type as written (the parser's state says the inherited owner).
 */
function brokenItem(ast: ZoneAst, j: number): Item | undefined {
  const table = ast.entries!;
  const entry = lexEntries(ast.text, table.offset[j], table.line[j]).next().value;
  if (!entry || entry.tokens.length === 0 || (!entry.blankOwner && entry.tokens[0].text.startsWith('$'))) return undefined;
  const state = table.stateIn[j];
  let i = 0;
  let owner = state.owner;
  let ownerToken: Token | undefined;
  if (!entry.blankOwner) {
    const written = entry.tokens[i++];
    ownerToken = written;
    owner = parseName(written.text, state.origin).key ?? written.text;
  }
  if (owner === undefined) return undefined;
  // The type: the first token after an optional TTL and class that starts with a letter.
  while (i < entry.tokens.length - 1 && i < (ownerToken ? 3 : 2) && /^(\d|IN$|CH$|HS$|CLASS\d)/i.test(entry.tokens[i].text)) i++;
  const typeToken = entry.tokens[i] ?? entry.tokens[entry.tokens.length - 1];
  return { owner, ownerToken, type: typeToken.text.toUpperCase(), typeToken, rdata: entry.tokens.slice(i + 1), line: entry.line, endLine: entry.endLine, endChar: entry.endChar, broken: true };
}

/** Visits the document's records and broken record entries, in file order, until `visit` returns false. */
function eachItem(ast: ZoneAst, visit: (item: Item) => boolean): void {
  const table = ast.entries;
  if (!table) {
    for (const r of ast.records) if (!r.uri && !r.generated && !visit(r)) return;
    return;
  }
  for (let j = 0; j < table.offset.length; j++) {
    const from = j > 0 ? table.recordsEnd[j - 1] : 0;
    const to = table.recordsEnd[j];
    const directives = table.directivesEnd[j] - (j > 0 ? table.directivesEnd[j - 1] : 0);
    if (from === to && directives === 0) {
      const item = brokenItem(ast, j);
      if (item && !visit(item)) return;
      continue;
    }
    for (let k = from; k < to; k++) {
      const r = ast.records[k];
      if (!r.uri && !r.generated && !visit(r)) return;
    }
  }
}

export function zoneSymbols(ast: ZoneAst): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const ownerLevel = ast.records.length > MAX_RECORD_SYMBOLS;
  let current: { owner: string; symbol: OutlineSymbol; records: number } | undefined;
  let owners = 0;
  let leftOut = 0;
  let visited = 0;
  let capped = false;
  eachItem(ast, (r) => {
    // Past the cap the rest is only counted, below (a huge zone: ~99,000 records of 100,000).
    if (owners >= MAX_OWNER_SYMBOLS && !(current && current.owner === r.owner)) {
      capped = true;
      return false;
    }
    visited++;
    // Owner level (a huge zone): only the record's ranges count, its detail text is never shown.
    const child = ownerLevel ? { range: range(r.line, 0, r.endLine, r.endChar), selectionRange: tokenRange(r.typeToken) } : recordSymbol(r);
    if (current && current.owner === r.owner) {
      if (!ownerLevel) current.symbol.children!.push(child as OutlineSymbol);
      current.records++;
      current.symbol.range = { start: current.symbol.range.start, end: child.range.end };
      if (ownerLevel) current.symbol.detail = `${current.records} records`;
      return true;
    }
    owners++;
    const name = relativeName(r.owner, ast.origin);
    current = {
      owner: r.owner,
      records: 1,
      symbol: {
        name,
        detail: ownerLevel ? '1 record' : name === '@' ? r.owner : undefined,
        kind: 'namespace',
        range: child.range,
        selectionRange: r.ownerToken ? tokenRange(r.ownerToken) : child.selectionRange,
        ...(ownerLevel ? {} : { children: [child as OutlineSymbol] }),
      },
    };
    out.push(current.symbol);
    return true;
  });
  if (capped) {
    // Every item from the first one past the cap on is left out (an owner entry each).
    let total = 0;
    eachItem(ast, () => (total++, true));
    leftOut = total - visited;
  }
  for (const inc of ast.includes) {
    if (inc.directive.uri) continue;
    const d = inc.directive;
    out.push({ name: `$INCLUDE ${d.args[0]?.text ?? ''}`, kind: 'module', range: range(d.line, 0, d.endLine, (d.args.at(-1) ?? d.name).end), selectionRange: tokenRange(d.name) });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  if (leftOut > 0 || ownerLevel) {
    const last = out.at(-1);
    const at = last ? last.range.end : { line: 0, character: 0 };
    const note =
      leftOut > 0
        ? `outline capped at ${MAX_OWNER_SYMBOLS.toLocaleString('en-US')} names; ${leftOut.toLocaleString('en-US')} more owner entries not shown`
        : `${ast.records.length.toLocaleString('en-US')} records: names only (over ${MAX_RECORD_SYMBOLS.toLocaleString('en-US')} records)`;
    out.push({ name: '…', detail: note, kind: 'string', range: { start: at, end: at }, selectionRange: { start: at, end: at } });
  }
  return out;
}
