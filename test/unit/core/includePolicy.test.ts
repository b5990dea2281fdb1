// $INCLUDE / import safety: the pure policy, then the reader on real files (a FIFO, a
// device, /proc, a symlink out of the tree, a file too large, /etc/passwd-shaped text), then
// the linters on zone files and Corefiles that try each. Every case prints what it tried.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test, { after } from 'node:test';
import { includeDirListerFor, includeReaderFor, makeIncludeReader } from '../../../server/src/core/includeReader';
import { contentVerdict, IncludeRefused, isInside, looksLikeCorefile, looksLikeZoneFile, pathVerdict } from '../../../server/src/core/includePolicy';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { LANGUAGES } from '../../../server/src/languages';

const policy = (roots: string[], language: 'zone' | 'corefile' | 'other' = 'zone') => ({ roots, maxBytes: 1024, language });

test('pathVerdict: inside the roots only, never /proc, /sys or /dev, ".." does not escape', () => {
  const tried: Array<[string, boolean]> = [];
  for (const [p, ok] of [
    ['/work/repo/zones/a.zone', true],
    ['/work/repo/../etc/shadow', false],
    ['/work/repository/x', false],
    ['/etc/shadow', false],
    ['/proc/self/environ', false],
    ['/sys/kernel/x', false],
    ['/dev/zero', false],
  ] as Array<[string, boolean]>) {
    assert.equal(pathVerdict(p, policy(['/work/repo'])).ok, ok, p);
    tried.push([p, ok]);
  }
  // Even a root of "/" does not open the kernel's trees.
  assert.equal(pathVerdict('/proc/1/environ', policy(['/'])).ok, false);
  assert.equal(isInside('/a/b', '/a/b/../b/c'), true);
  console.log('tried:', tried.map(([p, ok]) => `${p} ${ok ? 'allowed' : 'refused'}`).join('; '));
});

test('content sniffing: zone files and Corefiles pass; shadow, passwd, env files, JSON and YAML do not', () => {
  assert.ok(looksLikeZoneFile('$TTL 300\n@ IN SOA ns h 1 2 3 4 5\nwww IN A 192.0.2.1\n'));
  assert.ok(looksLikeZoneFile('www  A 192.0.2.1 ; a host\n    AAAA 2001:db8::1\n'));
  assert.ok(looksLikeCorefile('(common) {\n    log\n    errors\n}\ncache 30\nforward . 1.1.1.1\n'));
  const secrets = ['root:$6$salt$hash:19000:0:99999:7:::\n', 'root:x:0:0:root:/root:/bin/bash\n', 'AWS_SECRET_ACCESS_KEY=abc\nTOKEN=xyz\n', 'export PASSWORD=hunter2\n', '{"password": "hunter2"}\n', 'password: hunter2\n'];
  for (const s of secrets) {
    assert.equal(looksLikeZoneFile(s), false, `zone: ${s}`);
    assert.equal(looksLikeCorefile(s), false, `corefile: ${s}`);
    assert.equal(contentVerdict(s, policy(['/'], 'other')).ok, false);
  }
  assert.equal(contentVerdict('www A 1.2.3.4\0', policy(['/'])).ok, false, 'NUL: binary');
});

const trees: string[] = [];
after(() => {
  for (const t of trees) fs.rmSync(t, { recursive: true, force: true });
});

