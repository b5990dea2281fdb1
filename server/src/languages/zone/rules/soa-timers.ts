// zone/soa-timers: SOA timers that make the zone misbehave are warnings: a retry longer than
// refresh (a failed refresh is retried later than a good one repeats: the fields look
// swapped), an expire shorter than refresh + retry (secondaries that do not clamp it, like
// Knot and NSD, drop the zone before they have tried again; BIND raises it to refresh +
// retry), and a negative-caching TTL over one day (RFC 2308 §5: "values exceeding one day
// have been found to be problematic"). Resolvers cache negative answers for the smaller of
// the SOA minimum and the SOA record's TTL (RFC 2308 §5), so that smaller value is compared.
// Information only, because the zone loads and works everywhere: a negative TTL of 3 hours
// to a day (over RFC 2308's "one to three hours", but BIND's resolver caps it at
// max-ncache-ttl, 3 h by default, and the IANA root zone itself uses a day), a minimum above
// the SOA TTL (the field does not do what it says), a refresh under a minute (BIND clamps it
// to min-refresh-time, 300 s; test zones write 0 0 0 0 0), and the RFC 1912 §2.2 ranges.

import type { Finding } from '../../../core/finding';
import { humanTtl } from '../hover';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const soaTimers = zoneRule('soa-timers', 'warning', 'SOA timers that make secondaries or caches misbehave');

/** RFC 2308 §5: one to three hours work well as a negative-caching TTL ... */
const ADVISED_NEGATIVE_TTL = 3 * 3600;
/** ... and "values exceeding one day have been found to be problematic". */
const PROBLEMATIC_NEGATIVE_TTL = 86400;

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

    if (refresh < 60) advise(3, `SOA refresh ${t(refresh)}: secondaries would poll the primary for the serial more than once a minute (BIND's secondaries raise it to min-refresh-time, 300 s by default; Knot's poll every ${Math.max(refresh, 2)} s)`);
    else if (refresh < 1200 || refresh > 43200) advise(3, `SOA refresh ${t(refresh)} is outside the 20 minutes to 12 hours RFC 1912 §2.2 advises`);

    if (retry > refresh) warn(4, `SOA retry ${t(retry)} is longer than refresh ${t(refresh)}: a secondary whose refresh failed would wait longer to try again than it waits between successful checks`);
    else if (retry === refresh && refresh > 0) advise(4, `SOA retry ${t(retry)} equals refresh: after a failed refresh a secondary tries again no sooner than usual; RFC 1912 §2.2 advises a shorter retry`);

    if (expire < refresh + retry) warn(5, `SOA expire ${t(expire)} is shorter than refresh + retry (${t(refresh + retry)}): a secondary can stop serving the zone before it has retried a failed refresh`);
    else if (expire < 1209600 || expire > 2419200) advise(5, `SOA expire ${t(expire)} is outside the 2 to 4 weeks RFC 1912 §2.2 advises`);

    const negativeTtl = Math.min(minimum, r.ttl);
    const which = minimum <= r.ttl ? `SOA minimum ${t(minimum)}` : `SOA minimum ${t(minimum)} and the SOA TTL ${t(r.ttl)}`;
    if (negativeTtl > PROBLEMATIC_NEGATIVE_TTL) {
      warn(6, `${which} make a negative-caching TTL of ${t(negativeTtl)}: a name added later stays NXDOMAIN in resolvers' caches that long; RFC 2308 §5 finds values over one day problematic and advises 1-3 hours`);
    } else if (negativeTtl > ADVISED_NEGATIVE_TTL) {
      advise(6, `${which} make a negative-caching TTL of ${t(negativeTtl)}, over the 1-3 hours RFC 2308 §5 advises (BIND's resolvers cap it at max-ncache-ttl, 3 hours by default)`);
    } else if (minimum > r.ttl) {
      advise(6, `SOA minimum ${t(minimum)} is longer than the SOA record's TTL ${t(r.ttl)}: resolvers cache negative answers for the smaller of the two (RFC 2308 §5), ${t(r.ttl)}`);
    }
  }
  return out;
}
