// Linting never throws: token soups made of real plugin and property names, braces, quotes,
// numbers and placeholders, in every plugin's block (a fixed seed keeps failures reproducible).

import assert from 'node:assert/strict';
import test from 'node:test';
import { PLUGINS } from '../../../../server/src/languages/corefile/plugins';
import { lint } from '../../../helpers';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['{', '}', '{', '}', '"', '""', '.', '0', '-1', '5s', '1m', '%', '20%', '@kubernetes', '10.0.0.0/8', '::1', 'tls://1.1.1.1', '{$X}', 'import', 'a,', '#c', 'continue', 'name', 'answer', 'regex', '(.*)', '{1}', 'type', 'net', 'from', 'IN', 'A', 'NXDOMAIN', 'listen', 'full', 'weighted', 'set', 'rd', 'match', 'var', 'expr', 'fallthrough', 'upstream', 'to', '*'];

test('random token soups in every plugin never crash the linter', async () => {
  const next = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  for (const plugin of PLUGINS) {
    const props = Object.keys(plugin.properties);
    for (let round = 0; round < 12; round++) {
      const lines = [`${pick(['.', 'example.org:1053', 'tls://.', '10.0.0.0/15', '(snip)'])} {`];
      for (let l = 0; l < 6; l++) {
        const words = [l === 0 ? plugin.name : pick([plugin.name, ...props, ...WORDS])];
        const n = Math.floor(next() * 6);
        for (let w = 0; w < n; w++) words.push(pick([...WORDS, ...props]));
        lines.push(words.join(' '));
      }
      if (next() < 0.8) lines.push('}');
      const text = lines.join('\n');
      await assert.doesNotReject(lint('corefile', text), `crashed on:\n${text}`);
    }
  }
});
