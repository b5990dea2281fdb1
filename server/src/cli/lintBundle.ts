// Which bundle runs `infra-lens lint`: a run that names only zone files loads the zone
// language alone (dist/cli-lint-zone.js, a third of the size of every language's bundle);
// anything else (a directory, standard input, YAML, another --language) loads them all.

import * as fs from 'node:fs';
import { languageByFileName } from '../core/languageDetect';
import { LINT_VALUED_OPTIONS } from './lintOptions';
import { lastOption, parseArgs, type ParsedArgs } from './usage';

export const FULL_LINT_BUNDLE = 'cli-lint.js';
export const ZONE_LINT_BUNDLE = 'cli-lint-zone.js';

export function lintBundleFor(argv: string[]): string {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, LINT_VALUED_OPTIONS, []);
  } catch {
    return FULL_LINT_BUNDLE; // the full bundle reports the usage error
  }
  const forced = lastOption(args, 'language');
  if (forced !== undefined && forced !== 'zone') return FULL_LINT_BUNDLE;
  if (args.positional.length === 0) return FULL_LINT_BUNDLE;
  const onlyZoneFiles = args.positional.every((p) => p !== '-' && (forced === 'zone' || languageByFileName(p) === 'zone') && isRegularFile(p));
  return onlyZoneFiles ? ZONE_LINT_BUNDLE : FULL_LINT_BUNDLE;
}

function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false; // the full bundle says why it cannot be read
  }
}
