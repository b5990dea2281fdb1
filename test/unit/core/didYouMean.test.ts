// Every finding that says "did you mean X" must carry X as a preferred quick fix (and the
// fix must be one fix-all applies). Inputs: the repository's fixtures and, for each, typo
// variants (a letter dropped, two letters swapped) of its words, seeded so every run sees
// the same ones.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits, fixAllEdits, isSafeFix } from '../../../server/src/core/codeActions';
import type { LanguageId } from '../../../server/src/core/rules';
import { detectLanguage } from '../../../server/src/core/languageDetect';
import { lint, repoRoot, seededRandom } from '../../helpers';

const DID_YOU_MEAN = /did you mean/i;
const VARIANTS_PER_FILE = 80;

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function typoVariants(text: string, random: () => number): string[] {
  const words = [...text.matchAll(/[A-Za-z_][A-Za-z_-]{3,}/g)];
  const out: string[] = [];
  for (let i = 0; i < VARIANTS_PER_FILE && words.length > 0; i++) {
    const w = words[Math.floor(random() * words.length)];
    const at = 1 + Math.floor(random() * (w[0].length - 2));
    const typo = random() < 0.5 ? w[0].slice(0, at) + w[0].slice(at + 1) : w[0].slice(0, at - 1) + w[0][at] + w[0][at - 1] + w[0].slice(at + 1);
    out.push(text.slice(0, w.index) + typo + text.slice(w.index! + w[0].length));
  }
  return out;
}

/** Inputs from the issue that reported the missing fixes. */
const REPORTED: Array<[LanguageId, string]> = [
  ['corefile', '.:53 {\n    kubernetes cluster.local {\n        pods secure\n    }\n    health {\n        lameduck 5\n    }\n}\n'],
  ['resolvconf', 'nameserver 10.0.0.1\nserach example.com\noptions ndots=2 timout:3\n'],
];

test('every "did you mean" finding carries a preferred fix, and fix-all applies it', async () => {
  const random = seededRandom(19);
  const inputs: Array<[LanguageId, string, string]> = REPORTED.map(([l, t], i) => [l, t, `reported #${i}`]);
  for (const file of fixtureFiles(path.join(repoRoot, 'fixtures'))) {
    const text = fs.readFileSync(file, 'utf8');
    const language = detectLanguage(file, text);
    if (!language) continue;
    const name = path.relative(repoRoot, file);
    inputs.push([language, text, name]);
    for (const [i, v] of typoVariants(text, random).entries()) inputs.push([language, v, `${name} variant ${i}`]);
  }
  let seen = 0;
  const languagesSeen = new Set<string>();
  const missing: string[] = [];
  for (const [language, text, name] of inputs) {
    const findings = await lint(language, text, {}, `file:///fixtures/${language}`);
    for (const f of findings) {
      if (!DID_YOU_MEAN.test(f.message) || f.uri !== undefined) continue;
      seen++;
      languagesSeen.add(language);
      const safe = f.fixes?.filter((x) => isSafeFix(f, x)) ?? [];
      if (safe.length === 0) {
        missing.push(`${name}: ${f.ruleId} "${f.message}" at ${f.range.start.line + 1}:${f.range.start.character + 1} has no preferred fix`);
        continue;
      }
      // The fixed line reads what the message suggests after "did you mean".
      const quoted = /did you mean (?:the headless Service )?['"]?([^'"?]+)['"]?\?/i.exec(f.message)?.[1];
      const fixedText = applyEdits(text, fixAllEdits([f]));
      const fixedLine = fixedText.split(/\r?\n/)[f.range.start.line] ?? '';
      if (quoted && !fixedLine.includes(quoted)) missing.push(`${name}: ${f.ruleId} suggests '${quoted}' but the fixed line reads '${fixedLine}'`);
      // Applying fix-all removes this finding.
      const after = await lint(language, fixedText, {}, `file:///fixtures/${language}`);
      if (after.some((g) => g.ruleId === f.ruleId && g.message === f.message)) missing.push(`${name}: ${f.ruleId} "${f.message}" is still reported after its fix`);
    }
  }
  assert.deepEqual(missing, []);
  // The generator must actually reach suggestions in every language that makes them.
  assert.ok(seen >= 100, `only ${seen} "did you mean" findings were generated`);
  assert.deepEqual([...languagesSeen].sort(), ['corefile', 'k8s', 'resolvconf', 'zone']);
});
