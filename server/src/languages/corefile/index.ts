// The Corefile language: CoreDNS's Caddyfile dialect.

import type { Finding } from '../../core/finding';
import type { LanguageService } from '../../core/languageService';
import { type CorefileAst, parseCorefile } from './parser';
import type { RuleContext } from './rules/context';
import { checkSetup, SETUP_RULES } from './rules/setupRules';
import { checkSyntax, syntaxRule } from './rules/syntax';
import { checkUnknownDirective, unknownDirective } from './rules/unknown-directive';

export const corefileSyntax = syntaxRule;

const CHECKS: Array<(ctx: RuleContext) => Finding[]> = [checkSyntax, checkUnknownDirective, checkSetup];

/** The same finding reached twice (a snippet imported by several blocks) is shown once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.uri ?? ''}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const corefileLanguage: LanguageService<CorefileAst> = {
  id: 'corefile',
  commentPrefixes: ['#'],
  rules: [syntaxRule, unknownDirective, ...SETUP_RULES],
  parse: (text, ctx) => parseCorefile(text, { uri: ctx.uri, readFile: ctx.readFile }),
  lint(ast, ctx) {
    const rc: RuleContext = { ast, settings: ctx.settings };
    return dedupe(CHECKS.flatMap((check) => check(rc)));
  },
};
