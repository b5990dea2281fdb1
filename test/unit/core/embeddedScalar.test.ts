import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { decodeScalar, type ScalarStyle } from '../../../server/src/core/embeddedScalar';

const STYLES: Record<string, ScalarStyle> = { BLOCK_LITERAL: 'literal', BLOCK_FOLDED: 'folded', QUOTE_DOUBLE: 'double', QUOTE_SINGLE: 'single', PLAIN: 'plain' };

/** Decodes the value of top-level key `k` (at column `col`) and returns it beside yaml's own reading. */
function decodeKey(src: string, col = 0) {
  const doc = parseDocument(src);
  assert.equal(doc.errors.length, 0, doc.errors.map((e) => e.message).join('; '));
  const root = doc.contents;
  assert.ok(isMap(root));
  let pair = root.items[0];
  while (isMap(pair.value)) pair = pair.value.items[0];
  const v = pair.value as Scalar;
  assert.ok(isScalar(v));
  const decoded = decodeScalar(src, STYLES[v.type!], v.range![0], v.range![1], col);
  return { decoded, expected: String(v.value), scalar: v };
}

/** Every character of the decoded text that was copied verbatim sits at the host offset the map gives. */
function assertMapExact(src: string, decoded: NonNullable<ReturnType<typeof decodeScalar>>): void {
  for (const p of decoded.map.pieces) {
    if (!p.verbatim) continue;
    for (let o = p.textStart; o < p.textEnd; o++) {
      assert.equal(src[decoded.map.toHost(o)], decoded.text[o], `text offset ${o}`);
      assert.equal(decoded.map.fromHost(decoded.map.toHost(o)), o);
    }
  }
}

const CASES: Array<[string, string, number]> = [
  ['literal', 'Corefile: |\n  .:53 {\n      errors\n  }\n', 0],
  ['literal strip', 'Corefile: |-\n  .:53 {\n\n      errors\n  }\n\n\n', 0],
  ['literal keep', 'Corefile: |+\n  a\n\n\n', 0],
  ['indentation indicator', 'data:\n  Corefile: |2-\n     .:53 {\n        errors\n     }\n', 2],
  ['indicator after chomping', 'data:\n  Corefile: |-1\n    x\n   y\n', 2],
  ['header comment', 'Corefile: | # the config\n  a\n  b\n', 0],
  ['folded', 'Corefile: >\n  .:53 {\n  errors\n\n  }\n    spaced\n  end\n', 0],
  ['folded strip', 'Corefile: >-\n  a\n  b\n', 0],
  ['CRLF', 'Corefile: |\r\n  a\r\n  b\r\n', 0],
  ['double quoted escapes', 'Corefile: ".:53 {\\n    errors\\n\\tcache 30 \\"x\\" \\u00e9\\x41\\\\\\n}\\n"\n', 0],
  ['double quoted folding', 'Corefile: "a\n   b\n\n   c \\\n   d"\n', 0],
  ['single quoted', "Corefile: 'it''s\n  folded\n\n  here'\n", 0],
  ['plain multi-line', 'Corefile: plain text\n  more text\n\n  end\n', 0],
  ['json', '{"data": {"Corefile": ".:53 {\\n    forward . /etc/resolv.conf\\n}\\n"}}', 0],
];

for (const [name, src, col] of CASES) {
  test(`decodes a ${name} scalar as yaml does, with an exact map`, () => {
    const { decoded, expected } = decodeKey(src, col);
    assert.ok(decoded, 'decoded');
    assert.equal(decoded.text, expected);
    assertMapExact(src, decoded);
  });
}

test('an escape maps to the whole escape sequence in the host', () => {
  const src = 'k: "a\\tb"\n';
  const { decoded } = decodeKey(src);
  assert.ok(decoded);
  assert.equal(decoded.map.toHost(1), src.indexOf('\\t'));
  assert.equal(decoded.map.toHost(2), src.indexOf('b'));
});

test('block-scalar indentation maps to the first character read on that line', () => {
  const src = 'k: |\n    ab\n    cd\n';
  const { decoded } = decodeKey(src);
  assert.ok(decoded);
  assert.equal(decoded.map.fromHost(src.indexOf('cd') - 3), 3);
  assert.equal(decoded.contentIndent, 4);
});

test('folded scalars report the line breaks they fold into spaces', () => {
  const src = 'k: >\n  a\n  b\n\n  c\n';
  const { decoded } = decodeKey(src);
  assert.equal(decoded?.text, 'a b\nc\n');
  assert.equal(decoded?.foldedBreaks?.length, 2);
});

// Generated documents: lines of Corefile-ish words, blank lines, extra indentation, written
// in every style yaml can print; the decoder must agree with yaml's reading every time.
test('agrees with yaml on generated scalars of every style', () => {
  const word = fc.stringMatching(/^[a-z.:{}0-9#"'\\\t é-]{0,8}$/);
  const line = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(word, { maxLength: 4 })).map(([ind, ws]) => ' '.repeat(ind) + ws.join(' '));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('|', '|-', '|+', '>', '>-', '|2', '"', "'"), (lines, header) => {
      const body = lines.join('\n');
      let src: string;
      if (header === '"') src = `data:\n  k: ${JSON.stringify(body)}\n`;
      else if (header === "'") src = `data:\n  k: '${body.replace(/'/g, "''").replace(/\n/g, '\n\n    ')}'\n`;
      else {
        if (lines.every((l) => l.trim() === '')) return;
        const indent = header === '|2' ? '    ' : '    ';
        src = `data:\n  k: ${header}\n${lines.map((l) => (l.trim() === '' ? '' : indent + l)).join('\n')}\n`;
      }
      const doc = parseDocument(src);
      if (doc.errors.length) return;
      const { decoded, expected } = decodeKey(src, 2);
      assert.ok(decoded, src);
      assert.equal(decoded.text, expected, JSON.stringify(src));
      assertMapExact(src, decoded);
    }),
    { seed: 15, numRuns: 400 },
  );
});
