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
import { type K8sAst, parseK8s, reparseK8s, segmentStarts } from '../../../../server/src/languages/k8s/model';
import { repoRoot } from '../../../helpers';

const ctx = { uri: 'file:///reparse.yaml', settings: DEFAULT_SETTINGS };

function summary(ast: K8sAst, withFindings = true) {
  return {
    objects: ast.objects.map((o) => `${o.docIndex} ${o.apiVersion} ${o.kind}/${o.name ?? ''} ${o.root.range?.join(',')}`),
    errors: ast.errors.map((e) => `${e.start}-${e.end} ${e.message}`),
    template: ast.template?.join(','),
    findings: !withFindings ? [] : lintK8s(ast, ctx).map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`),
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
        assert.deepEqual(summary(ast, last), summary(parseK8s(text), last));
      });
    }),
    { numRuns: 1000, seed: 1359 },
  );
});

test('an edit in one document re-parses that document only; the others are reused', () => {
  const before = parseK8s(BASE);
  const at = BASE.indexOf('kind: Service');
  const after = reparseK8s(before, `${BASE.slice(0, at)}# note\n${BASE.slice(at)}`);
  const reused = after.segments.filter((s) => before.segments.some((b) => b.docs === s.docs)).length;
  assert.equal(reused, after.segments.length - 1, 'every piece but the edited one is kept');
  assert.ok(k8sLanguage.reparse, 'the language service offers reparse');
});
