import assert from 'node:assert/strict';
import test from 'node:test';
import { LineIndex } from '../../../server/src/core/text';

test('positions and offsets round-trip over \\n, \\r\\n and \\r line breaks', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  for (let o = 0; o <= text.length; o++) {
    const p = index.positionAt(o);
    if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
    assert.equal(index.offsetAt(p), o, `offset ${o} -> ${JSON.stringify(p)}`);
  }
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.equal(index.lineText(1), 'cd');
  assert.equal(index.lineText(3), 'gh');
});

test('an offset between the \\r and \\n of a CRLF is the end of its line', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
});

test('clampRange keeps every range inside the document', () => {
  const index = new LineIndex('one\ntwo');
  assert.deepEqual(index.clampRange({ start: { line: 1, character: 1 }, end: { line: 9, character: 99 } }), {
    start: { line: 1, character: 1 },
    end: { line: 1, character: 3 },
  });
  assert.deepEqual(index.clampRange({ start: { line: 0, character: 50 }, end: { line: 0, character: 2 } }), {
    start: { line: 0, character: 3 },
    end: { line: 0, character: 3 },
  });
});
