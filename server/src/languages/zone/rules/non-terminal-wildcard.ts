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
    record(r, _row, z, out) {
      // An owner written relative to the apex has a '*' only in its text or the apex.
      const label = z.ownerLabel;
      if (label !== undefined ? label.indexOf('*') < 0 && z.origin.indexOf('*') < 0 : !r.owner.includes('*')) return;
      if (seen.has(r.owner)) return;
      const labels = splitLabels(r.owner);
      if (labels.slice(1).includes('*')) {
        seen.add(r.owner);
        out.push(recordFinding(nonTerminalWildcard, r, ownerOrType(r), `Owner name '${r.owner.replace(/\.$/, '')}' contains a non-terminal wildcard: only a leftmost '*' is a wildcard (RFC 4592)`));
      }
    },
  };
}
