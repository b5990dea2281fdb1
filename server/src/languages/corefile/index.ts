// The Corefile language: CoreDNS's Caddyfile dialect.

import { formatCorefile } from './format';
import type { Finding } from '../../core/finding';
import { runContained } from '../../core/internalError';
import type { LanguageService } from '../../core/languageService';
import { completeCorefile } from './completion';
import { hoverCorefile } from './hover';
import { type CorefileAst, parseCorefile } from './parser';
import type { RuleContext } from './rules/context';
import { cacheTtlDuration, checkCacheTtlDuration } from './rules/cache-ttl-duration';
import { checkDeprecated, deprecatedRule } from './rules/deprecated';
import { checkForwardTlsHost } from './rules/forward-tls-host';
import { checkDuplicateServers, duplicateServer } from './rules/duplicate-server';
import { checkGluedBrace, gluedBrace } from './rules/glued-brace';
import { checkLoopWithoutForward, loopWithoutForward } from './rules/loop-without-forward';
import { checkPlaintextTransport, plaintextTransport } from './rules/plaintext-transport';
import { checkPluginOrder, pluginOrder } from './rules/plugin-order';
import { checkResolvConfLoop, resolvConfLoop } from './rules/resolv-conf-loop';
import { checkServerKeys, serverKeyRule } from './rules/server-key';
import { checkSetup, SETUP_RULES } from './rules/setupRules';
import { checkSyntax, syntaxRule } from './rules/syntax';
import { checkTemplateEnv, templateEnv } from './rules/template-env';
import { checkUnknownDirective, unknownDirective } from './rules/unknown-directive';
import { corefileReferences } from './references';
import { corefileSymbols } from './symbols';

export const corefileSyntax = syntaxRule;

/** Exported for the containment test (a throwing check must not hide the others). */
export const CHECKS: Array<(ctx: RuleContext) => Finding[]> = [
  checkSyntax,
  checkUnknownDirective,
  checkSetup,
  checkServerKeys,
  checkDuplicateServers,
  checkPlaintextTransport,
  checkResolvConfLoop,
  checkLoopWithoutForward,
  checkTemplateEnv,
  checkGluedBrace,
  checkPluginOrder,
  checkDeprecated,
  checkCacheTtlDuration,
  checkForwardTlsHost,
];

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
  rules: [
    syntaxRule,
    unknownDirective,
    ...SETUP_RULES,
    serverKeyRule,
    duplicateServer,
    plaintextTransport,
    resolvConfLoop,
    loopWithoutForward,
    templateEnv,
    gluedBrace,
    pluginOrder,
    deprecatedRule,
    cacheTtlDuration,
  ],
  parse: (text, ctx) => parseCorefile(text, { uri: ctx.uri, readFile: ctx.readFile, listDir: ctx.listDir }),
  lint(ast, ctx) {
    const inView = (path: string) => ctx.workspaceDocuments?.().find((d) => d.uri === `file://${path}` || d.uri === encodeURI(`file://${path}`))?.text;
    const rc: RuleContext = { ast, settings: ctx.settings, inView };
    return dedupe(runContained('corefile', CHECKS, rc));
  },
  hover: (ast, position) => hoverCorefile(ast, position),
  complete: (ast, position) => completeCorefile(ast, position),
  symbols: (ast) => corefileSymbols(ast),
  references: (ast) => corefileReferences(ast),
  format: (text) => formatCorefile(text),
};

/** Canonical indentation edits; the LanguageService has no formatting hook yet (see format.ts). */
export { formatCorefile };
