// zone/multiple-singleton: a second, different SOA, CNAME or DNAME at one owner.
// named-checkzone: "multiple RRs of singleton type" and the zone does not load.

import { type ZoneCheck, zoneRule } from '../ruleKit';

export const multipleSingleton = zoneRule('multiple-singleton', 'error', 'More than one SOA, CNAME or DNAME at a name');

export function checkMultipleSingleton(): ZoneCheck {
  return {
    node(n, z, out) {
      for (const type of ['SOA', 'CNAME', 'DNAME']) {
        const t = n.typeIndex(type);
        if (t < 0 || n.ends[t] - n.starts[t] < 2) continue;
        const first = n.rows[n.starts[t]];
        const seen = [first];
        for (let k = n.starts[t] + 1; k < n.ends[t]; k++) {
          const row = n.rows[k];
          if (seen.some((s) => z.sameRdata(s, row))) continue; // identical duplicates are merged (zone/duplicate-record)
          seen.push(row);
          out.push(z.finding(multipleSingleton, row, 'type', `${n.name.replace(/\.$/, '')}: multiple RRs of singleton type ${type}: only one ${type} may exist at a name`, { related: [z.related(first, `first ${type} here`)] }));
        }
      }
    },
  };
}
