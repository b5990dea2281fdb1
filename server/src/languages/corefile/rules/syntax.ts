// corefile/syntax: what coredns/caddy's parser rejects (braces, keys, imports, quotes).

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { findingAt, type RuleContext } from './context';

export const syntaxRule = defineRule({ id: 'corefile/syntax', language: 'corefile', defaultSeverity: 'error', title: 'Corefile syntax error' });

export function checkSyntax({ ast }: RuleContext): Finding[] {
  return ast.problems.map((p) => ({ ...findingAt(syntaxRule.id, p.token, p.message), ...(p.range ? { range: p.range } : {}), ...(p.severity ? { severity: p.severity } : {}) }));
}
