// The loaded zone as the semantic checks see it: records grouped by owner and type, with
// the apex, delegation points and DNAMEs. Built once per lint, linear in the records.

import type { Finding } from '../../core/finding';
import type { RuleMeta } from '../../core/rules';
import type { Token } from './lexer';
import type { ZoneAst, ZoneRecord } from './model';
import { isAtOrBelow, parentName } from './names';
import { tokenRange } from './ruleKit';

export class ZoneIndex {
  /** owner -> type -> records, in file order. */
  readonly nodes = new Map<string, Map<string, ZoneRecord[]>>();
  /** Names below the apex with NS records (delegation points). */
  readonly delegations = new Set<string>();
  readonly dnames = new Set<string>();

  constructor(readonly ast: ZoneAst) {
    for (const r of ast.records) {
      if (!isAtOrBelow(r.owner, ast.origin)) continue;
      const node = this.nodes.get(r.owner);
      if (!node) {
        // Most owners have one type: a one-entry Map is the cheapest node.
        this.nodes.set(r.owner, new Map([[r.type, [r]]]));
      } else {
        const list = node.get(r.type);
        if (list) list.push(r);
        else node.set(r.type, [r]);
      }
      if (r.type === 'NS' && r.owner !== ast.origin) this.delegations.add(r.owner);
      if (r.type === 'DNAME') this.dnames.add(r.owner);
    }
  }

  get origin(): string {
    return this.ast.origin;
  }

  rrset(owner: string, type: string): ZoneRecord[] {
    return this.nodes.get(owner)?.get(type) ?? [];
  }

  has(owner: string, type: string): boolean {
    return (this.nodes.get(owner)?.get(type)?.length ?? 0) > 0;
  }

  hasAddress(owner: string): boolean {
    return this.has(owner, 'A') || this.has(owner, 'AAAA');
  }

  inZone(name: string): boolean {
    return isAtOrBelow(name, this.origin);
  }

  /**
   * The closest delegation point or DNAME strictly above `name` (inside the zone), which
   * makes data at `name` occluded; undefined when there is none.
   */
  cutAbove(name: string): { name: string; kind: 'delegation' | 'DNAME' } | undefined {
    if (this.delegations.size === 0 && this.dnames.size === 0) return undefined;
    let cur = parentName(name);
    let found: { name: string; kind: 'delegation' | 'DNAME' } | undefined;
    while (cur && cur !== this.origin && isAtOrBelow(cur, this.origin)) {
      if (this.delegations.has(cur)) found = { name: cur, kind: 'delegation' };
      else if (this.dnames.has(cur)) found = { name: cur, kind: 'DNAME' };
      cur = parentName(cur);
    }
    if (!found && this.dnames.has(this.origin) && name !== this.origin) found = { name: this.origin, kind: 'DNAME' };
    return found;
  }
}

/** A finding on a token of a record, carrying the record's file when it was $INCLUDEd. */
export function recordFinding(rule: RuleMeta, record: ZoneRecord, token: Token, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, range: tokenRange(token), message, ...(record.uri ? { uri: record.uri } : {}), ...extra };
}

/** The token a record-level finding points at: the owner when written, else the type. */
export function ownerOrType(record: ZoneRecord): Token {
  return record.ownerToken ?? record.typeToken;
}

/** "example.com/MX" as named-checkzone names an RRset in its messages. */
export function rrsetLabel(record: ZoneRecord): string {
  return `${record.owner.replace(/\.$/, '') || '.'}/${record.type}`;
}

/** "file.zone:12" style location of a record for related-information messages. */
export function related(record: ZoneRecord, message: string): NonNullable<Finding['related']>[number] {
  return { ...(record.uri ? { uri: record.uri } : {}), range: tokenRange(ownerOrType(record)), message };
}
