// Minimal documents the property tests found (fast-check shrank each one); every one broke a
// property before its fix: a range outside the document, an exception, a hang.

import assert from 'node:assert/strict';
import test from 'node:test';
import type { LanguageId } from '../../../server/src/core/rules';
import { checkCase } from '../../fuzz/check';

const CASES: Array<{ language: LanguageId; text: string; was: string }> = [
  { language: 'corefile', text: '0\nloop', was: "loop-without-forward's fix deleted through line 2, past the end" },
  { language: 'corefile', text: `.:53 {\n    cache ${'{ '.repeat(20000)}\n`, was: 'stack overflow in the recursive block reader' },
  { language: 'resolvconf', text: '0\r\n', was: 'the CRLF fix ended between \\r and \\n (and so did nothing)' },
  { language: 'resolvconf', text: 'sortlist 10.0.0.0/8\r\n', was: 'sortlist-hang range ended between \\r and \\n' },
];

for (const c of CASES) {
  test(`${c.language} ${JSON.stringify(c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text)}: ${c.was}`, async () => {
    const r = await checkCase(c.language, c.text);
    assert.equal(r.exception, undefined);
    assert.deepEqual(r.outOfRange, []);
    assert.equal(r.nondeterministic, false);
  });
}
