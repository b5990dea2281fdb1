// zone/caa-tag: a CAA record CAs will not read as intended (RFC 8659): an unknown tag
// (ignored, or with the critical flag 128 it forbids all issuance), flags other than 0 or
// 128, an issue/issuewild value that is not "ca-domain[; key=value]" or ";", an iodef that
// is not a mailto:/https: URI.

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding } from '../zoneIndex';

export const caaTag = zoneRule('caa-tag', 'warning', 'CAA tag, flags or value problem');

const KNOWN_TAGS = new Set(['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc']);

export function checkCaaTag(): ZoneCheck {
  return {
    types: ['CAA'],
    record(r, _row, _z, out) {
      if (r.type !== 'CAA' || !r.values) return;
      const [flags, tag, value] = r.values;
      const t = String(tag.value).toLowerCase();
      const v = String(value.value);
      if (!KNOWN_TAGS.has(t)) {
        const critical = ((flags.value as number) & 128) !== 0;
        out.push(recordFinding(caaTag, r, tag.tokens[0], critical ? `Unknown CAA tag '${tag.value}' with the critical flag: CAs must refuse to issue any certificate for this name` : `Unknown CAA tag '${tag.value}' (known: ${[...KNOWN_TAGS].join(', ')}); CAs ignore it`));
      } else if (tag.value !== t) {
        out.push(recordFinding(caaTag, r, tag.tokens[0], `CAA tag '${tag.value}': tags are matched case-insensitively by most CAs, but RFC 8659 writes them in lower case`));
      }
      if (flags.value !== 0 && flags.value !== 128) out.push(recordFinding(caaTag, r, flags.tokens[0], `CAA flags ${flags.value}: only 0 and 128 (critical) are defined`, { severity: 'information' }));
      if ((t === 'issue' || t === 'issuewild') && !/^\s*(;.*|[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9](\s*;\s*([A-Za-z0-9]+=[\x21-\x3a\x3c-\x7e]*)?)*)?\s*$/.test(v)) {
        out.push(recordFinding(caaTag, r, value.tokens[0], `CAA ${t} value '${v}' is not "ca-domain[; key=value]" or ";" (RFC 8659 §4.2)`));
      }
      if (t === 'iodef' && !/^(mailto:|https?:)/i.test(v)) out.push(recordFinding(caaTag, r, value.tokens[0], `CAA iodef '${v}' must be a mailto: or https: URI`));
    },
  };
}
