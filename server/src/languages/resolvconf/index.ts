// The resolv.conf language: what glibc (or musl) will do with the file.

import type { LanguageService } from '../../core/languageService';
import { parseResolvConf, type ResolvConfAst } from './parser';
import { lintResolvConf, RULES } from './rules';

export const resolvconfLanguage: LanguageService<ResolvConfAst> = {
  id: 'resolvconf',
  commentPrefixes: ['#', ';'],
  rules: RULES,
  parse: (text) => parseResolvConf(text),
  lint: (ast, ctx) => lintResolvConf(ast, ctx),
};
