// resolv.conf rules. Each names what the resolver will actually do with the line.

import type { Finding } from '../../core/finding';

import { defineRule } from '../../core/rules';
import { closestMatch } from '../../core/suggest';
import type { ResolvConfAst } from './parser';

/** Keywords glibc's res_init acts on (resolv/res_init.c); anything else is skipped. */
export const KEYWORDS = ['nameserver', 'domain', 'search', 'sortlist', 'options'] as const;

export const unknownKeyword = defineRule({
  id: 'resolvconf/unknown-keyword',
  language: 'resolvconf',
  defaultSeverity: 'warning',
  title: 'Line starts with a keyword the resolver ignores',
});

export function checkUnknownKeyword(ast: ResolvConfAst): Finding[] {
  const findings: Finding[] = [];
  for (const l of ast.lines) {
    const word = l.keyword.text;
    if (l.kind !== 'keyword' || (KEYWORDS as readonly string[]).includes(word)) continue;
    const suggestion = closestMatch(word, KEYWORDS);
    const range = l.keyword.range;
    findings.push({
      ruleId: unknownKeyword.id,
      range,
      message: `Unknown keyword '${word}': the resolver silently ignores this line.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
    });
  }
  return findings;
}
