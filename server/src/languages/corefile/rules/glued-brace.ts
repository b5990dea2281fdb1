// corefile/glued-brace: "{" is structural only as a whole token, so "example.org:53{" is a
// key named "example.org:53{" and the block is read without braces (coredns#3164);
// "forward . 8.8.8.8{" makes "8.8.8.8{" an upstream and the block lines new directives.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import type { Token } from '../lexer';
import { findingAt, type RuleContext } from './context';

export const gluedBrace = defineRule({ id: 'corefile/glued-brace', language: 'corefile', defaultSeverity: 'warning', title: "'{' glued to the word before it" });

function glued(t: Token): boolean {
  return !t.quoted && t.text.length > 1 && t.text.endsWith('{') && !t.text.endsWith('{{');
}

export function checkGluedBrace({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const report = (t: Token, what: string) => {
    const at = { line: t.line, character: t.end - 1 };
    out.push(
      findingAt(gluedBrace.id, t, `'{' is glued to ${what} '${t.text.slice(0, -1)}': CoreDNS reads '${t.text}' as one word, not as the start of a block. Put a space before '{'.`, {
        fixes: [{ title: "Insert a space before '{'", edits: [{ range: { start: at, end: at }, newText: ' ' }], preferred: true }],
      }),
    );
  };
  for (const block of ast.blocks) {
    for (const k of block.keys) if (glued(k)) report(k, 'the server key');
    for (const d of block.directives) {
      const last = d.args[d.args.length - 1];
      if (last && glued(last)) report(last, `the last argument of ${d.name.text}`);
      else if (glued(d.name)) report(d.name, 'the directive');
    }
  }
  return out;
}
