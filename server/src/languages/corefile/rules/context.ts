// What every Corefile rule receives, and the one way rules turn a token into a finding.

import type { Finding } from '../../../core/finding';
import type { Settings } from '../../../core/settings';
import type { Token } from '../lexer';
import type { CorefileAst, SourcedToken } from '../parser';
import { tokenRange } from '../parser';

export interface RuleContext {
  ast: CorefileAst;
  settings: Settings;
}

/** A finding on a token; tokens read from an imported file carry that file's URI. */
export function findingAt(ruleId: string, token: Token, message: string, extra: Partial<Finding> = {}): Finding {
  const uri = (token as SourcedToken).uri;
  return { ruleId, range: tokenRange(token), message, ...(uri ? { uri } : {}), ...extra };
}
