// dig's batch mode (`infra-lens dig -f FILE`): how the lines become lookups, and the files it
// refuses. The lookups themselves are compared with dig in test/integration/dns/dig.test.ts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { batchLookups, batchOption, batchOutput, EXIT_BATCH_FILE } from '../../../server/src/cli/commands/dig';
import { cliPath } from '../../helpers';

test('batchOption takes -f FILE and -fFILE out of the command line', () => {
  assert.deepEqual(batchOption(['@1.1.1.1', '-f', 'names', '+short']), { file: 'names', rest: ['@1.1.1.1', '+short'] });
  assert.deepEqual(batchOption(['-fnames']), { file: 'names', rest: [] });
  assert.equal(batchOption(['example.com', '-p', '53']), undefined);
  assert.equal(batchOption(['-f']), undefined, 'no file: left to the usual usage error');
});

test('batchLookups: one lookup per line, comments and blanks skipped, the command line added to each', () => {
  const text = 'www.example.test A\n\n# a comment\n; another\r\n  example.test   MX  \nsvc.example.test HTTPS @10.0.0.1\n';
  assert.deepEqual(batchLookups(['@127.0.0.1', '-p', '5353', '+short'], text), [
    ['@127.0.0.1', '-p', '5353', '+short', 'www.example.test', 'A'],
    ['@127.0.0.1', '-p', '5353', '+short', 'example.test', 'MX'],
    ['-p', '5353', '+short', 'svc.example.test', 'HTTPS', '@10.0.0.1'],
  ]);
});

test('batchLookups: a name on the command line is looked up first; +short/+noshort carry to later lines, other options do not', () => {
  assert.deepEqual(batchLookups(['+short', 'first.test', '--json'], 'a.test -t MX +noshort\nb.test\n'), [
    ['+short', 'first.test'],
    ['+short', 'a.test', '-t', 'MX', '+noshort'],
    ['+short', '+noshort', 'b.test'],
  ]);
  assert.deepEqual(batchLookups([], ''), []);
});

test('batchOutput: straight through to a terminal; to a pipe in blocks, all of it after flush, in order', () => {
  const tty: string[] = [];
  const direct = batchOutput(true, (t) => tty.push(t), 10);
  direct.write('a\n');
  direct.write('b\n');
  assert.deepEqual(tty, ['a\n', 'b\n'], 'a terminal sees each lookup as it ends');
  const piped: string[] = [];
  const blocks = batchOutput(false, (t) => piped.push(t), 10);
  blocks.write('12345\n');
  assert.deepEqual(piped, [], 'below a block nothing is written yet');
  blocks.write('67890\n');
  assert.deepEqual(piped, ['12345\n67890\n'], 'a full block is written at once');
  blocks.write('tail\n');
  blocks.flush();
  blocks.flush();
  assert.deepEqual(piped, ['12345\n67890\n', 'tail\n'], 'flush writes the rest once');
});

test('dig -f on a missing file, a directory, /dev/zero or a binary file: a message and exit 8, no hang', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dig-batch-'));
  const binary = path.join(dir, 'names.bin');
  fs.writeFileSync(binary, Buffer.from([0x61, 0, 0x62, 0x0a]));
  try {
    for (const [file, reason] of [[path.join(dir, 'absent'), /no such file/], [dir, /is a directory/], ['/dev/zero', /over the \d+-byte limit/], [binary, /binary file/]] as const) {
      const r = spawnSync(process.execPath, [cliPath, 'dig', '-f', file], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, EXIT_BATCH_FILE, `${file}: ${r.stderr}`);
      assert.match(r.stderr, /couldn't open batch file/);
      assert.match(r.stderr, reason);
      assert.equal(r.stdout, '');
    }
    const empty = spawnSync(process.execPath, [cliPath, 'dig', '-f', '/dev/null'], { encoding: 'utf8' });
    assert.equal(empty.status, 0, 'an empty batch (dig -f /dev/null) does nothing and succeeds');
    assert.equal(empty.stdout, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
