// Hover, completion, inlay hints and code lenses of resolv.conf, on the language service.

import assert from 'node:assert/strict';
import test from 'node:test';
import type { AnalysisContext } from '../../../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { resolvconfLanguage as lang } from '../../../../server/src/languages/resolvconf';

const TEXT = [
  'nameserver 10.1',
  'nameserver 10.0.0.2',
  'nameserver 10.0.0.3',
  'nameserver 10.0.0.4',
  'search a.svc.cluster.local svc.cluster.local',
  'options ndots:20 rotate',
  'options timeout:3',
  '  domain x',
  '',
].join('\n');

function ctx(libc: 'glibc' | 'musl' = 'glibc'): AnalysisContext {
  return { uri: 'file:///etc/resolv.conf', settings: { ...DEFAULT_SETTINGS, resolvconf: { libc } } };
}

const ast = lang.parse(TEXT, ctx());
const hover = (line: number, character: number, libc?: 'glibc' | 'musl') => lang.hover!(ast, { line, character }, ctx(libc))?.contents ?? '';

test('hover shows the effective value of every kind of line', () => {
  assert.match(hover(0, 12), /server 1 of 3 — `10\.1` means `10\.0\.0\.1`/);
  assert.match(hover(3, 12), /adds no server/);
  assert.match(hover(3, 12), /only the first 3 nameservers/i);
  assert.match(hover(4, 10), /`web\.a\.svc\.cluster\.local\.`/);
  assert.match(hover(4, 2), /Effective search list \(glibc\):\*\* `a\.svc\.cluster\.local` `svc\.cluster\.local` — from line 5 \(this line\)/);
  assert.match(hover(5, 10), /`ndots:15` from line 6/);
  assert.match(hover(5, 10), /capped at 15/);
  assert.match(hover(5, 18), /rotate\*\*.*\n\n\*\*Effective \(glibc\):\*\* on \(from line 6\)/s);
  assert.match(hover(5, 18, 'musl'), /musl ignores it/);
  assert.match(hover(5, 2), /`timeout:3` \(line 7\)/);
  assert.match(hover(7, 3), /indented/);
  assert.equal(lang.hover!(ast, { line: 8, character: 0 }, ctx()), undefined);
});

test('completion offers keywords in column 0 and options with their caps and range', () => {
  const doc = lang.parse('nameserver 10.0.0.1\nopt\noptions nd\noptions ndots:2 \n', ctx());
  const keywords = lang.complete!(doc, { line: 1, character: 3 }, ctx());
  assert.deepEqual(keywords.map((c) => c.label), ['nameserver', 'search', 'domain', 'options', 'sortlist']);
  assert.deepEqual(keywords[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  const options = lang.complete!(doc, { line: 2, character: 10 }, ctx());
  const ndots = options.find((c) => c.label === 'ndots:');
  assert.equal(ndots?.detail, 'default 1, cap 15 (glibc) / 15 (musl)');
  assert.deepEqual(ndots?.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
  assert.ok(options.some((c) => c.label === 'single-request-reopen'));
  assert.ok(!options.some((c) => c.label === 'inet6'), 'no deprecated options');
  const musl = lang.complete!(doc, { line: 3, character: 16 }, ctx('musl'));
  assert.equal(musl.find((c) => c.label === 'rotate')?.detail, 'ignored by musl');
  assert.deepEqual(lang.complete!(doc, { line: 0, character: 15 }, ctx()), []);
});

test('inlay hints show the resolved option set and each server\'s place', () => {
  const hints = lang.inlayHints!(ast, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, ctx());
  assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
    [0, '#1'],
    [1, '#2'],
    [2, '#3'],
    [3, 'not used'],
    [5, '→ ndots:15 timeout:3 attempts:2 rotate'],
    [6, '→ ndots:15 timeout:3 attempts:2 rotate'],
  ]);
  assert.deepEqual(hints[4].position, { line: 5, character: 23 });
});

test('code lenses open the query plan for a short and an external name', () => {
  const lenses = lang.codeLenses!(ast, ctx());
  assert.deepEqual(lenses.map((l) => l.title), ['web: 6 queries (glibc)', 'api.github.com: 6 queries (glibc)']);
  assert.deepEqual(lenses[0].arguments, ['infraLens.server.resolvePlan', { name: 'web', uri: 'file:///etc/resolv.conf', libc: 'glibc' }]);
});
