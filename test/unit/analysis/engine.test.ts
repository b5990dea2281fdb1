// Which edits an incremental re-parse gets: exactly those since the parse the engine holds.

import assert from 'node:assert/strict';
import test from 'node:test';
import { AnalysisEngine, changesSince } from '../../../server/src/analysis/engine';
import { lintStats } from '../../../server/src/languages/zone/incrementalLint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { lint } from '../../helpers';

const edit = (line: number, text: string) => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text });

test('changesSince: from the base, or from a newer held parse, never across a gap', () => {
  const changeLog = [
    { version: 3, changes: [edit(0, 'a')] },
    { version: 4, changes: [edit(1, 'b'), edit(2, 'c')] },
    { version: 5, changes: [edit(3, 'd')] },
  ];
  assert.deepEqual(changesSince(2, { baseVersion: 2, changeLog }), [edit(0, 'a'), edit(1, 'b'), edit(2, 'c'), edit(3, 'd')]);
  assert.deepEqual(changesSince(4, { baseVersion: 2, changeLog }), [edit(3, 'd')], 'a cancelled lint left the parse of version 4');
  assert.deepEqual(changesSince(5, { baseVersion: 2, changeLog }), []);
  assert.equal(changesSince(1, { baseVersion: 2, changeLog }), undefined, 'held parse older than the base');
  assert.equal(changesSince(2, { baseVersion: undefined, changeLog }), undefined);
  assert.equal(changesSince(2, { baseVersion: 2, changeLog: [...changeLog, { version: 6, changes: undefined }] }), undefined, 'a full replacement');
  assert.equal(changesSince(2, { baseVersion: 2, changeLog: [changeLog[1], changeLog[0]] }), undefined, 'versions out of order');
});

