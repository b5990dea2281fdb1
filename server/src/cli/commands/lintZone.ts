// Bundle entry of `infra-lens lint` when it names only zone files (cli/lintBundle.ts): the
// zone language without the others. A 1M-record zone is linted in ~1.8 CPU-seconds, and
// parsing the other languages' code would add ~25 ms.

import type { LanguageService } from '../../core/languageService';
import { zoneLanguage } from '../../languages/zone';
import { runLintCli } from '../lint';

export function run(argv: string[]): Promise<number> {
  return runLintCli(argv, { zone: zoneLanguage as LanguageService });
}
