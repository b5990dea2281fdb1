// zone/class-mismatch: a record's class differs from the zone's (IN). named-checkzone
// rejects the zone: "class 'CH' != zone class 'IN'".

import { zoneRule } from '../ruleKit';

export const classMismatch = zoneRule('class-mismatch', 'error', "Record class differs from the zone's class");