test('the engine lints like the CLI, answers features only for the version it holds, stops when cancelled', async () => {
  const engine = new AnalysisEngine();
  const text = '$ORIGIN example.test.\n@ 300 IN SOA ns1 host 1 2 3 4 5\n@ 300 IN NS ns1\nns1 300 IN A 192.0.2.300\n';
  const job = { uri: 'file:///e.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false };
  const outcome = await engine.analyze(job, () => false);
  assert.equal(outcome.kind, 'done');
  const expected = await lint('zone', text, {}, 'file:///e.zone');
  assert.deepEqual(outcome.kind === 'done' && outcome.findings.map((f) => f.ruleId), expected.map((f) => f.ruleId));
  assert.ok(engine.feature({ uri: job.uri, version: 1, feature: 'hover', params: { line: 3, character: 11 } }));
  assert.equal(engine.feature({ uri: job.uri, version: 2, feature: 'hover', params: { line: 3, character: 11 } }), undefined);
  assert.deepEqual(await engine.analyze({ ...job, version: 2 }, () => true), { kind: 'cancelled', version: 2 });
  engine.close(job.uri);
  assert.equal(engine.size, 0);
});

test('the parse is held before the lint: features answer from it; a slow parse reports its own findings first', async () => {
  const engine = new AnalysisEngine();
  // A bad address (a parser finding) and a serial off the YYYYMMDDnn convention (a check's).
  const text = '$ORIGIN example.test.\n@ 300 IN SOA ns1 host 1 2 3 4 5\n@ 300 IN NS ns1\nns1 300 IN A 192.0.2.300\n';
  const job = { uri: 'file:///p.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false, earlyFindingsAfterMs: 0 };
  const seen: Array<{ early: string[] | undefined; hover: boolean }> = [];
  const outcome = await engine.analyze(job, () => false, (notice) => {
    assert.equal(notice.version, 1);
    seen.push({ early: notice.early?.findings.map((f) => f.ruleId), hover: engine.feature({ uri: job.uri, version: 1, feature: 'hover', params: { line: 3, character: 11 } }) !== undefined });
  });
  assert.deepEqual(seen, [{ early: ['zone/bad-ipv4'], hover: true }], 'once, between parse and lint, with the parser finding only');
  const all = outcome.kind === 'done' ? outcome.findings.map((f) => f.ruleId) : [];
  assert.ok(all.includes('zone/bad-ipv4') && all.includes('zone/soa-serial'), 'the lint still reports both');

  // A parse faster than the threshold (or no threshold) reports no early findings.
  const notices: unknown[] = [];
  await engine.analyze({ ...job, version: 2, earlyFindingsAfterMs: 60_000 }, () => false, (n) => void notices.push(n.early));
  await engine.analyze({ ...job, version: 3, earlyFindingsAfterMs: undefined }, () => false, (n) => void notices.push(n.early));
  assert.deepEqual(notices, [undefined, undefined]);
  // Cancelled while the parse was reported: no lint, the parse is kept for the next version.
  let cancelled = false;
  assert.deepEqual(await engine.analyze({ ...job, version: 4 }, () => cancelled, () => void (cancelled = true)), { kind: 'cancelled', version: 4, held: true });
  assert.ok(engine.feature({ uri: job.uri, version: 4, feature: 'hover', params: { line: 3, character: 11 } }));
});

test('the outline and lenses of a version are computed once; a new analysis computes them again', async () => {
  const engine = new AnalysisEngine();
  const text = '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 host 2026010101 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
  const job = { uri: 'file:///m.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false };
  await engine.analyze(job, () => false);
  const ask = (feature: 'symbols' | 'codeLenses', version = 1) => engine.feature({ uri: job.uri, version, feature });
  const symbols = ask('symbols');
  const lenses = ask('codeLenses');
  assert.ok(Array.isArray(symbols) && symbols.length > 0 && Array.isArray(lenses) && lenses.length > 0);
  assert.equal(ask('symbols'), symbols, 'the same answer, not recomputed');
  assert.equal(ask('codeLenses'), lenses);
  await engine.analyze({ ...job, version: 2, text: text + 'www IN A 192.0.2.2\n' }, () => false);
  const next = ask('symbols', 2);
  assert.notEqual(next, symbols);
  assert.ok(JSON.stringify(next).includes('www'), 'the new version\'s outline');
  // Other documents in the request (Kubernetes): never kept.
  const withOthers = () => engine.feature({ uri: job.uri, version: 2, feature: 'symbols', workspaceDocuments: [] });
  assert.notEqual(withOthers(), withOthers());
});

test('a whole-zone lint looks at cancellation between slices: cancelled during it, it stops without finishing the walk', async () => {
  const engine = new AnalysisEngine();
  const text = '$ORIGIN example.test.\n@ 300 IN SOA ns1 host 1 2 3 4 5\n@ 300 IN NS ns1\n' + Array.from({ length: 30_000 }, (_, i) => `h${i} 300 IN A 10.0.${i >> 8}.${i & 255}\n`).join('');
  const job = { uri: 'file:///c.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false };
  let cancelled = false;
  const walksBefore = lintStats.full;
  // The flag turns on once the lint has begun: at its first turn of the event loop.
  const outcome = await engine.analyze(job, () => cancelled, () => void setImmediate(() => (cancelled = true)));
  assert.deepEqual(outcome, { kind: 'cancelled', version: 1, held: true }, 'cancelled, its parse kept');
  assert.equal(lintStats.full, walksBefore, 'the whole walk did not run to its end');
  // Not cancelled, the same engine lints it from the kept parse, equal to the plain lint.
  const done = await engine.analyze({ ...job, version: 2, baseVersion: 1, changeLog: [{ version: 2, changes: [] }] }, () => false);
  assert.equal(lintStats.full, walksBefore + 1);
  const expected = await lint('zone', text, {}, job.uri);
  assert.deepEqual(done.kind === 'done' && done.findings.map((f) => `${f.ruleId}@${f.range.start.line}`), expected.map((f) => `${f.ruleId}@${f.range.start.line}`));
  engine.close(job.uri);
});

test('a long parse from scratch offers its findings so far once; cancelled meanwhile, it still ends and its parse is kept', async () => {
  const engine = new AnalysisEngine();
  const records = Array.from({ length: 20_000 }, (_, i) => `h${i} 300 IN A 10.0.${i >> 8}.${i & 255}\n`).join('');
  const text = '$ORIGIN example.test.\n@ 300 IN SOA ns1 host 1 2 3 4 5\n@ 300 IN NS ns1\nbad 300 IN A 192.0.2.300\n' + records + 'late 300 IN A 192.0.2.301\n';
  const job = { uri: 'file:///partial.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false, partialFindingsAfterMs: 0 };
  const events: string[] = [];
  let cancelled = false;
  const outcome = await engine.analyze(job, () => cancelled, () => void events.push('parsed'), (notice) => {
    events.push(`partial v${notice.version}: ${notice.early!.findings.map((f) => `${f.ruleId}@${f.range.start.line}`).join(',')}`);
    cancelled = true; // a newer edit came while the parse runs
  });
  assert.deepEqual(events, ['partial v1: zone/bad-ipv4@3'], 'once, with the bad address near the top and not the one at the end yet');
  assert.deepEqual(outcome, { kind: 'cancelled', version: 1, held: true });
  const lastLine = text.split('\n').length - 2;
  assert.ok(engine.feature({ uri: job.uri, version: 1, feature: 'hover', params: { line: lastLine, character: 12 } }), 'the whole file was parsed: its last record has a hover');

  // Without the setting, or when the parse is short, nothing is offered.
  const none: unknown[] = [];
  await engine.analyze({ ...job, uri: 'file:///quiet.zone', partialFindingsAfterMs: undefined }, () => false, undefined, (n) => void none.push(n));
  await engine.analyze({ ...job, uri: 'file:///short.zone', text: text.slice(0, 300) }, () => false, undefined, (n) => void none.push(n));
  assert.deepEqual(none, []);
});

test('the findings so far of a file with no SOA yet leave out zone/no-ttl: it may be an $INCLUDEd fragment', async () => {
  const engine = new AnalysisEngine();
  // No $TTL and no SOA: every record lacks a TTL, which a fragment takes from the including file.
  const text = '$ORIGIN example.test.\nbad IN A 192.0.2.300\n' + Array.from({ length: 10_000 }, (_, i) => `h${i} IN A 10.0.${i >> 8}.${i & 255}\n`).join('');
  const job = { uri: 'file:///fragment.zone', version: 1, language: 'zone' as const, text, settings: DEFAULT_SETTINGS, mayReadFiles: false, partialFindingsAfterMs: 0 };
  const partial: string[][] = [];
  const outcome = await engine.analyze(job, () => false, undefined, (n) => void partial.push(n.early!.findings.map((f) => f.ruleId)));
  assert.deepEqual(partial, [['zone/bad-ipv4']]);
  assert.ok(outcome.kind === 'done' && !outcome.findings.some((f) => f.ruleId === 'zone/no-ttl'), 'the whole lint agrees: a fragment');
});
