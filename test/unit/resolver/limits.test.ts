// Hostile resolv.conf sizes: a 2 KB search line of 1,000 repeated domains and a LOCALDOMAIN of
// 20,000 words give a bounded plan, in bounded time and memory, that says where it stopped.

import assert from 'node:assert/strict';
import test from 'node:test';
import { resolverConfig } from '../../../server/src/resolver/config';
import { MAX_PLAN_CANDIDATES, queryPlan } from '../../../server/src/resolver/plan';
import { lint } from '../../helpers';

test('1,000 repeated search domains (2 KB): the plan stops at its cap and says so', async () => {
  const text = `nameserver 10.0.0.1\noptions ndots:15 attempts:5\nsearch ${Array(1000).fill('a').join(' ')}\n`;
  const started = Date.now();
  const plan = queryPlan('x', resolverConfig(text));
  const ms = Date.now() - started;
  const size = JSON.stringify(plan).length;
  console.log(`tried a ${text.length}-byte file with 1,000 search domains: ${plan.candidates.length} candidates, ${plan.queries.length} queries, ${size} bytes of plan, ${ms} ms; ${plan.stoppedBy}`);
  assert.equal(plan.candidates.length, MAX_PLAN_CANDIDATES);
  assert.match(plan.stoppedBy ?? '', /stops after 256 of 1001 candidate names/);
  assert.ok(size < 100_000);
  await assert.doesNotReject(lint('resolvconf', text));
});

test('LOCALDOMAIN with 20,000 words: bounded plan, no heap exhaustion', () => {
  const LOCALDOMAIN = Array.from({ length: 20_000 }, (_, i) => `d${i}.example`).join(' ');
  const before = process.memoryUsage().heapUsed;
  const started = Date.now();
  const config = resolverConfig('nameserver 10.0.0.1\n', { env: { LOCALDOMAIN } });
  const plan = queryPlan('web', config);
  const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  console.log(`tried LOCALDOMAIN of 20,000 words (${LOCALDOMAIN.length} bytes): ${config.search.length} domains read, plan of ${plan.candidates.length} candidates in ${Date.now() - started} ms, heap +${grown.toFixed(1)} MB`);
  assert.equal(config.search.length, 20_000, 'every domain is read, as glibc does');
  assert.equal(plan.candidates.length, MAX_PLAN_CANDIDATES);
  assert.ok(Date.now() - started < 10_000);
});
