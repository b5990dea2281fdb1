// Property tests over every parser and rule set (1,000 generated documents per language;
// `npm run fuzz` runs 100,000): never throws, bounded time, every range inside the document
// with start <= end before clamping, deterministic. fast-check shrinks a failure to a
// minimal document; each one found so far is a regression case in regressions.test.ts.

import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { documentArbitrary, FUZZ_LANGUAGES } from '../../fuzz/arbitraries';
import { checkCase } from '../../fuzz/check';

const CASES = 1000;
/** Generous: two shared cores; a real quadratic path on these sizes takes far longer. */
const MAX_MS = 5000;

for (const language of FUZZ_LANGUAGES) {
  test(`${language}: ${CASES} generated documents never throw, stay in range, are deterministic`, async () => {
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(documentArbitrary(language, 2000), async (text) => {
        const r = await checkCase(language, text);
        slowest = Math.max(slowest, r.ms);
        assert.equal(r.exception, undefined, 'exception');
        assert.deepEqual(r.outOfRange, [], 'ranges outside the document');
        assert.equal(r.nondeterministic, false, 'two runs differ');
        assert.ok(r.ms < MAX_MS, `took ${r.ms.toFixed(0)} ms for ${text.length} characters`);
      }),
      { numRuns: CASES, seed: 18 },
    );
    console.log(`${language}: ${CASES} cases, slowest ${slowest.toFixed(1)} ms`);
  });
}
