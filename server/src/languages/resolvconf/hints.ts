// Inlay hints: after each `options` line the option set the resolver ends up with, after
// each nameserver its place in the server list (or that it is never asked); a code lens on
// the first line opens the query plan of a short and an external name.

import type { Range } from '../../core/finding';
import type { CodeLensEntry, InlayHintEntry } from '../../core/languageService';
import { SHOW_SERVER_REPORT, ServerCommands } from '../../protocol';
import { configFor } from '../../resolver/config';
import type { Libc } from '../../resolver/options';
import type { ResolvConfAst } from '../../resolver/parser';
import { queryPlan } from '../../resolver/plan';

export function inlayHintsResolvConf(ast: ResolvConfAst, range: Range, libc: Libc): InlayHintEntry[] {
  const config = configFor(ast, libc);
  if (config.hangsAt) return [];
  const hints: InlayHintEntry[] = [];
  const resolved = [
    `ndots:${config.ndots}`,
    `timeout:${config.timeout}`,
    `attempts:${config.attempts}`,
    ...Object.keys(config.flags),
  ].join(' ');
  for (const l of ast.lines) {
    if (l.line < range.start.line || l.line > range.end.line || l.kind !== 'keyword' || l.keyword.offset !== l.offset) continue;
    const end = ast.index.positionAt(l.offset + l.raw.replace(/\r$/, '').length);
    if (l.keyword.text === 'options') {
      hints.push({ position: end, label: `→ ${resolved}`, tooltip: `What ${libc} uses after reading every options line${config.libc === 'glibc' ? ' (and RES_OPTIONS)' : ''}.` });
    } else if (l.keyword.text === 'nameserver') {
      const index = config.nameservers.findIndex((n) => n.line === l.line);
      hints.push({ position: end, label: index >= 0 ? `#${index + 1}` : 'not used', tooltip: index >= 0 ? `Server ${index + 1} of ${config.nameservers.length} for ${libc}.` : `${libc} never asks this server.` });
    }
  }
  return hints;
}

export function codeLensesResolvConf(ast: ResolvConfAst, uri: string, libc: Libc): CodeLensEntry[] {
  const config = configFor(ast, libc);
  if (config.hangsAt) return [];
  const first = ast.lines.find((l) => l.kind === 'keyword' || l.kind === 'other');
  if (!first) return [];
  const at = { start: { line: first.line, character: 0 }, end: { line: first.line, character: 0 } };
  return ['web', 'api.github.com'].map((name) => {
    const plan = queryPlan(name, config);
    return {
      range: at,
      title: `${name}: ${plan.queries.length} quer${plan.queries.length === 1 ? 'y' : 'ies'} (${libc})`,
      command: SHOW_SERVER_REPORT,
      arguments: [ServerCommands.resolvePlan, { name, uri, libc }],
    };
  });
}
