// Where a position is in the parse: which server block, directive and property it is in,
// and which token it touches. Shared by hover and completion.

import type { Position, Range } from '../../core/finding';
import { comparePositions } from '../../core/finding';
import type { Token } from './lexer';
import type { CorefileAst, Directive, Property, ServerBlock } from './parser';
import { tokenRange } from './parser';

export interface Located {
  block?: ServerBlock;
  /** The directive whose line or block holds the position. */
  directive?: Directive;
  /** The property (line inside the directive's block) holding the position. */
  property?: Property;
  token?: Token;
  /** The position is on one of the block's keys. */
  key?: Token;
  /** Inside the braces of `directive` (so a new line there is a property). */
  inDirectiveBlock: boolean;
}

const inside = (pos: Position, r: Range) => comparePositions(r.start, pos) <= 0 && comparePositions(pos, r.end) <= 0;

function after(pos: Position, t: Token): boolean {
  return comparePositions({ line: t.endLine, character: t.end }, pos) <= 0;
}

function before(pos: Position, t: Token | undefined): boolean {
  return t === undefined || comparePositions(pos, { line: t.line, character: t.start }) <= 0;
}

export function locate(ast: CorefileAst, pos: Position): Located {
  for (const block of ast.blocks) {
    const key = block.keys.find((k) => !(k as { uri?: string }).uri && inside(pos, tokenRange(k)));
    if (key) return { block, key, token: key, inDirectiveBlock: false };
    const start = block.open ?? block.keys[block.keys.length - 1];
    if (!start || !after(pos, start) || !before(pos, block.close)) continue;
    for (const d of block.directives) {
      if ((d.name as { uri?: string }).uri) continue;
      const onLine = [d.name, ...d.args].find((t) => inside(pos, tokenRange(t)));
      if (onLine) return { block, directive: d, token: onLine, inDirectiveBlock: false };
      if (d.block && after(pos, d.block.open) && before(pos, d.block.close)) {
        for (const p of d.block.properties) {
          const t = [p.name, ...p.args].find((x) => inside(pos, tokenRange(x)));
          if (t) return { block, directive: d, property: p, token: t, inDirectiveBlock: true };
          if (p.name.line === pos.line && after(pos, p.name)) return { block, directive: d, property: p, inDirectiveBlock: true };
        }
        return { block, directive: d, inDirectiveBlock: true };
      }
      if (d.name.line === pos.line && after(pos, d.name)) return { block, directive: d, inDirectiveBlock: false };
    }
    return { block, inDirectiveBlock: false };
  }
  return { inDirectiveBlock: false };
}
