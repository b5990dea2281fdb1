// Hovers: a plugin (what it does, its syntax, its place in plugin.cfg), a property (its
// arguments and values) and a server key (transport, normalised zones, port), all from the
// plugin table.

import type { Position } from '../../core/finding';
import type { HoverResult } from '../../core/languageService';
import { locate } from './locate';
import type { CorefileAst } from './parser';
import { tokenRange } from './parser';
import { getPlugin, PLUGINS, type PluginSpec, syntaxOf } from './plugins';
import { normalizeKey } from './serverKey';

const README_BASE = 'https://github.com/coredns/coredns/blob/master/';

const REPEAT_TEXT: Record<PluginSpec['repeat'], string> = {
  error: 'Only once per server block (a second one stops CoreDNS).',
  first: 'Only the first occurrence in a server block is read.',
  last: 'A later occurrence in the same block replaces the earlier one.',
  many: 'May appear several times in a server block.',
};

export function pluginHover(spec: PluginSpec): string {
  const prev = PLUGINS[spec.order - 2]?.name;
  const next = PLUGINS[spec.order]?.name;
  const lines = [`**${spec.name}**${spec.summary ? ` — ${spec.summary}` : ''}`, '', '```corefile', syntaxOf(spec), '```', ''];
  lines.push(`Runs at position ${spec.order} of ${PLUGINS.length} in plugin.cfg${prev ? ` (after \`${prev}\`` : ' ('}${next ? `${prev ? ', ' : ''}before \`${next}\`)` : ')'}, whatever the line order in the Corefile.`);
  lines.push('', REPEAT_TEXT[spec.repeat]);
  const props = Object.keys(spec.properties);
  if (props.length) lines.push('', `Block properties: ${props.map((p) => `\`${p}\``).join(', ')}.`);
  if (spec.readme) lines.push('', `[README](${README_BASE}${spec.readme})`);
  return lines.join('\n');
}

export function hoverCorefile(ast: CorefileAst, pos: Position): HoverResult | undefined {
  const at = locate(ast, pos);
  if (at.key) {
    const k = normalizeKey(at.key.text);
    if (k.error) return { contents: `Server key \`${at.key.text}\`: ${k.error}`, range: tokenRange(at.key) };
    const zones = k.zones.map((z) => `\`${k.transport}://${z}:${k.port}\``).join(', ');
    return { contents: `**Server key** \`${at.key.text}\`\n\nTransport \`${k.transport}\`${k.explicitScheme ? '' : ' (default)'}, port ${k.port}${/^\d+$/.test(k.port) && !at.key.text.match(/:\d+$/) ? ' (default for the transport)' : ''}.\n\nServes ${zones}.`, range: tokenRange(at.key) };
  }
  if (!at.directive || !at.token) return undefined;
  const spec = getPlugin(at.directive.name.text);
  if (!spec) return undefined;
  if (at.token === at.directive.name) return { contents: pluginHover(spec), range: tokenRange(at.token) };
  if (at.property && at.token === at.property.name) {
    const p = spec.properties[at.property.name.text];
    if (!p) return undefined;
    const args = typeof p.args === 'number' ? (p.args === 0 ? 'no arguments' : `${p.args} argument${p.args > 1 ? 's' : ''}`) : p.args ? `\`${p.args}\`` : undefined;
    const lines = [`**${spec.name}** › **${at.property.name.text}**`];
    if (args) lines.push('', `Arguments: ${args}`);
    if (p.shape) lines.push('', `Value: ${p.shape}`);
    if (p.enum) lines.push('', `One of: ${p.enum.map((e) => `\`${e}\``).join(', ')}`);
    if (p.notes) lines.push('', p.notes);
    return { contents: lines.join('\n'), range: tokenRange(at.token) };
  }
  return undefined;
}
