// The real analysis worker (dist/analysisWorker.js): a feature asked for as soon as the parse
// is reported is answered before the lint, which then runs and finishes as usual.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import test from 'node:test';
import { WorkerExecutor } from '../../../server/src/analysis/executor';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { repoRoot } from '../../helpers';

test('the worker answers a hover posted on the parse notice before it lints', async () => {
  const executor = new WorkerExecutor(path.join(repoRoot, 'dist', 'analysisWorker.js'));
  const text = '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.300\n' + Array.from({ length: 20_000 }, (_, i) => `h${i} IN A 10.0.${i >> 8}.${i & 255}\n`).join('');
  const uri = 'file:///w.zone';
  const order: string[] = [];
  let hover: Promise<unknown> | undefined;
  const run = executor.analyze({ uri, version: 1, language: 'zone', text, settings: DEFAULT_SETTINGS, mayReadFiles: false, earlyFindingsAfterMs: 0 }, (notice) => {
    order.push(`parsed ${notice.early?.findings.map((f) => f.ruleId).join(',')}`);
    hover = executor.feature({ uri, version: 1, feature: 'hover', params: { line: 4, character: 7 } }).then((h) => void order.push(`hover ${h ? 'shown' : 'none'}`));
  });
  const outcome = await run.promise;
  order.push('linted');
  await hover;
  assert.deepEqual(order, ['parsed zone/bad-ipv4', 'hover shown', 'linted']);
  assert.ok(outcome.kind === 'done' && outcome.findings.some((f) => f.ruleId === 'zone/soa-serial'));
  executor.close(uri);
});

/** A zone whose whole walk takes a while (tens of slices), with one parser finding. */
function bigZone(records: number): string {
  return '$ORIGIN example.test.\n$TTL 300\n@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.300\n' + Array.from({ length: records }, (_, i) => `h${i} IN A 10.${i >> 16}.${(i >> 8) & 255}.${i & 255}\n`).join('');
}

test('while the worker lints a big zone, a hover of that version is answered before the lint ends, ahead of an outline asked first', async () => {
  const executor = new WorkerExecutor(path.join(repoRoot, 'dist', 'analysisWorker.js'));
  const uri = 'file:///busy.zone';
  const order: string[] = [];
  const asked: Array<Promise<unknown>> = [];
  const run = executor.analyze({ uri, version: 1, language: 'zone', text: bigZone(60_000), settings: DEFAULT_SETTINGS, mayReadFiles: false }, () => {
    // After the go-ahead (posted on the next turn), the worker is inside the lint.
    setTimeout(() => {
      asked.push(executor.feature({ uri, version: 1, feature: 'symbols' }).then((s) => void order.push(`symbols ${Array.isArray(s) ? 'shown' : 'none'}`)));
      asked.push(executor.feature({ uri, version: 1, feature: 'hover', params: { line: 4, character: 7 } }).then((h) => void order.push(`hover ${h ? 'shown' : 'none'}`)));
    }, 20);
  });
  const outcome = await run.promise.then((o) => (order.push('linted'), o));
  await Promise.all(asked);
  assert.equal(outcome.kind, 'done');
  assert.deepEqual(order.slice(0, 2), ['hover shown', 'symbols shown'], `answered in this order: ${order.join(', ')}`);
  assert.ok(order.indexOf('linted') > 0, `the hover came during the lint, not after it: ${order.join(', ')}`);
  executor.close(uri);
});

test('a feature request cancelled before the worker begins it is dropped: undefined, at once', async () => {
  const executor = new WorkerExecutor(path.join(repoRoot, 'dist', 'analysisWorker.js'));
  const small = 'file:///small.zone';
  const job = { version: 1, language: 'zone' as const, settings: DEFAULT_SETTINGS, mayReadFiles: false };
  await executor.analyze({ ...job, uri: small, text: bigZone(10) }).promise;
  // The worker is inside another document's (synchronous) parse while both requests and the
  // cancellation arrive: it reads all three messages before it could begin either request.
  const busy = executor.analyze({ ...job, uri: 'file:///busy.zone', text: bigZone(40_000) });
  const abort = new AbortController();
  const dropped = executor.feature({ uri: small, version: 1, feature: 'symbols' }, abort.signal);
  const kept = executor.feature({ uri: small, version: 1, feature: 'codeLenses' });
  abort.abort();
  assert.equal(await dropped, undefined, 'the cancelled outline is not computed');
  assert.ok(Array.isArray(await kept), 'the one not cancelled is answered');
  assert.equal(await executor.feature({ uri: small, version: 1, feature: 'symbols' }, AbortSignal.abort()), undefined, 'already cancelled: never posted');
  assert.ok(Array.isArray(await executor.feature({ uri: small, version: 1, feature: 'symbols' })), 'asked again, not cancelled: answered');
  await busy.promise;
  executor.close(small);
  executor.close('file:///busy.zone');
});
