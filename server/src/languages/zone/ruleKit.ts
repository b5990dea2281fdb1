// Shared by the zone rules: declaring a rule and building its findings at a token.

import type { Finding, Range, Severity } from '../../core/finding';
import { lineRange } from '../../core/finding';
import { defineRule, type RuleMeta } from '../../core/rules';
import type { Token } from './lexer';
import type { ZoneRecord } from './model';
import type { NodeView, ZoneIndex } from './zoneIndex';

export function zoneRule(id: string, defaultSeverity: Severity, title: string): RuleMeta {
  return defineRule({ id: `zone/${id}`, language: 'zone', defaultSeverity, title });
}

export function tokenRange(t: Pick<Token, 'line' | 'start' | 'end'>): Range {
  return lineRange(t.line, t.start, t.end);
}

export function findingAt(rule: RuleMeta, t: Pick<Token, 'line' | 'start' | 'end'>, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, range: tokenRange(t), message, ...extra };
}

/**
 * A zone-level check as visitors of the one walk over the zone (index.ts runs them): `record`
 * for every record in file order (the apex is known by then; name ids are not: the index's
 * owner/target columns are read from `node` and `finish` on), `node` for every in-zone owner
 * with its records by type, `finish` once at the end with the whole index. Each check pushes
 * its findings to its own `out`. A factory makes one per lint, so checks may keep state.
 */
export interface ZoneCheck {
  /**
   * The only types `record` can report on: the walk calls it for records of these types
   * alone (a big zone's A records then skip the TXT and CAA checks). Absent: every record.
   */
  types?: readonly string[];
  record?(r: ZoneRecord, row: number, z: ZoneIndex, out: Finding[]): void;
  node?(n: NodeView, z: ZoneIndex, out: Finding[]): void;
  /**
   * `node` is called for owners with a single in-zone record only when a check has this and
   * it answers true (asked once, when the node walk starts): most checks of a node compare
   * its records, and a big zone's owners mostly hold one.
   */
  singleRecordNodes?(): boolean;
  finish?(z: ZoneIndex, out: Finding[]): void;
}
