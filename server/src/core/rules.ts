// The rule registry. A rule id ("zone/bad-ipv4") is the one name for a rule: diagnostic
// code, doc page docs/rules/<id>.md, setting key, suppression comment and SARIF ruleId.

import type { Severity } from './finding';

export type LanguageId = 'corefile' | 'resolvconf' | 'zone' | 'k8s';

export interface RuleMeta {
  id: string;
  language: LanguageId;
  defaultSeverity: Severity;
  /** One line, shown in SARIF and rule listings. */
  title: string;
}

const registry = new Map<string, RuleMeta>();

/** Declares a rule; every language module declares its rules once at load time. */
export function defineRule(meta: RuleMeta): RuleMeta {
  const existing = registry.get(meta.id);
  if (existing && existing !== meta) throw new Error(`rule ${meta.id} is defined twice`);
  if (!meta.id.startsWith(`${meta.language}/`)) throw new Error(`rule ${meta.id} must start with "${meta.language}/"`);
  registry.set(meta.id, meta);
  return meta;
}

export function getRule(id: string): RuleMeta | undefined {
  return registry.get(id);
}

export function allRules(): RuleMeta[] {
  // Code-unit order, not localeCompare: ids are ASCII, and the collator's set-up alone was
  // ~8 ms of a CLI run.
  return [...registry.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Relative path of a rule's documentation page inside the package. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
