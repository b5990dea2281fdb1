// Bad input gets findings, never a crash: every fixture, cut and spliced at random
// (deterministic seed), is linted and hovered; every range stays inside the document.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { LineIndex } from '../../../../server/src/core/text';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { k8sLanguage } from '../../../../server/src/languages/k8s';
import { lint, repoRoot } from '../../../helpers';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SPLICES = ['', ':', '- ', '{', '}', '[', ']', '&a ', '*a', '<<: *a\n', '\n  ', '---\n', '"', "'", '#', '{{ .Values.x }}', 'clusterIP: None\n', '500m', '\t'];

test('mutated manifests never crash lint or hover, and ranges stay in the document', async () => {
  const texts = yamlFiles(path.join(repoRoot, 'fixtures', 'k8s')).map((f) => fs.readFileSync(f, 'utf8'));
  assert.ok(texts.length >= 4);
  const next = random(1287);
  let runs = 0;
  for (const original of texts) {
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(next() * original.length);
      const cut = Math.floor(next() * 12);
      const text = original.slice(0, at) + SPLICES[Math.floor(next() * SPLICES.length)] + original.slice(at + cut);
      const index = new LineIndex(text);
      for (const f of await lint('k8s', text)) {
        assert.ok(index.offsetAt(f.range.start) <= index.offsetAt(f.range.end), `${f.ruleId} range reversed`);
        assert.ok(f.range.end.line < index.lineCount, `${f.ruleId} range past the end`);
      }
      const parsed = k8sLanguage.parse(text, { uri: 'file:///x.yaml', settings: DEFAULT_SETTINGS });
      k8sLanguage.hover!(parsed, index.positionAt(at), { uri: 'file:///x.yaml', settings: DEFAULT_SETTINGS });
      runs++;
    }
  }
  assert.ok(runs >= 240);
});
