// zone/include: an $INCLUDE that cannot be followed (file not found, an include cycle), or
// that is not followed because the workspace is restricted.

import { zoneRule } from '../ruleKit';

export const include = zoneRule('include', 'error', '$INCLUDE file cannot be read');
