// zone/spf-type: a record of type SPF (99). It is obsolete (RFC 7208 §3.1): receivers only
// read TXT. named-checkzone warns "found type SPF record but no SPF TXT record found, add
// matching type TXT record" when the TXT twin is missing.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import type { ZoneRecord } from '../model';
import { grow, IN_ZONE, recordFinding } from '../zoneIndex';

export const spfType = zoneRule('spf-type', 'warning', 'Obsolete SPF record type without a TXT twin');

/** strings.join('').startsWith(prefix), joining only as many strings as the prefix needs. */
export function joinedStartsWith(strings: string[], prefix: string): boolean {
  if (strings.length > 0 && strings[0].length >= prefix.length) return strings[0].startsWith(prefix);
  let head = '';
  for (let i = 0; i < strings.length && head.length < prefix.length; i++) head += strings[i];
  return head.startsWith(prefix);
}

export function checkSpfType(): ZoneCheck {
  const spf: ZoneRecord[] = [];
  /** Rows of in-zone TXT records that are SPF policies (their owners' ids are known at finish). */
  let txtRows = new Int32Array(256);
  let txtCount = 0;
  return {
    types: ['SPF', 'TXT'],
    record(r, row, z) {
      if (r.type === 'SPF') spf.push(r);
      else if (r.type === 'TXT' && z.flags[row] & IN_ZONE && Array.isArray(r.values?.[0]?.value) && joinedStartsWith(r.values![0].value as string[], 'v=spf1')) {
        txtRows = grow(txtRows, txtCount + 1);
        txtRows[txtCount++] = row;
      }
    },
    finish(z, out) {
      if (spf.length === 0) return;
      /** In-zone owners with a TXT record that is an SPF policy. */
      const txtSpf = new Set<number>();
      for (let k = 0; k < txtCount; k++) txtSpf.add(z.owner[txtRows[k]]);
      for (const r of spf) {
        if (txtSpf.has(z.idOf(r.owner))) continue;
        out.push(recordFinding(spfType, r, r.typeToken, 'Found type SPF record but no SPF TXT record: type SPF (99) is obsolete (RFC 7208 §3.1); publish the same policy as TXT'));
      }
    },
  };
}
