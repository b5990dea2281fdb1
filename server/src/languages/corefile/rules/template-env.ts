// corefile/template-env: "{{$x}}" in a template is eaten by CoreDNS's environment
// substitution ({$x} is an env var, replaced before the template is compiled); write
// "{{ $x }}".

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { findingAt, type RuleContext } from './context';

export const templateEnv = defineRule({ id: 'corefile/template-env', language: 'corefile', defaultSeverity: 'warning', title: 'Go template variable taken as an environment variable' });

export function checkTemplateEnv({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    for (const d of block.directives) {
      // Most directives have no '{{$' at all: look before building anything.
      const lines = [d.args, ...(d.block?.properties ?? []).map((p) => p.args)];
      if (!lines.some((args) => args.some((t) => t.text.includes('{{$')))) continue;
      for (const t of lines.flat()) {
        const at = t.text.indexOf('{{$');
        if (at < 0 || !/\{\{\$[^}]+\}/.test(t.text)) continue;
        const simple = t.line === t.endLine && !t.text.includes('"') && !t.text.includes('\\');
        const column = t.start + (t.quoted ? 1 : 0) + at + 2;
        out.push(
          findingAt(templateEnv.id, t, `'{{$' here: CoreDNS replaces '{$…}' with an environment variable before ${d.name.text} sees it, so the template breaks. Write '{{ $…' with a space.`, {
            fixes: simple && !(t as { importedBy?: unknown }).importedBy ? [{ title: "Insert a space after '{{'", edits: [{ range: { start: { line: t.line, character: column }, end: { line: t.line, character: column } }, newText: ' ' }], preferred: true }] : undefined,
          }),
        );
      }
    }
  }
  return out;
}
