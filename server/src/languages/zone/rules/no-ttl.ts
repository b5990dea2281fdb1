// zone/no-ttl: a record without a TTL when no $TTL is set. BIND falls back to the SOA
// minimum (warning) or the last explicit TTL (RFC 1035 semantics, warning); with neither it
// rejects the zone.

import { zoneRule } from '../ruleKit';

export const noTtl = zoneRule('no-ttl', 'error', 'Record without TTL and no $TTL');
