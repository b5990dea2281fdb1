// corefile/unknown-directive: CoreDNS refuses to start on a directive no plugin registers
// ("Unknown directive 'X'"), so the whole server is down, not just this block.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { allDirectives, hasEnvPlaceholder, tokenRange } from '../parser';
import { isKnownPlugin, PLUGIN_NAMES } from '../plugins';
import { findingAt, type RuleContext } from './context';

export const unknownDirective = defineRule({
  id: 'corefile/unknown-directive',
  language: 'corefile',
  defaultSeverity: 'error',
  title: 'Directive is not a CoreDNS plugin',
});

/** Plugins that were removed from CoreDNS, with what replaced them. */
const REMOVED: Record<string, string> = { proxy: 'forward' };

export function checkUnknownDirective({ ast }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { directive: d } of allDirectives(ast)) {
    const name = d.name.text;
    if (isKnownPlugin(name) || hasEnvPlaceholder(d.name) || name === '{') continue;
    const suggestion = REMOVED[name] ?? closestMatch(name, PLUGIN_NAMES);
    const why = REMOVED[name] ? ` '${name}' was removed in CoreDNS 1.5.0; use '${REMOVED[name]}'.` : suggestion ? ` Did you mean '${suggestion}'?` : '';
    const range = tokenRange(d.name);
    findings.push(
      findingAt(unknownDirective.id, d.name, `Unknown directive '${name}': CoreDNS will not start.${why}`, {
        fixes: suggestion && !d.importedBy ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
      }),
    );
  }
  return findings;
}
