// zone/non-terminal-wildcard: a `*` label that is not the leftmost label (foo.*.example.com).
// RFC 4592 makes it a literal `*`, not a wildcard. named-checkzone warns "ownername
// 'foo.*.example.com' contains an non-terminal wildcard" (-W warn).

import type { Finding } from '../../../core/finding';
import { splitLabels } from '../names';
import { zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding, type ZoneIndex } from '../zoneIndex';

export const nonTerminalWildcard = zoneRule('non-terminal-wildcard', 'warning', 'Wildcard label that is not leftmost');

export function checkNonTerminalWildcard(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of z.ast.records) {
    if (!r.owner.includes('*') || seen.has(r.owner)) continue;
    const labels = splitLabels(r.owner);
    if (labels.slice(1).includes('*')) {
      seen.add(r.owner);
      out.push(recordFinding(nonTerminalWildcard, r, ownerOrType(r), `Owner name '${r.owner.replace(/\.$/, '')}' contains a non-terminal wildcard: only a leftmost '*' is a wildcard (RFC 4592)`));
    }
  }
  return out;
}
