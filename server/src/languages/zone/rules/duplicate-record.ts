// zone/duplicate-record: the same record twice (same owner, type and data). Servers merge
// them silently, so the second line does nothing; often a copy-paste that was meant to be
// edited.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { GENERATED } from '../zoneIndex';

export const duplicateRecord = zoneRule('duplicate-record', 'warning', 'The same record twice');

export function checkDuplicateRecord(): ZoneCheck {
  return {
    node(n, z, out) {
      for (let t = 0; t < n.size; t++) {
        if (n.ends[t] - n.starts[t] < 2) continue;
        const type = n.types[t];
        const seen = new Map<string, number>();
        for (let k = n.starts[t]; k < n.ends[t]; k++) {
          const row = n.rows[k];
          const key = z.rdataKey(row);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, row);
          else if (!(z.flags[row] & GENERATED)) out.push(z.finding(duplicateRecord, row, 'anchor', `Duplicate ${type} record: the same data is already at line ${z.line[first] + 1}; servers merge them`, { tags: ['unnecessary'], related: [z.related(first, 'first copy')] }));
        }
      }
    },
  };
}
