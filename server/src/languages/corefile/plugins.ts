// Look-ups over the generated plugin table (pluginTable.ts): by name, in plugin.cfg order.

import { PLUGINS, type PluginSpec, type PropertySpec } from './pluginTable';

export type { PluginSpec, PropertySpec };
export { PLUGINS };

const BY_NAME = new Map(PLUGINS.map((p) => [p.name, p]));

export const PLUGIN_NAMES: readonly string[] = PLUGINS.map((p) => p.name);

export function isKnownPlugin(name: string): boolean {
  return BY_NAME.has(name);
}

export function getPlugin(name: string): PluginSpec | undefined {
  return BY_NAME.get(name);
}

export function propertyNames(plugin: PluginSpec): string[] {
  return Object.keys(plugin.properties);
}

/** The README's Syntax line(s), or one built from the argument shapes. */
export function syntaxOf(plugin: PluginSpec): string {
  return plugin.syntax ?? [plugin.name, ...(plugin.args.shape ?? [])].join(' ');
}
