// corefile/deprecated: options removed, ignored or deprecated by the target CoreDNS version
// (infraLens.coredns.version), or newer than it, from the corefile-migration table.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { optionStatus } from '../deprecations';
import { tokenRange } from '../parser';
import { findingAt, type RuleContext } from './context';

export const deprecatedRule = defineRule({ id: 'corefile/deprecated', language: 'corefile', defaultSeverity: 'warning', title: 'Option removed, ignored or not yet available in the target CoreDNS version' });

export function checkDeprecated({ ast, settings }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const version = settings.coredns.version;
  for (const block of ast.blocks) {
    for (const d of block.directives) {
      for (const p of d.block?.properties ?? []) {
        const st = optionStatus(d.name.text, p.name.text, version);
        if (!st) continue;
        const where = `${d.name.text} option '${p.name.text}'`;
        const fix = st.replacement ? [{ title: `Replace with '${st.replacement}'`, edits: [{ range: tokenRange(p.name), newText: st.replacement }], preferred: true }] : undefined;
        if (st.status === 'removed') out.push(findingAt(deprecatedRule.id, p.name, `${where} was removed in CoreDNS ${st.since}${st.replacement ? `; use '${st.replacement}'` : ''}: CoreDNS ${version} refuses to start`, { severity: 'error', fixes: fix, tags: ['deprecated'] }));
        else if (st.status === 'ignored') out.push(findingAt(deprecatedRule.id, p.name, `${where} is ignored since CoreDNS ${st.since}: it has no effect`, { fixes: fix, tags: ['unnecessary'] }));
        else if (st.status === 'deprecated') out.push(findingAt(deprecatedRule.id, p.name, `${where} is deprecated since CoreDNS ${st.since}`, { fixes: fix, tags: ['deprecated'] }));
        else out.push(findingAt(deprecatedRule.id, p.name, `${where} first appears in CoreDNS ${st.since}; the target version (infraLens.coredns.version) is ${version}`));
      }
    }
  }
  return out;
}
