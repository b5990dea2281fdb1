// Plugin checks that go beyond the table, one module per plugin (or family of plugins).

import type { PluginCheck } from '..';
import { checkCache } from './cache';
import { checkErrors } from './errors';
import { checkForward } from './forward';
import { checkKubernetes } from './kubernetes';
import { checkRewrite } from './rewrite';
import { checkTemplate } from './template';

export const PLUGIN_CHECKS: Record<string, PluginCheck> = {
  cache: checkCache,
  errors: checkErrors,
  forward: checkForward,
  kubernetes: checkKubernetes,
  rewrite: checkRewrite,
  template: checkTemplate,
};
