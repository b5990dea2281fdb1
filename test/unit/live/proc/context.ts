// A CommandContext for calling the /proc handler directly in tests.

import type { CommandContext } from '../../../../server/src/core/command';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';

export function testContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { settings: DEFAULT_SETTINGS, trusted: true, isCancelled: () => false, log: () => undefined, ...overrides };
}
