// What a huge file sends the client: capped diagnostics, lenses and outline, each with a note.

import assert from 'node:assert/strict';
import test from 'node:test';
import { capFindings, capLenses, capSymbols } from '../../../server/src/analysis/caps';
import type { Finding } from '../../../server/src/core/finding';
import type { OutlineSymbol } from '../../../server/src/core/languageService';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
const finding = (line: number, severity: Finding['severity'], uri?: string): Finding => ({ ruleId: 'zone/bad-ipv4', severity, range: at(line), message: `m${line}`, uri });

test('capFindings keeps everything under the cap', () => {
  const all = [finding(1, 'error'), finding(2, 'warning')];
  assert.deepEqual(capFindings(all, 'file:///a', 5), { kept: all, omitted: 0 });
});

test('capFindings keeps the most severe first, in document order, and counts the rest', () => {
  const all = [finding(1, 'hint'), finding(2, 'error'), finding(3, 'warning'), finding(4, 'error'), finding(5, 'information')];
  const { kept, omitted } = capFindings(all, 'file:///a', 3);
  assert.deepEqual(kept.map((f) => f.range.start.line), [2, 3, 4]);
  assert.equal(omitted, 2);
});

test('capFindings caps findings in other files separately', () => {
  const all = [finding(1, 'error'), ...[1, 2, 3].map((l) => finding(l, 'error', 'file:///included'))];
  const { kept, omitted } = capFindings(all, 'file:///a', 2);
  assert.equal(kept.filter((f) => !f.uri).length, 1);
  assert.equal(kept.filter((f) => f.uri).length, 2);
  assert.equal(omitted, 1);
});

test('capLenses adds one summary lens when over the cap', () => {
  const lenses = Array.from({ length: 12 }, (_, i) => ({ range: at(i + 3), title: `l${i}` }));
  assert.equal(capLenses(lenses, 20), lenses);
  const capped = capLenses(lenses, 10);
  assert.equal(capped.length, 11);
  assert.match(capped[0].title, /2 more code lenses not shown/);
  assert.deepEqual(capped[0].range.start, { line: 3, character: 0 });
});

test('capSymbols walks depth first, stops at the cap and notes what it left out', () => {
  const leaf = (n: number): OutlineSymbol => ({ name: `s${n}`, kind: 'field', range: at(n), selectionRange: at(n) });
  const tree: OutlineSymbol[] = [{ ...leaf(0), children: [leaf(1), leaf(2)] }, { ...leaf(3), children: [leaf(4)] }, leaf(5)];
  assert.equal(capSymbols(tree, 6), tree);
  const capped = capSymbols(tree, 4);
  assert.deepEqual(capped.map((s) => s.name), ['s0', 's3', '… 2 more not shown']);
  assert.deepEqual(capped[1].children, []);
  assert.deepEqual(capped[2].range, at(4), 'the note points at the first symbol left out');
});
