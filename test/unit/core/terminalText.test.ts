// Control characters from processes and linted files never reach the CLI user's terminal raw.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { escapeForTerminal } from '../../../server/src/core/terminalText';
import { cliPath } from '../../helpers';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

test('escapeForTerminal: ESC, BEL, CR, C1 and bidi overrides become visible; \\n and \\t stay', () => {
  assert.equal(escapeForTerminal('a\x1b]0;pwned\x07b'), 'a\\x1b]0;pwned\\x07b');
  assert.equal(escapeForTerminal('x\ry\u009bz\u202eq'), 'x\\x0dy\\x9bz\\u202eq');
  assert.equal(escapeForTerminal('line 1\n\tline 2 é 😀'), 'line 1\n\tline 2 é 😀');
});

test('the CLI escapes a process argument and a linted file that carry terminal escapes', async () => {
  const evil = '\x1b]0;pwned\x07\x1b[2J';
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)', '--', `title${evil}`], { stdio: 'ignore' });
  let dir: string | undefined;
  try {
    await new Promise((r) => setTimeout(r, 300));
    const proc = execFileSync(process.execPath, [cliPath, 'proc', 'process', '--pid', String(child.pid)], { encoding: 'utf8' });
    const list = execFileSync(process.execPath, [cliPath, 'proc', 'processes'], { encoding: 'utf8' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-escape-'));
    const corefile = path.join(dir, 'Corefile');
    fs.writeFileSync(corefile, `.:53 {\n    forw${evil}ard . 1.1.1.1\n}\n`);
    const lint = spawnSync(process.execPath, [cliPath, 'lint', corefile], { encoding: 'utf8' });
    console.log('tried: a process argument and a Corefile directive containing OSC-title, BEL and clear-screen sequences');
    for (const [what, out] of [['proc process', proc], ['proc processes', list], ['lint', lint.stdout + lint.stderr]] as const) {
      assert.ok(!RAW_CONTROL.test(out), `${what} prints no raw control character`);
    }
    // An argument with control characters is shown JSON-quoted, so every byte is visible.
    assert.match(proc, /"title\\u001b\]0;pwned\\u0007\\u001b\[2J"/);
    assert.match(lint.stdout, /forw\\x1b\]0;pwned\\x07/);
  } finally {
    child.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
});
