// zone/soa-timers: SOA timers that make the zone misbehave are warnings: a retry longer than
// refresh (a failed refresh is retried later than a good one repeats), an expire shorter than
// refresh + retry (secondaries drop the zone before they have tried again), a negative-
// caching TTL over 3 hours (RFC 2308 §5: new names stay NXDOMAIN in caches that long), and a
// refresh under a minute (secondaries poll the primary constantly). Resolvers cache negative
// answers for the smaller of the SOA minimum and the SOA record's TTL (RFC 2308 §5), so that
// smaller value is the one compared with 3 hours; a minimum above the SOA TTL is reported as
// information (the field does not do what it says, but nothing breaks), and so are the RFC
// 1912 §2.2 ranges (refresh 20 min-12 h, expire 2-4 weeks): named, Knot and NSD load and
// serve such zones and they work.

import type { Finding } from '../../../core/finding';
import { humanTtl } from '../hover';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const soaTimers = zoneRule('soa-timers', 'warning', 'SOA timers that make secondaries or caches misbehave');

/** RFC 2308 §5: negative answers should be cached for one to three hours. */
const MAX_NEGATIVE_TTL = 3 * 3600;

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
    const warn = (i: number, message: string) => out.push(recordFinding(soaTimers, r, v[i].tokens[0], message));
    const advise = (i: number, message: string) => out.push(recordFinding(soaTimers, r, v[i].tokens[0], message, { severity: 'information' }));
    const t = (n: number) => `${n} s (${humanTtl(n)})`;

    if (refresh < 60) warn(3, `SOA refresh ${t(refresh)}: secondaries would poll the primary for the serial more than once a minute`);
    else if (refresh < 1200 || refresh > 43200) advise(3, `SOA refresh ${t(refresh)} is outside the 20 minutes to 12 hours RFC 1912 §2.2 advises`);

    if (retry > refresh) warn(4, `SOA retry ${t(retry)} is longer than refresh ${t(refresh)}: a secondary whose refresh failed would wait longer to try again than it waits between successful checks`);
    else if (retry === refresh && refresh > 0) advise(4, `SOA retry ${t(retry)} equals refresh: after a failed refresh a secondary tries again no sooner than usual; RFC 1912 §2.2 advises a shorter retry`);

    if (expire < refresh + retry) warn(5, `SOA expire ${t(expire)} is shorter than refresh + retry (${t(refresh + retry)}): a secondary can stop serving the zone before it has retried a failed refresh`);
    else if (expire < 1209600 || expire > 2419200) advise(5, `SOA expire ${t(expire)} is outside the 2 to 4 weeks RFC 1912 §2.2 advises`);

    const negativeTtl = Math.min(minimum, r.ttl);
    if (negativeTtl > MAX_NEGATIVE_TTL) {
      const which = minimum <= r.ttl ? `SOA minimum ${t(minimum)}` : `SOA minimum ${t(minimum)} and the SOA TTL ${t(r.ttl)}`;
      warn(6, `${which} make a negative-caching TTL of ${t(negativeTtl)} (RFC 2308): a name added later stays NXDOMAIN in resolvers' caches that long; RFC 2308 §5 advises 1-3 hours`);
    } else if (minimum > r.ttl) {
      advise(6, `SOA minimum ${t(minimum)} is longer than the SOA record's TTL ${t(r.ttl)}: resolvers cache negative answers for the smaller of the two (RFC 2308 §5), ${t(r.ttl)}`);
    }
  }
  return out;
}
