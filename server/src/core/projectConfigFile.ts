// Finds and reads the project config file: for a CLI run `--config FILE`, else the first
// `.infra-lens.json` / `infra-lens.config.json` from the working folder up to the repository
// root (the folder holding .git) or the file system's root; for the server, the same walk from
// a document's folder, stopping at its workspace folder. One of the few I/O places in core/,
// so the editor and CI find the same file the same way.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE_NAMES, parseProjectConfig, type RawSettings } from './projectConfig';

export interface LoadedConfig {
  /** The folder globs in the file are relative to (the file's own); cwd when there is none. */
  dir: string;
  file?: string;
  settings: RawSettings;
  errors: string[];
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/** The file's text, or why it cannot be read (only a regular file of at most 1 MiB). */
function readConfigText(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > MAX_CONFIG_BYTES) return { ok: false, reason: `${stat.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit` };
    return { ok: true, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

export function findProjectConfig(start: string, stopAt?: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of PROJECT_CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git')) || (stopAt !== undefined && dir === path.resolve(stopAt))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadProjectConfig(explicit: string | undefined, cwd: string, knownRuleIds: string[], stopAt?: string): LoadedConfig {
  const file = explicit ?? findProjectConfig(cwd, stopAt);
  if (!file) return { dir: cwd, settings: {}, errors: [] };
  const input = readConfigText(file);
  if (!input.ok) return { dir: cwd, file, settings: {}, errors: [`cannot read config ${file}: ${input.reason}`] };
  const parsed = parseProjectConfig(input.text, file, knownRuleIds);
  return { dir: path.dirname(path.resolve(file)), file, ...parsed };
}
