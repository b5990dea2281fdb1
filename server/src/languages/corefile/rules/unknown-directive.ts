// corefile/unknown-directive: CoreDNS refuses to start on a directive no plugin registers
// ("Unknown directive 'X'"), so the whole server is down, not just this block.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { allDirectives, hasEnvPlaceholder, tokenRange } from '../parser';
import { isKnownPlugin, PLUGIN_NAMES } from '../plugins';
import { DECLARE_EXTERNAL_PLUGIN } from '../../../protocol';
import { findingAt, type RuleContext } from './context';

export const unknownDirective = defineRule({
  id: 'corefile/unknown-directive',
  language: 'corefile',
  defaultSeverity: 'error',
  title: 'Directive is not a CoreDNS plugin',
});

/** Plugins that were removed from CoreDNS, with what replaced them. */
const REMOVED: Record<string, string> = { proxy: 'forward' };

/** Plugin names of infraLens.coredns.externalPlugins ("unbound" or "unbound:<position>"). */
export function externalPluginNames(entries: string[]): Set<string> {
  return new Set(entries.map((e) => e.split(':')[0].trim()).filter((n) => n !== ''));
}

export function checkUnknownDirective({ ast, settings }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const external = externalPluginNames(settings.coredns.externalPlugins ?? []);
  for (const { directive: d } of allDirectives(ast)) {
    const name = d.name.text;
    if (isKnownPlugin(name) || external.has(name) || hasEnvPlaceholder(d.name) || name === '{') continue;
    const suggestion = REMOVED[name] ?? closestMatch(name, PLUGIN_NAMES);
    const why = REMOVED[name] ? ` '${name}' was removed in CoreDNS 1.5.0; use '${REMOVED[name]}'.` : suggestion ? ` Did you mean '${suggestion}'?` : '';
    const range = tokenRange(d.name);
    const fixes: Finding['fixes'] = suggestion && !d.importedBy ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : [];
    // A custom build (coredns/unbound, alternate, ocp_dnsnameresolver…) really has it: say so once, in the settings.
    if (/^[a-z][a-z0-9_]*$/.test(name) && !REMOVED[name]) fixes.push({ title: `Declare '${name}' as an external plugin`, edits: [], command: { command: DECLARE_EXTERNAL_PLUGIN, arguments: [name] } });
    findings.push(
      findingAt(unknownDirective.id, d.name, `Unknown directive '${name}': CoreDNS will not start.${why}${suggestion ? '' : ' If your CoreDNS build adds it, list it in infraLens.coredns.externalPlugins.'}`, {
        fixes: fixes.length ? fixes : undefined,
      }),
    );
  }
  return findings;
}
