// zone/ttl-too-large: a TTL above 2^31-1. RFC 2181 §8 says to treat it as 0, and BIND does:
// "TTL 4294967295 > MAXTTL, setting TTL to 0".

import { zoneRule } from '../ruleKit';

export const ttlTooLarge = zoneRule('ttl-too-large', 'warning', 'TTL above 2^31-1 is treated as 0');
