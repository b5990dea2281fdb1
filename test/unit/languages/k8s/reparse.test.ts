// Incremental parsing of multi-document YAML: after any sequence of edits, reparse gives
// what a parse from scratch gives — the same objects at the same offsets, the same syntax
// errors, the same findings (fast-check: random edits at random places, shrunk on failure).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { k8sLanguage, lintK8s } from '../../../../server/src/languages/k8s';
import { documentLintStats } from '../../../../server/src/languages/k8s/documentLint';
import { type K8sAst, parseK8s, reparseK8s, segmentStarts } from '../../../../server/src/languages/k8s/model';
import { repoRoot } from '../../../helpers';

const ctx = { uri: 'file:///reparse.yaml', settings: DEFAULT_SETTINGS };
// The from-scratch side is linted as another file, so the incremental side keeps its own
// reuse state between edits (documentLint.ts) and the comparison exercises it.
const scratchCtx = { uri: 'file:///scratch/reparse.yaml', settings: DEFAULT_SETTINGS };

/** Findings in full (ranges, fixes, related locations), in a stable order. */
function findingsOf(ast: K8sAst, c: typeof ctx) {
  return lintK8s(ast, c)
    .map((f) => JSON.stringify(f))
    .sort();
}

function summary(ast: K8sAst, withFindings = true, c = ctx) {
  return {
    objects: ast.objects.map((o) => `${o.docIndex} ${o.apiVersion} ${o.kind}/${o.name ?? ''} ${o.root.range?.join(',')}`),
    errors: ast.errors.map((e) => `${e.start}-${e.end} ${e.message}`),
    template: ast.template?.join(','),
    findings: !withFindings ? [] : findingsOf(ast, c),
  };
}

const fixtures = ['kafka-statefulset.yaml', 'kafka-service.yaml', 'pod-resize.yaml'].map((f) => fs.readFileSync(path.join(repoRoot, 'fixtures', 'k8s', f), 'utf8'));
const BASE = fixtures.join('---\n');
const SNIPPETS = ['', '---\n', '\n---\n', '...\n', 'kind: Service\n', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n', '  ', ': ', '- ', '{', '}', '"', '#', '&a ', '*a', '<<: *a\n', 'replicas: 3\n', '\n'];

test('documents are cut at markers only: --- and ... at column 0', () => {
  const text = 'a: 1\n---\nb: |\n  ---\n---x: 1\n... \nc: 2\n';
  assert.deepEqual(segmentStarts(text), [0, 5, 33]);
});

test('reparse after random edits equals a parse from scratch (1,000 edit sequences)', () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.constantFrom(...SNIPPETS) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let text = BASE;
      let ast = parseK8s(text);
      edits.forEach((e, i) => {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        ast = reparseK8s(ast, text);
        // Objects, offsets and errors after every edit; the findings after the last one.
        const last = i === edits.length - 1;
        assert.deepEqual(summary(ast, last), summary(parseK8s(text), last, scratchCtx));
      });
    }),
    { numRuns: 1000, seed: 1359 },
  );
});

test('the findings of an edited file, linted after every edit with the earlier lints reused, equal a lint from scratch (300 edit sequences)', () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.constantFrom(...SNIPPETS) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = BASE;
      let ast = parseK8s(text);
      findingsOf(ast, ctx);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        // The edit as the editor sends it (LSP positions in the text before it).
        const change = { range: ast.index.rangeOf(at, Math.min(text.length, at + e.cut)), text: e.insert };
        text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        ast = reparseK8s(ast, text, [change]);
        assert.deepEqual(summary(ast, false), summary(parseK8s(text), false));
        const expected = findingsOf(parseK8s(text), scratchCtx);
        assert.deepEqual(findingsOf(ast, ctx), expected);
        // Nothing changed since: every document's findings are reused, and still right.
        assert.deepEqual(findingsOf(ast, ctx), expected);
      }
    }),
    { numRuns: 300, seed: 2417 },
  );
});

test('keystrokes inside a line (no line moves, summaries mostly kept), linted after each, equal a lint from scratch (300 sequences)', () => {
  // A file where cross-document rules have much to ask: Services, their pods, a StatefulSet.
  const text0 = [BASE, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n'].join('---\n');
  const key = fc.record({ at: fc.nat(), cut: fc.nat({ max: 1 }), insert: fc.constantFrom('', '1', 'a', ' ', '-', 'x', ':', 'b') });
  fc.assert(
    fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), (keys) => {
      let text = text0;
      let ast = parseK8s(text);
      findingsOf(ast, ctx);
      for (const k of keys) {
        const at = k.at % (text.length + 1);
        if (text.slice(at, at + k.cut).includes('\n')) continue;
        const change = { range: ast.index.rangeOf(at, Math.min(text.length, at + k.cut)), text: k.insert };
        text = text.slice(0, at) + k.insert + text.slice(at + k.cut);
        ast = reparseK8s(ast, text, [change]);
        assert.deepEqual(findingsOf(ast, ctx), findingsOf(parseK8s(text), scratchCtx));
      }
    }),
    { numRuns: 300, seed: 77 },
  );
});

test('an edit re-runs the rules of the edited document only; rules that asked the workspace run again', () => {
  const base = [
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n',
  ].join('---\n');
  let ast = parseK8s(base);
  const uri = { uri: 'file:///stats.yaml', settings: DEFAULT_SETTINGS };
  lintK8s(ast, uri);
  // The ConfigMap's value changes: only the ConfigMap runs its rules again (the Service's
  // selector rule asked the workspace, but was given the Deployment only).
  let before = { ...documentLintStats };
  let edited = base.replace('data: {a: b}', 'data: {a: c}');
  ast = reparseK8s(ast, edited);
  assert.deepEqual(lintK8s(ast, uri).map((f) => f.ruleId), []);
  assert.equal(documentLintStats.linted - before.linted, 1, 'the ConfigMap');
  assert.equal(documentLintStats.reused - before.reused, 2, 'the Service and the Deployment');
  // The Deployment's replicas change: the Deployment, and the Service that was given it.
  before = { ...documentLintStats };
  edited = edited.replace('replicas: 2', 'replicas: 3');
  ast = reparseK8s(ast, edited);
  assert.deepEqual(lintK8s(ast, uri).map((f) => f.ruleId), []);
  assert.equal(documentLintStats.linted - before.linted, 2, 'the Deployment and the Service');
  // The Deployment's pods lose the label the Service selects: the Service's finding appears.
  ast = reparseK8s(ast, edited.replace('labels: {app: web}', 'labels: {app: api}'));
  assert.deepEqual(findingsOf(ast, uri), findingsOf(parseK8s(edited.replace('labels: {app: web}', 'labels: {app: api}')), scratchCtx));
  assert.ok(lintK8s(ast, uri).some((f) => f.ruleId === 'k8s/service-selector'), 'the selector finding');
});

test('an edit in one document re-parses that document only; the others are reused', () => {
  const before = parseK8s(BASE);
  const at = BASE.indexOf('kind: Service');
  const after = reparseK8s(before, `${BASE.slice(0, at)}# note\n${BASE.slice(at)}`);
  const reused = after.segments.filter((s) => before.segments.some((b) => b.docs === s.docs)).length;
  assert.equal(reused, after.segments.length - 1, 'every piece but the edited one is kept');
  assert.ok(k8sLanguage.reparse, 'the language service offers reparse');
});
