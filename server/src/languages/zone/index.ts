// The DNS zone (master file) language.

import type { LanguageService } from '../../core/languageService';
import { parseZone, type ZoneAst } from './parser';
import { badIpv4, checkBadIpv4 } from './rules/bad-ipv4';

export const zoneLanguage: LanguageService<ZoneAst> = {
  id: 'zone',
  commentPrefixes: [';'],
  rules: [badIpv4],
  parse: (text) => parseZone(text),
  lint: (ast) => checkBadIpv4(ast),
};
