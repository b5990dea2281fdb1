// Which edits an incremental re-parse gets: exactly those since the parse the engine holds.

import assert from 'node:assert/strict';
import test from 'node:test';
import { AnalysisEngine, changesSince } from '../../../server/src/analysis/engine';
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
