// Finds and reads the project config file for a CLI run: `--config FILE`, else the first
// `.infra-lens.json` / `infra-lens.config.json` from the working folder up to the repository
// root (the folder holding .git) or the file system's root.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE_NAMES, parseProjectConfig, type RawSettings } from '../core/projectConfig';
import { readLintInput } from './readInput';

export interface LoadedConfig {
  /** The folder globs in the file are relative to (the file's own); cwd when there is none. */
  dir: string;
  file?: string;
  settings: RawSettings;
  errors: string[];
}

export function findProjectConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of PROJECT_CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadProjectConfig(explicit: string | undefined, cwd: string, knownRuleIds: string[]): LoadedConfig {
  const file = explicit ?? findProjectConfig(cwd);
  if (!file) return { dir: cwd, settings: {}, errors: [] };
  const input = readLintInput(file, 1024 * 1024);
  if (!input.ok) return { dir: cwd, file, settings: {}, errors: [`cannot read config ${file}: ${input.reason}`] };
  const parsed = parseProjectConfig(input.text, file, knownRuleIds);
  return { dir: path.dirname(path.resolve(file)), file, ...parsed };
}
