// Shared by the zone rules: declaring a rule and building its findings at a token.

import type { Finding, Range, Severity } from '../../core/finding';
import { lineRange } from '../../core/finding';
import { defineRule, type RuleMeta } from '../../core/rules';
import type { Token } from './lexer';

export function zoneRule(id: string, defaultSeverity: Severity, title: string): RuleMeta {
  return defineRule({ id: `zone/${id}`, language: 'zone', defaultSeverity, title });
}

export function tokenRange(t: Pick<Token, 'line' | 'start' | 'end'>): Range {
  return lineRange(t.line, t.start, t.end);
}

export function findingAt(rule: RuleMeta, t: Pick<Token, 'line' | 'start' | 'end'>, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, range: tokenRange(t), message, ...extra };
}
