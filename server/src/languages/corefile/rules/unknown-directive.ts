// corefile/unknown-directive: CoreDNS refuses to start on a directive no plugin registers
// ("Unknown directive 'X'"), so the whole server is down, not just this block.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import type { CorefileAst } from '../parser';
import { isKnownPlugin, PLUGIN_NAMES } from '../plugins';

export const unknownDirective = defineRule({
  id: 'corefile/unknown-directive',
  language: 'corefile',
  defaultSeverity: 'error',
  title: 'Directive is not a CoreDNS plugin',
});

/** Directives the Caddyfile layer handles itself rather than a plugin. */
const BUILT_IN = new Set(['import']);

export function checkUnknownDirective(ast: CorefileAst): Finding[] {
  const findings: Finding[] = [];
  for (const block of ast.blocks) {
    for (const d of block.directives) {
      const name = d.name.text;
      if (d.name.quoted || isKnownPlugin(name) || BUILT_IN.has(name) || name === '}' || name === '{') continue;
      const suggestion = closestMatch(name, PLUGIN_NAMES);
      const range = lineRange(d.name.line, d.name.start, d.name.end);
      findings.push({
        ruleId: unknownDirective.id,
        range,
        message: `Unknown directive '${name}': CoreDNS will not start.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  }
  return findings;
}
