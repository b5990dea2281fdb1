// zone/bad-ipv4: named-checkzone rejects an A record (or an L32 locator) whose RDATA is not
// a dotted quad ("bad dotted quad"), and the zone does not load. The check itself is the
// `ipv4` field kind of the record-type table (rdata.ts).

import { zoneRule } from '../ruleKit';

export { isDottedQuad } from '../values';

export const badIpv4 = zoneRule('bad-ipv4', 'error', 'A record address is not a valid IPv4 dotted quad');
