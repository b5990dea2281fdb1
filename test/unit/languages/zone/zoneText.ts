// Test helpers for zone rules: a clean zone to add lines to, and finding lookup by rule.

import type { Finding } from '../../../../server/src/core/finding';
import { lint } from '../../../helpers';

export const CLEAN_ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@    IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300',
  '@    IN NS  ns1',
  '@    IN NS  ns2',
  'ns1  IN A   192.0.2.1',
  'ns2  IN A   192.0.2.2',
].join('\n');

/** Lints the clean zone plus `extra` lines (the first extra line is line 7, 0-based). */
export function lintZone(extra: string, settings = {}): Promise<Finding[]> {
  return lint('zone', `${CLEAN_ZONE}\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}`, settings);
}

/** The text a finding's range covers (single-line ranges). */
export function rangeText(text: string, f: Finding): string {
  const line = text.split('\n')[f.range.start.line] ?? '';
  return line.slice(f.range.start.character, f.range.end.character);
}

export function zoneWith(extra: string): string {
  return `${CLEAN_ZONE}\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}`;
}
