// Shared by the tests: where the repository is, and how to lint a text in one call.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../server/src/core/finding';
import type { LanguageId } from '../server/src/core/rules';
import { lintText } from '../server/src/core/lint';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/core/settings';
import { LANGUAGES } from '../server/src/languages';

function findRepoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'server'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
/**
 * The shared research notes and conformance corpora: INFRA_LENS_SHARED, else `shared/` beside
 * the checkout (where CI and the fresh machine put it). No test assumes the second.
 */
export const sharedDir = process.env.INFRA_LENS_SHARED ? path.resolve(process.env.INFRA_LENS_SHARED) : path.resolve(repoRoot, '..', 'shared');
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export async function lint(language: LanguageId, text: string, settings: Partial<Settings> = {}, uri = 'file:///test'): Promise<Finding[]> {
  return (await lintText(LANGUAGES[language], text, { uri, settings: { ...DEFAULT_SETTINGS, ...settings } })).findings;
}

export function ruleIds(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

/** mulberry32: a small seeded generator, so a generated-input test sees the same inputs every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
