// Outline: owners -> their records. Consecutive records of one owner form one entry (an
// owner that appears again later gets another entry, so children stay inside their parent).

import { range } from '../../core/finding';
import type { OutlineSymbol } from '../../core/languageService';
import type { ZoneAst, ZoneRecord } from './model';
import { relativeName } from './names';
import { tokenRange } from './ruleKit';

function recordSymbol(r: ZoneRecord): OutlineSymbol {
  const rdata = r.rdata.map((t) => t.text).join(' ');
  return {
    name: r.type,
    detail: rdata.length > 60 ? `${rdata.slice(0, 57)}…` : rdata,
    kind: r.type === 'SOA' ? 'module' : r.type === 'NS' ? 'namespace' : 'field',
    range: range(r.line, 0, r.endLine, r.endChar),
    selectionRange: tokenRange(r.typeToken),
  };
}

export function zoneSymbols(ast: ZoneAst): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  let current: { owner: string; symbol: OutlineSymbol } | undefined;
  for (const r of ast.records) {
    if (r.uri || r.generated) continue;
    const child = recordSymbol(r);
    if (current && current.owner === r.owner) {
      current.symbol.children!.push(child);
      current.symbol.range = { start: current.symbol.range.start, end: child.range.end };
      continue;
    }
    const name = relativeName(r.owner, ast.origin);
    current = {
      owner: r.owner,
      symbol: { name, detail: name === '@' ? r.owner : undefined, kind: 'object', range: child.range, selectionRange: r.ownerToken ? tokenRange(r.ownerToken) : child.selectionRange, children: [child] },
    };
    out.push(current.symbol);
  }
  for (const inc of ast.includes) {
    if (inc.directive.uri) continue;
    const d = inc.directive;
    out.push({ name: `$INCLUDE ${d.args[0]?.text ?? ''}`, kind: 'module', range: range(d.line, 0, d.endLine, (d.args.at(-1) ?? d.name).end), selectionRange: tokenRange(d.name) });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
