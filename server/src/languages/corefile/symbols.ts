// Document symbols: server blocks (and snippets) -> directives -> block properties.

import type { Range } from '../../core/finding';
import type { OutlineSymbol } from '../../core/languageService';
import type { Token } from './lexer';
import type { CorefileAst, Directive } from './parser';
import { tokenRange } from './parser';
import { normalizeKey } from './serverKey';

const span = (from: Token, to: Token | undefined): Range => ({ start: tokenRange(from).start, end: tokenRange(to ?? from).end });
const local = (t: Token) => !(t as { uri?: string }).uri && !(t as { importedBy?: unknown }).importedBy;

function directiveSymbol(d: Directive): OutlineSymbol {
  const last = d.block?.close ?? d.args[d.args.length - 1];
  return {
    name: d.name.text,
    detail: d.args.map((a) => a.text).join(' '),
    kind: 'function',
    range: span(d.name, last),
    selectionRange: tokenRange(d.name),
    children: (d.block?.properties ?? []).filter((p) => local(p.name)).map((p) => ({
      name: p.name.text,
      detail: p.args.map((a) => a.text).join(' '),
      kind: 'property' as const,
      range: span(p.name, p.block?.close ?? p.args[p.args.length - 1]),
      selectionRange: tokenRange(p.name),
    })),
  };
}

export function corefileSymbols(ast: CorefileAst): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const s of ast.snippets) {
    out.push({ name: `(${s.name})`, detail: 'snippet', kind: 'object', range: span(s.keyToken, s.close), selectionRange: tokenRange(s.keyToken) });
  }
  for (const b of ast.blocks) {
    const keys = b.keys.filter(local);
    if (!keys.length) continue;
    const last = b.close ?? b.directives[b.directives.length - 1]?.block?.close ?? b.directives[b.directives.length - 1]?.args.at(-1) ?? b.directives[b.directives.length - 1]?.name;
    const addrs = keys.flatMap((k) => {
      const n = normalizeKey(k.text);
      return n.zones.map((z) => `${n.transport}://${z}:${n.port}`);
    });
    out.push({
      name: keys.map((k) => k.text).join(' '),
      detail: addrs.join(' '),
      kind: 'namespace',
      range: span(keys[0], last && local(last) ? last : keys[keys.length - 1]),
      selectionRange: span(keys[0], keys[keys.length - 1]),
      children: b.directives.filter((d) => local(d.name)).map(directiveSymbol),
    });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