function tree(): { dir: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-include-'));
  trees.push(base);
  const dir = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(dir);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(dir, 'hosts.inc'), 'www IN A 192.0.2.1\n');
  fs.writeFileSync(path.join(outside, 'secret.inc'), 'leak IN TXT "the runner token"\n');
  fs.symlinkSync(path.join(outside, 'secret.inc'), path.join(dir, 'link.inc'));
  fs.symlinkSync('/proc/self/environ', path.join(dir, 'environ.inc'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.inc'));
  fs.symlinkSync(path.join(dir, 'loop1'), path.join(dir, 'loop2'));
  fs.symlinkSync(path.join(dir, 'loop2'), path.join(dir, 'loop1'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.inc')]);
  fs.writeFileSync(path.join(dir, 'big.inc'), `www IN TXT "${'x'.repeat(2000)}"\n`);
  fs.writeFileSync(path.join(dir, 'shadow'), 'root:$6$salt$hash:19000:0:99999:7:::\n');
  return { dir, outside };
}

function attempt(read: (f: string) => string | undefined, file: string): string {
  try {
    const text = read(file);
    return text === undefined ? 'missing' : `read ${text.length} bytes`;
  } catch (e) {
    assert.ok(e instanceof IncludeRefused, `only IncludeRefused escapes, got ${e}`);
    return `refused: ${e.reason}`;
  }
}

test('the reader refuses FIFOs, devices, /proc, symlinks out of the tree, loops, big and non-zone files, without blocking', () => {
  const { dir, outside } = tree();
  const read = makeIncludeReader(policy([dir]));
  const results: Record<string, string> = {};
  for (const name of ['hosts.inc', 'missing.inc', 'link.inc', 'environ.inc', 'zero.inc', 'fifo.inc', 'loop1', 'big.inc', 'shadow']) results[name] = attempt(read, path.join(dir, name));
  results['../outside/secret.inc'] = attempt(read, path.join(dir, '..', 'outside', 'secret.inc'));
  results['/proc/self/environ'] = attempt(read, '/proc/self/environ');
  results['/dev/zero'] = attempt(read, '/dev/zero');
  console.log(results);
  assert.equal(results['hosts.inc'], 'read 19 bytes');
  assert.equal(results['missing.inc'], 'missing');
  assert.match(results['link.inc'], /^refused: outside the allowed directories/);
  assert.match(results['environ.inc'], /^refused: \/proc is never read/);
  assert.match(results['zero.inc'], /^refused: \/dev is never read/);
  assert.match(results['fifo.inc'], /^refused: a fifo, not a regular file/);
  assert.match(results.loop1, /^refused: too many levels of symbolic links/);
  assert.match(results['big.inc'], /^refused: \d+ bytes, over the 1024-byte include limit/);
  assert.match(results.shadow, /^refused: does not look like a zone file/);
  assert.match(results['../outside/secret.inc'], /^refused: outside/);
  assert.match(results['/proc/self/environ'], /^refused: \/proc/);
  // An explicit extra root (infraLens.includePaths / --allow-include) lets the outside file in.
  assert.equal(attempt(makeIncludeReader(policy([dir, outside])), path.join(dir, 'link.inc')), 'read 31 bytes');
});

test('the directory lister (import globs): files and symlinks to files inside the roots; refused outside; undefined when missing', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-list-'));
  try {
    // A ConfigMap volume: keys are symlinks into ..data/, which is a directory (not listed).
    fs.mkdirSync(path.join(root, 'custom', '..data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'custom', '..data', 'a.override'), 'log\n');
    fs.symlinkSync('..data/a.override', path.join(root, 'custom', 'a.override'));
    fs.writeFileSync(path.join(root, 'custom', 'b.server'), 'x.org {\n}\n');
    fs.symlinkSync('/nonexistent', path.join(root, 'custom', 'dangling.server'));
    fs.writeFileSync(path.join(root, 'Corefile'), '.:53 {\n}\n');
    const list = includeDirListerFor(path.join(root, 'Corefile'), []);
    assert.deepEqual(list(path.join(root, 'custom'))!.sort(), ['a.override', 'b.server']);
    assert.equal(list(path.join(root, 'missing')), undefined);
    assert.throws(() => list('/etc'), (e) => e instanceof IncludeRefused);
    assert.throws(() => includeDirListerFor('/work/Corefile', ['/'])('/proc/self'), (e) => e instanceof IncludeRefused, '/proc is never listed');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('zone $INCLUDE and Corefile import: refused includes are findings that never quote the file', async () => {
  const { dir } = tree();
  fs.writeFileSync(path.join(dir, 'snippets.conf'), 'log\nerrors\n');
  const zone = `$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 192.0.2.9\n$INCLUDE hosts.inc\n$INCLUDE link.inc\n$INCLUDE /proc/self/environ\n$INCLUDE fifo.inc\n$INCLUDE shadow\n`;
  const zonePath = path.join(dir, 'example.com.zone');
  const ctx = (file: string, language: string) => ({ uri: `file://${file}`, settings: DEFAULT_SETTINGS, readFile: includeReaderFor(file, language, [dir]) });
  const started = Date.now();
  const { findings } = await lintText(LANGUAGES.zone, zone, ctx(zonePath, 'zone'));
  const notFollowed = findings.filter((f) => /is not followed/.test(f.message)).map((f) => f.message);
  console.log(notFollowed);
  assert.equal(notFollowed.length, 4, 'link, /proc, fifo, shadow');
  assert.ok(Date.now() - started < 5000, 'the FIFO did not block');
  const all = JSON.stringify(findings);
  assert.ok(!all.includes('runner token') && !all.includes('$6$salt'), 'no content of a refused file in any finding');
  assert.ok(findings.every((f) => !f.uri || f.uri.endsWith('hosts.inc')), 'findings only in the included file that was read');

  const corefilePath = path.join(dir, 'Corefile');
  const corefile = '.:53 {\n    import snippets.conf\n    import shadow\n    import /etc/passwd\n    forward . 1.1.1.1\n}\n';
  const core = await lintText(LANGUAGES.corefile, corefile, ctx(corefilePath, 'corefile'));
  const refused = core.findings.filter((f) => /is not followed/.test(f.message)).map((f) => f.message);
  console.log(refused);
  assert.equal(refused.length, 2);
  assert.ok(!JSON.stringify(core.findings).includes('root:'));
});

test('Bump SOA Serial on a file: URI: refused untrusted; a FIFO or /dev/zero is refused, not read', async () => {
  const { runBumpSoaSerialCommand } = await import('../../../server/src/languages/zone/command');
  const { dir } = tree();
  const zone = path.join(dir, 'a.zone');
  fs.writeFileSync(zone, '$ORIGIN a.\n@ 300 IN SOA ns h 2024010100 2 3 4 5\n');
  const ctx = (trusted: boolean) => ({ settings: DEFAULT_SETTINGS, trusted, isCancelled: () => false, log: () => {} });
  const tried: Record<string, string> = {};
  for (const [name, uri, trusted] of [
    ['saved zone, trusted', `file://${zone}`, true],
    ['saved zone, untrusted', `file://${zone}`, false],
    ['/dev/zero', 'file:///dev/zero', true],
    ['FIFO', `file://${path.join(dir, 'fifo.inc')}`, true],
  ] as Array<[string, string, boolean]>) {
    const started = Date.now();
    const r = await runBumpSoaSerialCommand({ uri }, ctx(trusted));
    assert.ok(Date.now() - started < 3000, `${name} did not block`);
    tried[name] = r.ok ? r.text.trim() : (r.error ?? '');
  }
  console.log(tried);
  assert.match(tried['saved zone, trusted'], /^SOA serial 2024010100 -> /);
  assert.match(tried['saved zone, untrusted'], /untrusted workspace/);
  assert.match(tried['/dev/zero'], /character device, not a regular file/);
  assert.match(tried.FIFO, /fifo, not a regular file/);
});
