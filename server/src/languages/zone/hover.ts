// Hover: on a type (what it is, its fields, the RFC), on each RDATA field (its meaning and,
// for a relative name, its absolute form), on an owner (absolute form), a TTL (in words), a
// class and a directive. Everything comes from the record-type table.

import type { Position, Range } from '../../core/finding';
import type { HoverResult } from '../../core/languageService';
import { lexEntries, type Token } from './lexer';
import type { ZoneAst, ZoneRecord } from './model';
import { lookupType, type RecordType } from './recordTypes';
import { tokenRange } from './ruleKit';
import { readTtl } from './values';

export const DIRECTIVE_DOCS: Record<string, string> = {
  $ORIGIN: '`$ORIGIN name` — names without a trailing dot after this line are relative to *name* (RFC 1035 §5.1). A relative *name* is relative to the current origin.',
  $TTL: '`$TTL ttl` — default TTL for records that do not give one (RFC 2308 §4), in seconds or units (`1h30m`, `1d`, `1w`).',
  $INCLUDE: '`$INCLUDE file [origin]` — reads *file* (relative to this file) here, starting with *origin* or the current one; afterwards the origin and owner are restored (RFC 1035 §5.1).',
  $GENERATE: '`$GENERATE start-stop[/step] lhs [ttl] [class] type rhs` — BIND only: one record per number; `$` is the number, `${offset,width,base}` formats it (base d, o, x, X, n, N). Knot and ldns do not support it.',
};

const CLASS_DOCS: Record<string, string> = { IN: 'Internet', CH: 'Chaos (server information such as `version.bind`)', HS: 'Hesiod' };

function contains(t: Token, p: Position): boolean {
  return t.line === p.line && p.character >= t.start && p.character <= t.end;
}

/** The TTL in words: 3600 -> "1 hour". */
export function humanTtl(seconds: number): string {
  const units: Array<[number, string]> = [
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  if (seconds === 0) return '0 seconds (not cached)';
  const parts: string[] = [];
  let left = seconds;
  for (const [size, name] of units) {
    const n = Math.floor(left / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    left -= n * size;
  }
  return parts.join(' ');
}

export function typeHover(t: RecordType): string {
  const fields = t.fields.length
    ? `\n\n${t.fields.map((f, i) => `${i + 1}. \`${f.name}\` — ${f.doc}`).join('\n')}`
    : '\n\nRDATA in RFC 3597 form: `\\# length hex`.';
  return `**${t.name}** (type ${t.code}) — ${t.summary}${fields}\n\n${t.rfc}`;
}

function recordAt(ast: ZoneAst, p: Position): ZoneRecord | undefined {
  let found: ZoneRecord | undefined;
  for (const r of ast.records) {
    if (r.uri || r.generated) continue;
    if (r.line > p.line) break;
    if (p.line <= r.endLine) found = r;
  }
  return found;
}

function hoverForRecord(r: ZoneRecord, p: Position): HoverResult | undefined {
  const at = (t: Token, contents: string): HoverResult => ({ contents, range: tokenRange(t) });
  if (contains(r.typeToken, p)) return r.spec ? at(r.typeToken, typeHover(r.spec)) : at(r.typeToken, `**${r.type}** — type ${r.code}, not in the table; RDATA in RFC 3597 form.`);
  if (r.ownerToken && contains(r.ownerToken, p)) {
    const t = r.ownerToken;
    const note = t.text === '@' ? 'the origin' : t.text.endsWith('.') ? 'absolute' : `relative to \`${r.origin}\``;
    return at(t, `Owner \`${r.owner}\` (${note})`);
  }
  if (r.ttlToken && contains(r.ttlToken, p)) return at(r.ttlToken, `TTL ${r.ttl} s = ${humanTtl(r.ttl)}`);
  if (r.classToken && contains(r.classToken, p)) return at(r.classToken, `Class ${r.class}: ${CLASS_DOCS[r.class] ?? 'numeric class'}`);
  const fields = r.values ?? [];
  for (let i = 0; i < fields.length; i++) {
    const v = fields[i];
    const token = v.tokens.find((t) => contains(t, p));
    if (!token) continue;
    let text = `**${v.spec.name}** — ${r.type} field ${i + 1} of ${fields.length}\n\n${v.spec.doc}`;
    if (v.spec.kind === 'name' && typeof v.value === 'string') text += `\n\nAbsolute: \`${v.value}\`${v.relative ? ` (relative to \`${r.origin}\`)` : ''}`;
    if (v.spec.kind === 'ttl' && typeof v.value === 'number') text += `\n\n${v.value} s = ${humanTtl(v.value)}`;
    if (r.type === 'SOA' && v.spec.name === 'serial') text += serialNote(v.value as number);
    return at(token, text);
  }
  return undefined;
}

function serialNote(serial: number): string {
  const s = String(serial);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(s);
  return m ? `\n\nReads as ${m[1]}-${m[2]}-${m[3]}, change ${m[4]} (YYYYMMDDnn). "Infra Lens: Bump SOA Serial" increments it.` : '';
}

/** Hover for a line that did not parse into a record: still explain a type or directive. */
function hoverForLine(ast: ZoneAst, p: Position): HoverResult | undefined {
  const start = lineStart(ast.text, p.line);
  if (start < 0) return undefined;
  let end = ast.text.indexOf('\n', start);
  if (end < 0) end = ast.text.length;
  for (const entry of lexEntries(ast.text.slice(start, end))) {
    for (const t of entry.tokens) {
      const token = { ...t, line: p.line };
      if (!contains(token, p)) continue;
      const directive = DIRECTIVE_DOCS[t.text.toUpperCase()];
      if (directive) return { contents: directive, range: tokenRange(token) };
      const type = lookupType(t.text).type;
      if (type) return { contents: typeHover(type), range: tokenRange(token) };
      const ttl = readTtl(t.text);
      if (/^\d/.test(t.text) && ttl.value !== undefined && /[a-z]/i.test(t.text)) return { contents: `${ttl.value} s = ${humanTtl(ttl.value)}`, range: tokenRange(token) };
    }
  }
  return undefined;
}

function lineStart(text: string, line: number): number {
  let pos = 0;
  for (let l = 0; l < line; l++) {
    pos = text.indexOf('\n', pos);
    if (pos < 0) return -1;
    pos++;
  }
  return pos;
}

export function zoneHover(ast: ZoneAst, p: Position): HoverResult | undefined {
  const r = recordAt(ast, p);
  const h = r ? hoverForRecord(r, p) : undefined;
  return h ?? hoverForLine(ast, p);
}

export type { Range };
