// zone/name-too-long: a label over 63 octets or a name over 255 octets in wire form (checked
// after the origin is appended: BIND "label too long" / "ran out of space").

import { zoneRule } from '../ruleKit';

export const nameTooLong = zoneRule('name-too-long', 'error', 'Label over 63 or name over 255 octets');
