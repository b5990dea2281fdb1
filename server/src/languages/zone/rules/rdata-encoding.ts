// zone/rdata-encoding: the RDATA reads as its type's fields, but dns-packet (our wire
// codec) cannot encode it: for example an SSHFP fingerprint of an unassigned type that
// dns-packet refuses. named-checkzone accepts these (it checks the SHA-1/SHA-256 lengths
// itself, and those are syntax errors); the record is still wrong for anyone who checks.

import type { ZoneRecord } from '../model';
import { rdataKey } from '../recordKey';
import { encodeError } from '../roundTrip';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding } from '../zoneIndex';

export const rdataEncoding = zoneRule('rdata-encoding', 'warning', 'Record data cannot be encoded in wire format');

/** Types where dns-packet checks something our reader does not (lengths per algorithm, etc.). */
const ENCODE_CAN_FAIL = new Set(['SSHFP', 'DS', 'DNSKEY', 'TLSA', 'CAA', 'NAPTR']);

/** The encoder's verdict depends only on the type and the data: big zones repeat both. */
const verdicts = new Map<string, string | undefined>();
function cachedEncodeError(r: ZoneRecord): string | undefined {
  // The same data as the record before (a big zone repeats its CAA records): no key made.
  if (last && last.type === r.type && sameValues(last.values, r.values)) return last.error;
  const error = encodeErrorByKey(r);
  last = r.values ? { type: r.type, values: r.values.map((v) => v.value), error } : undefined;
  return error;
}

/** The last record's type, values and verdict. */
let last: { type: string; values: unknown[]; error: string | undefined } | undefined;

/** The values are the same strings, numbers or octets (anything else: not known to be the same). */
function sameValues(a: unknown[], b: ZoneRecord['values']): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i].value;
    if (x === y && (typeof x === 'string' || typeof x === 'number')) continue;
    if (x instanceof Uint8Array && y instanceof Uint8Array && Buffer.compare(x, y) === 0) continue;
    return false;
  }
  return true;
}

function encodeErrorByKey(r: ZoneRecord): string | undefined {
  const key = `${r.type}\u0000${rdataKey(r)}`;
  if (verdicts.has(key)) return verdicts.get(key);
  const error = encodeError(r);
  if (verdicts.size >= 4096) verdicts.clear();
  verdicts.set(key, error);
  return error;
}

export function checkRdataEncoding(): ZoneCheck {
  return {
    types: [...ENCODE_CAN_FAIL],
    record(r, _row, _z, out) {
      // Types whose fields our reader already bounds exactly cannot fail to encode.
      if (!ENCODE_CAN_FAIL.has(r.type)) return;
      const error = cachedEncodeError(r);
      if (!error) return;
      out.push(recordFinding(rdataEncoding, r, r.rdata[r.rdata.length - 1] ?? r.typeToken, `${r.type} record cannot be encoded in wire format (dns-packet: ${error})`));
    },
  };
}
