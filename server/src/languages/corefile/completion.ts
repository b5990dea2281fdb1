// Completion: plugin names at the start of a line in a server block, block properties inside
// a plugin's braces, and the allowed values of an enum property, from the plugin table.

import type { Position } from '../../core/finding';
import type { CompletionEntry } from '../../core/languageService';
import { pluginHover } from './hover';
import { locate } from './locate';
import type { CorefileAst } from './parser';
import { getPlugin, PLUGINS } from './plugins';

export function completeCorefile(ast: CorefileAst, pos: Position): CompletionEntry[] {
  const at = locate(ast, pos);
  if (!at.block) return [];
  const typingFirstWord = (first: { line: number; start: number; end: number; endLine: number } | undefined) =>
    !first || first.line !== pos.line || (pos.character >= first.start && pos.character <= first.end);
  if (at.inDirectiveBlock && at.directive) {
    const spec = getPlugin(at.directive.name.text);
    if (!spec) return [];
    if (!at.property || typingFirstWord(at.property.name)) {
      return Object.entries(spec.properties).map(([name, p]) => ({
        label: name,
        kind: 'property',
        detail: typeof p.args === 'string' ? `${name} ${p.args}` : p.enum ? `${name} ${p.enum.join('|')}` : name,
        documentation: p.notes ?? p.shape,
      }));
    }
    const p = spec.properties[at.property.name.text];
    const argIndex = at.property.args.filter((a) => a.endLine < pos.line || (a.line === pos.line && a.end < pos.character)).length;
    if (p?.enum && argIndex === 0) return p.enum.map((v) => ({ label: v, kind: 'enum', detail: `${spec.name} ${at.property!.name.text}` }));
    return [];
  }
  if (!at.directive || typingFirstWord(at.directive.name)) {
    return PLUGINS.map((spec) => ({
      label: spec.name,
      kind: 'module',
      detail: spec.summary,
      documentation: pluginHover(spec),
      sortText: String(spec.order).padStart(2, '0'),
    }));
  }
  return [];
}
