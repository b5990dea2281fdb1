// zone/non-terminal-wildcard: a `*` label that is not the leftmost label (foo.*.example.com).
// RFC 4592 makes it a literal `*`, not a wildcard. named-checkzone warns "ownername
// 'foo.*.example.com' contains an non-terminal wildcard" (-W warn).

import { splitLabels } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { ownerOrType, recordFinding } from '../zoneIndex';

export const nonTerminalWildcard = zoneRule('non-terminal-wildcard', 'warning', 'Wildcard label that is not leftmost');

export function checkNonTerminalWildcard(): ZoneCheck {
  const seen = new Set<string>();
  return {
    record(r, _row, _z, out) {
      if (!r.owner.includes('*') || seen.has(r.owner)) return;
      const labels = splitLabels(r.owner);
      if (labels.slice(1).includes('*')) {
        seen.add(r.owner);
        out.push(recordFinding(nonTerminalWildcard, r, ownerOrType(r), `Owner name '${r.owner.replace(/\.$/, '')}' contains a non-terminal wildcard: only a leftmost '*' is a wildcard (RFC 4592)`));
      }
    },
  };
}
