// zone/syntax: the master file does not lex or parse (unbalanced parentheses or quotes, a
// directive without its argument, a record without a type, a blank owner with no previous
// owner). named-checkzone rejects the zone.

import { zoneRule } from '../ruleKit';

export const syntax = zoneRule('syntax', 'error', 'Zone file syntax error');
