// The rules CoreDNS's plugin setup code enforces. One plugin-check pass (setup/) produces
// findings of several kinds; each kind is its own rule with its own page and setting.

import type { Finding } from '../../../core/finding';
import { defineRule, type RuleMeta } from '../../../core/rules';
import { runSetupChecks, type SetupKind } from '../setup';
import { findingAt, type RuleContext } from './context';

export const argumentCount = defineRule({ id: 'corefile/argument-count', language: 'corefile', defaultSeverity: 'error', title: 'Wrong number of arguments for a plugin or property' });
export const invalidValue = defineRule({ id: 'corefile/invalid-value', language: 'corefile', defaultSeverity: 'error', title: 'Value CoreDNS rejects (range, duration, enum, address)' });
export const unknownProperty = defineRule({ id: 'corefile/unknown-property', language: 'corefile', defaultSeverity: 'error', title: 'Property the plugin does not know' });
export const conflictingOptions = defineRule({ id: 'corefile/conflicting-options', language: 'corefile', defaultSeverity: 'error', title: 'Options that cannot be used together (or one needs another)' });
export const oncePerBlock = defineRule({ id: 'corefile/once-per-block', language: 'corefile', defaultSeverity: 'error', title: 'Plugin used twice in a server block where CoreDNS allows it once' });
export const ignoredRepeat = defineRule({ id: 'corefile/ignored-repeat', language: 'corefile', defaultSeverity: 'warning', title: 'Repeated plugin that CoreDNS silently ignores' });
export const missingPlugin = defineRule({ id: 'corefile/missing-plugin', language: 'corefile', defaultSeverity: 'error', title: 'Plugin that needs another plugin in the same block' });

const RULE_BY_KIND: Record<SetupKind, RuleMeta> = {
  'argument-count': argumentCount,
  'invalid-value': invalidValue,
  'unknown-property': unknownProperty,
  'conflicting-options': conflictingOptions,
  'once-per-block': oncePerBlock,
  'ignored-repeat': ignoredRepeat,
  'missing-plugin': missingPlugin,
};

export const SETUP_RULES = Object.values(RULE_BY_KIND);

export function checkSetup({ ast }: RuleContext): Finding[] {
  return runSetupChecks(ast).map((f) =>
    findingAt(RULE_BY_KIND[f.kind].id, f.token, f.message, { ...(f.range ? { range: f.range } : {}), ...(f.severity ? { severity: f.severity } : {}), ...(f.fixes ? { fixes: f.fixes } : {}) }),
  );
}
