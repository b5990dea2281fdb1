// The rules of the house (DESIGN.md) that a test can hold.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { allRules } from '../../server/src/core/rules';
import '../../server/src/languages';
import { repoRoot } from '../helpers';

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.ts$/.test(e.name) ? [full] : [];
  });
}

test('nothing under core/, languages/ or live/ imports the LSP libraries', () => {
  const offenders: string[] = [];
  for (const layer of ['core', 'languages', 'live']) {
    for (const file of sourceFiles(path.join(repoRoot, 'server', 'src', layer))) {
      const text = fs.readFileSync(file, 'utf8');
      if (/from\s+['"]vscode-languageserver|require\(\s*['"]vscode-languageserver|from\s+['"]vscode['"]|from\s+['"]vscode-languageclient/.test(text)) {
        offenders.push(path.relative(repoRoot, file));
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('the layering check itself notices an offending import', () => {
  assert.match("import { Diagnostic } from 'vscode-languageserver/node';", /from\s+['"]vscode-languageserver/);
});

test('every rule has a doc page docs/rules/<id>.md that names it', () => {
  const rules = allRules();
  assert.ok(rules.length >= 4, 'one rule per language at least');
  for (const rule of rules) {
    const page = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(fs.existsSync(page), `missing ${path.relative(repoRoot, page)}`);
    assert.match(fs.readFileSync(page, 'utf8'), new RegExp(rule.id.replace('/', '\\/')), `${rule.id} page does not name its id`);
  }
});

test('every language contributes at least one rule', () => {
  const languages = new Set(allRules().map((r) => r.language));
  assert.deepEqual([...languages].sort(), ['corefile', 'k8s', 'resolvconf', 'zone']);
});

test('the resolver model (server/src/resolver/) imports only core/: no cycle through languages/ or live/', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(path.join(repoRoot, 'server', 'src', 'resolver'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from\s+['"](\.[^'"]*)['"]/g)) {
      const target = path.relative(path.join(repoRoot, 'server', 'src'), path.resolve(path.dirname(file), m[1]));
      if (!target.startsWith('resolver') && !target.startsWith('core')) offenders.push(`${path.relative(repoRoot, file)} -> ${m[1]}`);
    }
  }
  assert.ok(sourceFiles(path.join(repoRoot, 'server', 'src', 'resolver')).length >= 4, 'the resolver model has files');
  assert.deepEqual(offenders, []);
});

test('live/dns imports nothing from languages/ (the resolver model it needs is resolver/)', () => {
  const offenders = sourceFiles(path.join(repoRoot, 'server', 'src', 'live', 'dns')).filter((f) => /from\s+['"][^'"]*languages\//.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(repoRoot, f)), []);
});
