// Seed documents for the property tests: the repository's fixtures and the shared
// conformance corpora, per language. Mutations of these reach deeper into each parser than
// random bytes do.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LanguageId } from '../../server/src/core/rules';
import { repoRoot, sharedDir } from '../helpers';

const conformance = path.join(sharedDir, 'conformance');

function filesUnder(dir: string, keep: (name: string) => boolean = () => true): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, keep));
    else if (entry.isFile() && keep(entry.name)) out.push(fs.readFileSync(full, 'utf8'));
  }
  return out;
}

function json(file: string): unknown {
  const full = path.join(conformance, file);
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : undefined;
}

function strings(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function loadSeeds(language: LanguageId): string[] {
  const fixtures = filesUnder(path.join(repoRoot, 'fixtures', language));
  switch (language) {
    case 'corefile': {
      const setup = (json('coredns/setup-cases.json') as Array<{ plugin: string; input: string }> | undefined) ?? [];
      const readme = (json('coredns/readme-examples.json') as Array<{ corefile: string }> | undefined) ?? [];
      const caddy = (json('coredns/caddyfile-cases.json') as { parser?: Array<{ input: string }>; lexer?: Array<{ input: string }> } | undefined) ?? {};
      return [...fixtures, ...strings(readme.map((r) => r.corefile)), ...strings(setup.map((s) => `.:53 {\n    ${s.input.replace(/\n/g, '\n    ')}\n}\n`)), ...strings([...(caddy.parser ?? []), ...(caddy.lexer ?? [])].map((c) => c.input))];
    }
    case 'resolvconf': {
      const cases = (json('resolvconf/cases.json') as { configs?: Array<{ text: string }> } | undefined) ?? {};
      return [...fixtures, ...strings((cases.configs ?? []).map((c) => c.text))];
    }
    case 'zone':
      return [...fixtures, ...filesUnder(path.join(conformance, 'zone', 'files'))];
    case 'k8s':
      return [...fixtures, ...filesUnder(path.join(conformance, 'k8s', 'files'), (n) => /\.ya?ml$/.test(n))];
  }
}

const cache = new Map<LanguageId, string[]>();

/** Never empty: a language with no corpus still has one seed. */
export function seeds(language: LanguageId): string[] {
  let s = cache.get(language);
  if (!s) {
    s = loadSeeds(language);
    if (s.length === 0) s = [''];
    cache.set(language, s);
  }
  return s;
}
