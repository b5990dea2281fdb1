// The resolv.conf language: what glibc (or musl) will do with the file.

import type { LanguageService } from '../../core/languageService';
import { parseResolvConf, type ResolvConfAst } from './parser';
import { checkUnknownKeyword, unknownKeyword } from './rules';

export const resolvconfLanguage: LanguageService<ResolvConfAst> = {
  id: 'resolvconf',
  commentPrefixes: ['#', ';'],
  rules: [unknownKeyword],
  parse: (text) => parseResolvConf(text),
  lint: (ast) => checkUnknownKeyword(ast),
};
