// zone/ttl-range: a TTL under 60 s (every resolver asks again almost every query) or over a
// week (a mistake cannot be undone for that long) on an ordinary record or $TTL.

import { humanTtl } from '../hover';
import { type ZoneCheck, zoneRule, tokenRange } from '../ruleKit';
import { readTtl } from '../values';

export const ttlRange = zoneRule('ttl-range', 'information', 'Very low or very high TTL');

const LOW = 60;
const HIGH = 604800;

function problem(ttl: number): string | undefined {
  if (ttl < LOW) return `TTL ${ttl} s is very low: resolvers will ask again almost every time (at least ${LOW} s is usual)`;
  if (ttl > HIGH) return `TTL ${ttl} s (${humanTtl(ttl)}) is over a week: a wrong record would stay cached that long`;
  return undefined;
}

export function checkTtlRange(): ZoneCheck {
  return {
    record(r, _row, _z, out) {
      if (!r.ttlToken || r.generated || r.type === 'SOA' || r.type === 'RRSIG') return;
      // In range: no finding whatever the token says (a TTL over 2^31-1 became 0, below LOW).
      if (r.ttl >= LOW && r.ttl <= HIGH) return;
      const raw = readTtl(r.ttlToken.text).value;
      if (raw === undefined || raw > 0x7fffffff) return; // zone/ttl-too-large's
      const p = problem(r.ttl);
      if (p) out.push({ ruleId: ttlRange.id, range: tokenRange(r.ttlToken), message: p, ...(r.uri ? { uri: r.uri } : {}) });
    },
    finish(z, out) {
      // $TTL findings first, then the records' (the directives are complete only now).
      const records = out.splice(0, out.length);
      for (const d of z.ast.directives) {
        if (d.uri || d.name.text.toUpperCase() !== '$TTL' || !d.args[0]) continue;
        const v = readTtl(d.args[0].text).value;
        const p = v !== undefined && v <= 0x7fffffff ? problem(v) : undefined;
        if (p) out.push({ ruleId: ttlRange.id, range: tokenRange(d.args[0]), message: `$TTL: ${p}` });
      }
      for (const f of records) out.push(f);
    },
  };
}
