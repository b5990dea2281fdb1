// zone/rdata-encoding: the RDATA reads as its type's fields, but dns-packet (our wire
// codec) cannot encode it: for example an SSHFP fingerprint of an unassigned type that
// dns-packet refuses. named-checkzone accepts these (it checks the SHA-1/SHA-256 lengths
// itself, and those are syntax errors); the record is still wrong for anyone who checks.

import type { Finding } from '../../../core/finding';
import { encodeError } from '../roundTrip';
import { zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const rdataEncoding = zoneRule('rdata-encoding', 'warning', 'Record data cannot be encoded in wire format');

/** Types where dns-packet checks something our reader does not (lengths per algorithm, etc.). */
const ENCODE_CAN_FAIL = new Set(['SSHFP', 'DS', 'DNSKEY', 'TLSA', 'CAA', 'NAPTR']);

export function checkRdataEncoding(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of z.ast.records) {
    // Types whose fields our reader already bounds exactly cannot fail to encode.
    if (!ENCODE_CAN_FAIL.has(r.type)) continue;
    const error = encodeError(r);
    if (!error) continue;
    out.push(recordFinding(rdataEncoding, r, r.rdata[r.rdata.length - 1] ?? r.typeToken, `${r.type} record cannot be encoded in wire format (dns-packet: ${error})`));
  }
  return out;
}
