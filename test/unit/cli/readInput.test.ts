// readLintInput: the text of a file as UTF-8 reads it, whichever decoding it takes (ASCII
// files are copied as Latin-1, which is the same text for them).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { readLintInput } from '../../../server/src/cli/readInput';

const cases: Array<[string, Buffer]> = [
  ['ASCII', Buffer.from('$ORIGIN example.\nwww IN TXT "plain"\n')],
  ['UTF-8, two- and four-byte characters', Buffer.from('www IN TXT "café ☕ 𝄞"\n; ümlaut\n', 'utf8')],
  ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('.:53 {\n}\n')])],
  ['invalid UTF-8 (a lone Latin-1 byte)', Buffer.from([0x77, 0x77, 0x77, 0x20, 0xe9, 0x0a])],
  ['an 0x7f byte', Buffer.from([0x61, 0x7f, 0x62, 0x0a])],
];

for (const [name, bytes] of cases) {
  test(`readLintInput: ${name} reads as UTF-8 decodes it`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-read-'));
    try {
      const file = path.join(dir, 'input');
      fs.writeFileSync(file, bytes);
      const r = readLintInput(file);
      assert.ok(r.ok);
      assert.equal(r.text, bytes.toString('utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
