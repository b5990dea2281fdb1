// Completion: `$` directives at the start of a line; record types where a type is expected
// (after the owner, TTL and class) with a snippet of their fields; CAA tags and SvcParam
// keys inside their RDATA. All from the record-type table.

import type { Position } from '../../core/finding';
import type { CompletionEntry } from '../../core/languageService';
import { DIRECTIVE_DOCS, typeHover } from './hover';
import { lexEntries } from './lexer';
import type { ZoneAst } from './model';
import { SVC_KEYS } from './rdata';
import { lookupClass, lookupType, RECORD_TYPES } from './recordTypes';
import { looksLikeTtl } from './values';

const CAA_TAGS: Record<string, string> = {
  issue: 'CA domains allowed to issue certificates for this name (`;` alone: none).',
  issuewild: 'Like issue, for wildcard certificates.',
  iodef: 'Where CAs report policy violations: `mailto:` or `https:` URI.',
  contactemail: 'Contact e-mail for domain validation (CA/B Forum).',
  contactphone: 'Contact phone for domain validation (CA/B Forum).',
  issuemail: 'CAs allowed to issue S/MIME certificates (RFC 9495).',
  issuevmc: 'CAs allowed to issue Verified Mark Certificates.',
};

function lineText(text: string, line: number): string {
  let pos = 0;
  for (let l = 0; l < line && pos >= 0; l++) {
    pos = text.indexOf('\n', pos);
    if (pos >= 0) pos++;
  }
  if (pos < 0) return '';
  const end = text.indexOf('\n', pos);
  return text.slice(pos, end < 0 ? text.length : end).replace(/\r$/, '');
}

function snippet(fields: Array<{ name: string }>): string {
  return fields.map((f, i) => `\${${i + 1}:${f.name.replace(/[}$\\]/g, '')}}`).join(' ');
}

export function zoneCompletion(ast: ZoneAst, p: Position): CompletionEntry[] {
  const line = lineText(ast.text, p.line);
  const before = line.slice(0, p.character);
  const range = (() => {
    const m = /[^\s"();]*$/.exec(before)!;
    return { start: { line: p.line, character: p.character - m[0].length }, end: p };
  })();
  if (/^\$[A-Za-z]*$/.test(before)) {
    return Object.entries(DIRECTIVE_DOCS).map(([label, doc]) => ({ label, kind: 'keyword', documentation: doc, range }));
  }
  const tokens = [...lexEntries(before)].flatMap((e) => e.tokens);
  const complete = /\s$/.test(before) || before === '';
  const done = complete ? tokens : tokens.slice(0, -1);
  const blankOwner = /^[ \t]/.test(line);
  // Where are we? Skip the owner, then TTL/class; the next token is the type.
  let i = blankOwner ? 0 : 1;
  if (!blankOwner && done.length === 0) return [];
  while (i < done.length && i < (blankOwner ? 2 : 3) && (looksLikeTtl(done[i].text) || lookupClass(done[i].text))) i++;
  if (i === done.length) {
    return RECORD_TYPES.filter((t) => t.bind !== false).map((t) => ({
      label: t.name,
      kind: 'keyword' as const,
      detail: `${t.rfc} — ${t.summary.split('. ')[0]}`,
      documentation: typeHover(t),
      insertText: t.fields.length ? `${t.name} ${snippet(t.fields)}` : t.name,
      isSnippet: t.fields.length > 0,
      sortText: `${t.common ? '0' : '1'}${t.name}`,
      range,
    }));
  }
  const type = lookupType(done[i].text).type?.name;
  const argIndex = done.length - i - 1;
  if (type === 'CAA' && argIndex === 1) return Object.entries(CAA_TAGS).map(([label, doc]) => ({ label, kind: 'enum', documentation: doc, range }));
  if ((type === 'HTTPS' || type === 'SVCB') && argIndex >= 2) return Object.keys(SVC_KEYS).map((k) => ({ label: k, kind: 'property', insertText: k === 'no-default-alpn' ? k : `${k}=`, range }));
  return [];
}
