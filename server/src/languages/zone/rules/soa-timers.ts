// zone/soa-timers: SOA refresh/retry/expire/minimum outside the ranges RFC 1912 §2.2 and
// Zonemaster (ZONE02-06) recommend: refresh 1200-43200 s, retry below refresh, expire
// 1209600-2419200 s (2-4 weeks) and at least refresh + retry, minimum (negative caching,
// RFC 2308) at most 86400 s.

import type { Finding } from '../../../core/finding';
import { humanTtl } from '../hover';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const soaTimers = zoneRule('soa-timers', 'information', 'SOA timers outside RFC 1912 advice');

export function checkSoaTimers(): ZoneCheck {
  return {
    finish(z, out) {
      for (const f of findSoaTimers(z)) out.push(f);
    },
  };
}

function findSoaTimers(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.apexRrset('SOA')) {
    const v = r.values;
    if (!v || v.length < 7) continue;
    const [refresh, retry, expire, minimum] = [3, 4, 5, 6].map((i) => v[i].value as number);
    const at = (i: number, message: string) => out.push(recordFinding(soaTimers, r, v[i].tokens[0], message));
    const t = (n: number) => `${n} s (${humanTtl(n)})`;
    if (refresh < 1200 || refresh > 43200) at(3, `SOA refresh ${t(refresh)} is outside 1200-43200 s (20 minutes to 12 hours, RFC 1912 §2.2)`);
    if (retry >= refresh) at(4, `SOA retry ${t(retry)} should be shorter than refresh ${t(refresh)}`);
    if (expire < 1209600 || expire > 2419200) at(5, `SOA expire ${t(expire)} is outside 1209600-2419200 s (2-4 weeks, RFC 1912 §2.2)`);
    else if (expire < refresh + retry) at(5, `SOA expire ${t(expire)} is shorter than refresh + retry`);
    if (minimum > 86400) at(6, `SOA minimum ${t(minimum)} caches negative answers for more than a day (RFC 2308 §5 advises at most 86400 s)`);
  }
  return out;
}
