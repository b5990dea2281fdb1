// A bug in one rule must not hide every other finding. Each language declares an
// "<language>/internal-error" rule; a check (or a whole parse) that throws becomes one such
// finding naming what failed, and the other checks still run.

import type { Finding } from './finding';
import { defineRule, type LanguageId, type RuleMeta } from './rules';

function internalErrorRule(language: LanguageId): RuleMeta {
  return defineRule({ id: `${language}/internal-error`, language, defaultSeverity: 'warning', title: 'Infra Lens failed while checking this document (a bug: please report it)' });
}

export const INTERNAL_ERROR_RULES: Record<LanguageId, RuleMeta> = {
  corefile: internalErrorRule('corefile'),
  resolvconf: internalErrorRule('resolvconf'),
  zone: internalErrorRule('zone'),
  k8s: internalErrorRule('k8s'),
};

/** One line describing the error; never the stack (it names our files, not the user's). */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function internalErrorFinding(language: LanguageId, what: string, error: unknown): Finding {
  return {
    ruleId: INTERNAL_ERROR_RULES[language].id,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `Internal error in ${what} (${describe(error)}); the other checks still ran. Please report this with the file that caused it.`,
  };
}

/** A check's name for the message: its function name without the "check" prefix. */
export function checkName(check: { name: string }, index: number): string {
  const name = check.name.replace(/^check/, '');
  return name ? `check ${name}` : `check #${index + 1}`;
}

/**
 * Runs every check; one that throws becomes an internal-error finding instead. A check may
 * return its findings or push them into `ctx` itself (then only internal errors come back).
 */
export function runContained<C>(language: LanguageId, checks: ReadonlyArray<(ctx: C) => Finding[] | void>, ctx: C): Finding[] {
  const out: Finding[] = [];
  checks.forEach((check, index) => {
    try {
      // No push(...found): a huge list would overflow the call stack.
      for (const f of check(ctx) ?? []) out.push(f);
    } catch (error) {
      out.push(internalErrorFinding(language, checkName(check, index), error));
    }
  });
  return out;
}
