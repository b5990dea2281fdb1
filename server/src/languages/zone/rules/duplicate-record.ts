// zone/duplicate-record: the same record twice (same owner, type and data). Servers merge
// them silently, so the second line does nothing; often a copy-paste that was meant to be
// edited.

import type { Finding } from '../../../core/finding';
import { rdataKey } from '../recordKey';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, related, type ZoneIndex } from '../zoneIndex';

export const duplicateRecord = zoneRule('duplicate-record', 'warning', 'The same record twice');

export function checkDuplicateRecord(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const node of z.nodes.values()) {
    for (const [type, list] of node) {
      if (list.length < 2) continue;
      const seen = new Map<string, (typeof list)[number]>();
      for (const r of list) {
        const key = rdataKey(r);
        const first = seen.get(key);
        if (!first) seen.set(key, r);
        else if (!r.generated) out.push(recordFinding(duplicateRecord, r, ownerOrType(r), `Duplicate ${type} record: the same data is already at line ${first.line + 1}; servers merge them`, { tags: ['unnecessary'], related: [related(first, 'first copy')] }));
      }
    }
  }
  return out;
}
