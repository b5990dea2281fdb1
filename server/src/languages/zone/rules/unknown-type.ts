// zone/unknown-type: a type mnemonic named-checkzone 9.18 does not know, TYPEnnn out of
// range, or a meta type (ANY, AXFR, OPT, TYPE0 …) used as data. The zone does not load.

import { zoneRule } from '../ruleKit';

export const unknownType = zoneRule('unknown-type', 'error', 'Unknown or meta record type');
