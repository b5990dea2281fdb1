// What every Corefile rule receives, and the one way rules turn a token into a finding.

import type { Finding } from '../../../core/finding';
import type { Settings } from '../../../core/settings';
import type { Token } from '../lexer';
import type { CorefileAst, SourcedToken } from '../parser';
import { tokenRange } from '../parser';

export interface RuleContext {
  ast: CorefileAst;
  settings: Settings;
  /**
   * The text of a file the Corefile names when it is in view — an open document, a file of
   * the CLI run, a sibling key of the same ConfigMap — never read from this machine's disk,
   * which is not the pod's.
   */
  inView?: (absolutePath: string) => string | undefined;
}

/** A finding on a token; tokens read from an imported file carry that file's URI. */
export function findingAt(ruleId: string, token: Token, message: string, extra: Partial<Finding> = {}): Finding {
  const uri = (token as SourcedToken).uri;
  return { ruleId, range: tokenRange(token), message, ...(uri ? { uri } : {}), ...extra };
}
