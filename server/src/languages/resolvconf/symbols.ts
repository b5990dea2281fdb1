// The resolv.conf outline: one entry per directive line (nameserver, search, domain,
// sortlist, options), named by what it sets; options and search domains as children.

import type { OutlineSymbol, SymbolKind } from '../../core/languageService';
import type { ResolvConfAst, ResolvLine } from '../../resolver/parser';

const KIND: Record<string, SymbolKind> = { nameserver: 'variable', search: 'namespace', domain: 'namespace', sortlist: 'property', options: 'object' };

function lineRange(l: ResolvLine) {
  const last = l.values[l.values.length - 1] ?? l.keyword;
  return { start: l.keyword.range.start, end: last.range.end };
}

export function resolvConfSymbols(ast: ResolvConfAst): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const l of ast.lines) {
    if (l.kind !== 'keyword' && l.kind !== 'other') continue;
    const keyword = l.keyword.text;
    const kind = KIND[keyword];
    // Lines the resolver does not read (typos, indented) stay in the outline, marked.
    const ignored = l.kind === 'other' || !kind;
    const values = l.values.map((v) => v.text);
    const symbol: OutlineSymbol = {
      name: ignored ? keyword || '(blank)' : keyword === 'nameserver' ? (values[0] ?? 'nameserver') : keyword,
      detail: ignored ? 'ignored by the resolver' : keyword === 'nameserver' ? 'nameserver' : values.join(' '),
      kind: ignored ? 'string' : kind,
      range: lineRange(l),
      selectionRange: l.keyword.range,
    };
    if (!ignored && (keyword === 'options' || keyword === 'search')) {
      symbol.children = l.values.map((v) => ({ name: v.text, kind: keyword === 'options' ? 'property' : 'namespace', range: v.range, selectionRange: v.range }));
    }
    out.push(symbol);
  }
  return out;
}
