// zone/bad-rdata: the RDATA does not read as its type's fields (BIND's dns_rdata_fromtext
// errors: not a valid number, out of range, bad base64/hex, unexpected end of input, extra
// input text …). The zone does not load.

import { zoneRule } from '../ruleKit';

export const badRdata = zoneRule('bad-rdata', 'error', 'Record data does not match its type');
