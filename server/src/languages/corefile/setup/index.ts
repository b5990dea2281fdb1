// Runs each plugin's setup checks once per server block, with all of that plugin's
// occurrences, the way CoreDNS's setup() runs. Plugins without a check of their own get the
// generic one driven by the table (argument counts, known properties, enums, shapes).

import type { CorefileAst, Directive, ServerBlock } from '../parser';
import { endOfLineDeletion, hasEnvPlaceholder } from '../parser';
import { getPlugin } from '../plugins';
import { normalizeKey } from '../serverKey';
import { splitHostPort } from '../values';
import { type BlockFacts, PluginSetup, type SetupFinding } from './context';
import { PLUGIN_CHECKS } from './checks';

export type { SetupFinding, SetupKind } from './context';

export type PluginCheck = (occurrences: Directive[], s: PluginSetup) => void;

/** Argument count, block properties and simple shapes, all from the table. */
export function genericCheck(occurrences: Directive[], s: PluginSetup): void {
  const { spec } = s;
  for (const d of occurrences) {
    if (s.checkArgCount(d, spec.args.min, spec.args.max)) {
      spec.args.shape?.forEach((shape, i) => {
        const t = d.args[i];
        if (!t || hasEnvPlaceholder(t)) return;
        if (shape === 'host:port' && !splitHostPort(t.text)) s.invalid(t, `address '${t.text}' is not host:port (missing port in address)`);
        else if (/^(duration|int)/.test(shape)) s.shape(t, shape, 'argument');
      });
    }
    genericBlock(d, s);
  }
}

export function genericBlock(d: Directive, s: PluginSetup): void {
  const { spec } = s;
  if (!Object.keys(spec.properties).length && !Object.keys(spec.special).length) {
    s.noBlock(d);
    return;
  }
  for (const p of d.block?.properties ?? []) {
    if (!spec.properties[p.name.text]) s.unknownProperty(p);
    else s.checkPropertyFromTable(p);
  }
}

export function blockFacts(block: ServerBlock): BlockFacts {
  const zones = block.keys.flatMap((k) => normalizeKey(k.text).zones);
  return { block, zones: zones.length ? zones : ['.'], plugins: new Set(block.directives.map((d) => d.name.text)) };
}

export function runSetupChecks(ast: CorefileAst): SetupFinding[] {
  const out: SetupFinding[] = [];
  for (const block of ast.blocks) {
    const facts = blockFacts(block);
    const groups = new Map<string, Directive[]>();
    for (const d of block.directives) {
      if (d.name.quoted && d.name.text === '') continue;
      const list = groups.get(d.name.text);
      if (list) list.push(d);
      else groups.set(d.name.text, [d]);
    }
    for (const [name, occurrences] of groups) {
      const spec = getPlugin(name);
      if (!spec) continue;
      const s = new PluginSetup(spec, facts, out);
      let checked = occurrences;
      if (occurrences.length > 1 && spec.repeat === 'error') {
        for (const d of occurrences.slice(1)) {
          const range = { start: { line: d.name.line, character: 0 }, end: endOfLineDeletion(ast, d.name.endLine) };
          s.report('once-per-block', d.name, spec.repeatMessage ?? 'this plugin can only be used once per Server Block', {
            fixes: d.importedBy ? undefined : [{ title: `Remove the repeated '${name}'`, edits: [{ range: d.block?.close ? { start: range.start, end: endOfLineDeletion(ast, d.block.close.endLine) } : range, newText: '' }] }],
          });
        }
        checked = occurrences.slice(0, 1);
      } else if (occurrences.length > 1 && spec.repeat === 'first') {
        for (const d of occurrences.slice(1)) s.report('ignored-repeat', d.name, `only the first '${name}' in a server block is read; this one is silently ignored`);
        checked = occurrences.slice(0, 1);
      }
      (PLUGIN_CHECKS[name] ?? genericCheck)(checked, s);
    }
  }
  return out;
}
