// zone/soa-serial: an SOA serial that is not in the YYYYMMDDnn convention with a plausible
// date (1990 up to tomorrow). Not an error (any u32 is valid), but a date in the future or a
// serial that merely counts makes "bump the serial" mistakes easy to miss.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding } from '../zoneIndex';

export const soaSerial = zoneRule('soa-serial', 'information', 'SOA serial not in the YYYYMMDDnn convention');

export function serialDateProblem(serial: number, now = new Date()): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(String(serial));
  if (!m) return `is not in the YYYYMMDDnn convention`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = Date.UTC(y, mo - 1, d);
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31 || new Date(date).getUTCDate() !== d) return `reads as YYYYMMDDnn but ${m[1]}-${m[2]}-${m[3]} is not a date`;
  if (date > now.getTime() + 86400000) return `is dated ${m[1]}-${m[2]}-${m[3]}, in the future: later bumps by date will not increase it`;
  return undefined;
}

export function checkSoaSerial(): ZoneCheck {
  return {
    finish(z, out) {
      for (const r of z.apexRrset('SOA')) {
        const v = r.values?.[2];
        if (!v) continue;
        const problem = serialDateProblem(v.value as number);
        if (problem) out.push(recordFinding(soaSerial, r, v.tokens[0], `SOA serial ${v.value} ${problem} (RFC 1912 §2.2 suggests YYYYMMDDnn)`));
      }
    },
  };
}
