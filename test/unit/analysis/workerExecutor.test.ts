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
