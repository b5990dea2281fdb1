// Small manifest builders for the k8s rule tests.

import type { Finding } from '../../../../server/src/core/finding';
import type { Settings } from '../../../../server/src/core/settings';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { lint } from '../../../helpers';

/** A Pod whose spec is the given block (indented by two spaces under `spec:`). */
export function pod(spec: string, name = 'p'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${indent(spec, 2)}`;
}

export function indent(text: string, by: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(by)).replace(/\n?$/, '\n');
}

/** Findings of one rule only. */
export async function findingsOf(ruleId: string, text: string, settings: Partial<Settings> = {}): Promise<Finding[]> {
  return (await lint('k8s', text, settings)).filter((f) => f.ruleId === ruleId);
}

export function withVersion(version: string): Partial<Settings> {
  return { kubernetes: { ...DEFAULT_SETTINGS.kubernetes, version } };
}

/** The 1-based line a finding starts on. */
export const lineOf = (f: Finding) => f.range.start.line + 1;
