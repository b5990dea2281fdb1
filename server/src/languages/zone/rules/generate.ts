// zone/generate: a $GENERATE line BIND refuses (bad range, bad modifier, missing fields).

import { zoneRule } from '../ruleKit';

export const generate = zoneRule('generate', 'error', 'Invalid $GENERATE directive');
