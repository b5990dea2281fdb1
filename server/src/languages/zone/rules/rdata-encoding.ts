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
