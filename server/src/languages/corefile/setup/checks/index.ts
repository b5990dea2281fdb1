// Plugin checks that go beyond the table, one module per plugin (or family of plugins).

import type { PluginCheck } from '..';

export const PLUGIN_CHECKS: Record<string, PluginCheck> = {};
