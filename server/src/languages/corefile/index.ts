// The Corefile language: CoreDNS's Caddyfile dialect.

import type { Finding } from '../../core/finding';
import type { LanguageService } from '../../core/languageService';
import { defineRule } from '../../core/rules';
import { type CorefileAst, parseCorefile } from './parser';
import { checkUnknownDirective, unknownDirective } from './rules/unknown-directive';

export const corefileSyntax = defineRule({
  id: 'corefile/syntax',
  language: 'corefile',
  defaultSeverity: 'error',
  title: 'Corefile syntax error',
});

export const corefileLanguage: LanguageService<CorefileAst> = {
  id: 'corefile',
  commentPrefixes: ['#'],
  rules: [corefileSyntax, unknownDirective],
  parse: (text) => parseCorefile(text),
  lint(ast) {
    const syntax: Finding[] = ast.errors.map((e) => ({
      ruleId: corefileSyntax.id,
      range: { start: { line: e.line, character: e.start }, end: { line: e.line, character: e.end } },
      message: e.message,
    }));
    return [...syntax, ...checkUnknownDirective(ast)];
  },
};
