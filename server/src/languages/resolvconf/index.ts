// The resolv.conf language: what glibc (or musl) will do with the file.

import type { LanguageService } from '../../core/languageService';
import { completeResolvConf } from './completion';
import { codeLensesResolvConf, inlayHintsResolvConf } from './hints';
import { hoverResolvConf } from './hover';
import { parseResolvConf, type ResolvConfAst } from '../../resolver/parser';
import { lintResolvConf, RULES } from './rules';
import { resolvConfSymbols } from './symbols';

export const resolvconfLanguage: LanguageService<ResolvConfAst> = {
  id: 'resolvconf',
  commentPrefixes: ['#', ';'],
  rules: RULES,
  parse: (text) => parseResolvConf(text),
  lint: (ast, ctx) => lintResolvConf(ast, ctx),
  hover: (ast, position, ctx) => hoverResolvConf(ast, position, ctx.settings.resolvconf.libc),
  complete: (ast, position, ctx) => completeResolvConf(ast, position, ctx.settings.resolvconf.libc),
  inlayHints: (ast, range, ctx) => inlayHintsResolvConf(ast, range, ctx.settings.resolvconf.libc),
  symbols: (ast) => resolvConfSymbols(ast),
  codeLenses: (ast, ctx) => codeLensesResolvConf(ast, ctx.uri, ctx.settings.resolvconf.libc),
};
