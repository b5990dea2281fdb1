import assert from 'node:assert/strict';
import test from 'node:test';
import type { TextEdit } from '../../../../server/src/core/finding';
import { formatCorefile } from '../../../../server/src/languages/corefile/format';
import { lexCorefile } from '../../../../server/src/languages/corefile/lexer';

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

const MESSY = '.:53 {\nerrors   \n      forward . 1.1.1.1 {\n  policy random\n        }\n  template IN A example.org {\n     answer "a.example.org. 60 IN TXT \\"x\n   y\\""\n  }\n\t# comment\n}\n';

test('formatting indents by brace depth and leaves quoted text alone', () => {
  const out = apply(MESSY, formatCorefile(MESSY));
  assert.equal(out, '.:53 {\n    errors\n    forward . 1.1.1.1 {\n        policy random\n    }\n    template IN A example.org {\n        answer "a.example.org. 60 IN TXT \\"x\n   y\\""\n    }\n    # comment\n}\n');
});

test('formatting never changes meaning and is idempotent', () => {
  const out = apply(MESSY, formatCorefile(MESSY));
  const shape = (s: string) => lexCorefile(s).map((t) => [t.text, t.line]);
  assert.deepEqual(shape(out), shape(MESSY));
  assert.deepEqual(formatCorefile(out), []);
});
