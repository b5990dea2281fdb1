// `infra-lens lint` as scripts and CI use it: the built dist/cli.js, real files, exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import Ajv from 'ajv-draft-04';
import { READING_NAMES } from '../../../server/src/live/proc/command';
import { cliPath, repoRoot } from '../../helpers';

function cli(...args: string[]) {
  return cliIn(repoRoot, ...args);
}

function cliIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A temporary folder removed when the file's tests end (no /tmp/infra-lens-* left behind). */
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface JsonResult {
  file: string;
  language: string;
  diagnostics: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }>;
}

test('lint --format json fixtures/ finds at least one problem per language', () => {
  const r = cli('lint', '--format', 'json', 'fixtures/');
  assert.equal(r.code, 1, r.stderr);
  const results = JSON.parse(r.stdout) as JsonResult[];
  for (const language of ['corefile', 'resolvconf', 'zone', 'k8s']) {
    const found = results.filter((x) => x.language === language).flatMap((x) => x.diagnostics);
    assert.ok(found.length > 0, `no finding for ${language}`);
  }
  for (const d of results.flatMap((x) => x.diagnostics)) {
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0, 'positions are 0-based');
    assert.match(d.code, /^[a-z0-9]+\/[a-z0-9-]+$/);
  }
  assert.ok(!results.some((x) => x.file.endsWith('values.yaml')), 'plain YAML is not claimed');
});

test('exit status: 0 clean, 1 error finding, 2 missing file or bad usage', () => {
  assert.equal(cli('lint', 'fixtures/zone/clean/example.zone').code, 0);
  assert.equal(cli('lint', 'fixtures/zone/example.zone').code, 1);
  const missing = cli('lint', 'fixtures/does-not-exist.zone');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file/);
  assert.equal(cli('lint', '--format', 'xml', 'fixtures/').code, 2);
  assert.equal(cli('lint', '--frobnicate', 'fixtures/').code, 2);
  assert.equal(cli('bogus').code, 2);
});

test('a warning alone exits 0; --rule can raise it to an error', () => {
  const file = 'fixtures/resolvconf/resolv.conf';
  assert.equal(cli('lint', file).code, 0);
  assert.equal(cli('lint', '--rule', 'resolvconf/unknown-keyword=error', file).code, 1);
});

test('text output is file:line:col (1-based) with the rule id', () => {
  const r = cli('lint', 'fixtures/zone/example.zone');
  assert.match(r.stdout, /^fixtures\/zone\/example\.zone:13:19: error: .* \[zone\/bad-ipv4\]$/m);
  assert.match(r.stdout, /1 error, 0 warnings/);
});

test('--language forces a language on a file no name pattern claims', () => {
  const dir = tempDir();
  const file = path.join(dir, 'records.txt');
  fs.writeFileSync(file, 'www IN A 1.2.3.4.5\n');
  assert.equal(cli('lint', file).code, 0);
  assert.equal(cli('lint', '--language', 'zone', file).code, 1);
});

test('--format sarif is valid SARIF 2.1.0 with 1-based regions', () => {
  const r = cli('lint', '--format', 'sarif', 'fixtures/');
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  const schemaPath = path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  const valid = validate(JSON.parse(r.stdout));
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  const zone = log.runs[0].results.find(
    (x: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
      x.ruleId === 'zone/bad-ipv4' && x.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/zone/example.zone',
  );
  assert.deepEqual(zone.locations[0].physicalLocation.region, { startLine: 13, startColumn: 19, endLine: 13, endColumn: 30 });
  assert.equal(log.runs[0].tool.driver.rules[zone.ruleIndex].id, 'zone/bad-ipv4');
});

test('--help and --version', () => {
  const help = cli('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /infra-lens lint|lint \[--format/);
  const procHelp = /Read the live node's \/proc \(([^)]*)\)/.exec(help.stdout.replace(/\s+/g, ' '))?.[1].split(', ');
  assert.deepEqual(procHelp, READING_NAMES, '--help names every /proc reading');
  const version = cli('--version');
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), `infra-lens ${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}`);
});

test('--format github prints one workflow command per finding, escaped', () => {
  const r = cli('lint', '--format', 'github', 'fixtures/zone/example.zone');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^::error file=fixtures\/zone\/example\.zone,line=13,col=19,endLine=13,endColumn=30,title=infra-lens zone\/bad-ipv4::.+ \[zone\/bad-ipv4\]$/m);
  const dir = tempDir();
  // A message with a newline, a percent sign or a comma must not break the command syntax.
  fs.writeFileSync(path.join(dir, 'a,b.zone'), '$ORIGIN example.org.\n$TTL 3600\n@ SOA ns h 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.1\nwww A 10%\n');
  const odd = cliIn(dir, 'lint', '--format', 'github', 'a,b.zone');
  for (const line of odd.stdout.trim().split('\n')) {
    assert.match(line, /^::(error|warning|notice) file=a%2Cb\.zone,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,]+::[^\r\n]*$/, line);
  }
  assert.ok(odd.stdout.includes('10%25'), odd.stdout);
  assert.equal(cli('lint', '--format', 'github', 'fixtures/zone/clean/example.zone').stdout, '', 'no findings, no output');
});

test('a finding in an $INCLUDEd file is reported on a plain relative path in text, JSON and SARIF', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'sp ace'));
  fs.writeFileSync(path.join(dir, 'sp ace', 'my hosts.inc'), 'www IN A 192.0.2.300\n');
  fs.writeFileSync(path.join(dir, 'sp ace', 'db.example.org'), '$ORIGIN example.org.\n$TTL 3600\n@ SOA ns h 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.1\n$INCLUDE "my hosts.inc"\n');
  const text = cliIn(dir, 'lint', 'sp ace/db.example.org');
  assert.match(text.stdout, /^sp ace\/my hosts\.inc:1:\d+: error: /m, text.stdout);
  const json = JSON.parse(cliIn(dir, 'lint', '--format', 'json', 'sp ace/db.example.org').stdout) as Array<{ diagnostics: Array<{ file?: string }> }>;
  assert.deepEqual([...new Set(json[0].diagnostics.map((d) => d.file).filter(Boolean))], ['sp ace/my hosts.inc']);
  const sarif = JSON.parse(cliIn(dir, 'lint', '--format', 'sarif', 'sp ace/db.example.org').stdout);
  const uris = sarif.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes('sp%20ace/my%20hosts.inc'), `a relative URI reference, as SARIF requires: ${uris}`);
  assert.ok(!uris.some((u: string) => u.startsWith('file:')), uris.join());
  // Named absolutely, the included file is reported absolutely too.
  const abs = cliIn(dir, 'lint', path.join(dir, 'sp ace', 'db.example.org'));
  assert.ok(abs.stdout.includes(`${path.join(dir, 'sp ace', 'my hosts.inc')}:1:`), abs.stdout);
});

test('bad paths: FIFO, /dev/zero, sparse 2 GB file, symlink loop, binary file, unreadable folder — a message each, exit 2, the rest still linted', () => {
  const dir = tempDir();
  const good = path.join(dir, 'good.zone');
  fs.copyFileSync(path.join(repoRoot, 'fixtures/zone/example.zone'), good);
  const fifo = path.join(dir, 'pipe.zone');
  spawnSync('mkfifo', [fifo]);
  assert.ok(fs.statSync(fifo).isFIFO(), 'mkfifo made a FIFO');
  const sparse = path.join(dir, 'sparse.zone');
  fs.closeSync(fs.openSync(sparse, 'w'));
  fs.truncateSync(sparse, 2 * 1024 ** 3);
  const loop = path.join(dir, 'loop.zone');
  fs.symlinkSync(loop, loop);
  const binary = path.join(dir, 'binary.zone');
  fs.writeFileSync(binary, Buffer.from([0x24, 0x54, 0x54, 0x4c, 0x20, 0x00, 0xff, 0xfe, 0x0a]));
  const r = cli('lint', '--format', 'json', fifo, '/dev/zero', sparse, loop, binary, good, '--language', 'zone');
  assert.equal(r.signal, null, 'no hang (the 60 s timeout did not fire)');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /pipe\.zone: a FIFO, not a file to lint/);
  assert.match(r.stderr, /\/dev\/zero: a character device, not a file to lint/);
  assert.match(r.stderr, /sparse\.zone: 2147483648 bytes, over the \d+-byte limit \(--max-file-size\)/);
  assert.match(r.stderr, /loop\.zone: too many levels of symbolic links/);
  assert.match(r.stderr, /binary\.zone: a binary file \(NUL byte at offset 5\)/);
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/, 'no stack trace');
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.deepEqual(results.map((x) => path.basename(x.file)), ['good.zone'], 'the good file is still linted');
  assert.ok(results[0].diagnostics.some((d) => d.code === 'zone/bad-ipv4'));
  // A smaller limit refuses the good file too, with the flag's value in the message.
  assert.match(cli('lint', '--max-file-size', '100', good).stderr, /over the 100-byte limit/);
});

test('an unreadable folder or file gives a message and exit 2, not an internal error', () => {
  // Mode 000: unreadable to anyone but root. As root nothing is unreadable, so the CLI runs as
  // nobody, from a world-readable copy of dist/ (the checkout itself may be private to root);
  // as another user it runs as that user.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const dir = tempDir();
  fs.chmodSync(dir, 0o755);
  // The copy of dist/ lives outside the linted folder (its k8s-schemas.json is a file to lint).
  const cliHome = tempDir();
  fs.chmodSync(cliHome, 0o755);
  const cliCopy = path.join(cliHome, 'dist');
  fs.cpSync(path.dirname(cliPath), cliCopy, { recursive: true });
  const secret = path.join(dir, 'secret');
  fs.mkdirSync(secret);
  fs.writeFileSync(path.join(secret, 'db.zone'), 'x');
  fs.chmodSync(secret, 0o000);
  fs.writeFileSync(path.join(dir, 'private.zone'), 'x', { mode: 0o000 });
  fs.copyFileSync(path.join(repoRoot, 'fixtures/zone/clean/example.zone'), path.join(dir, 'ok.zone'));
  fs.chmodSync(path.join(dir, 'ok.zone'), 0o644);
  const r = spawnSync(process.execPath, [path.join(cliCopy, 'cli.js'), 'lint', dir], { cwd: dir, encoding: 'utf8', ...asNobody });
  fs.chmodSync(secret, 0o700); // so the folder can be removed afterwards by any user
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /cannot read directory .*secret: permission denied/);
  assert.match(r.stderr, /cannot lint .*private\.zone: permission denied/);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.match(r.stdout, /in 0 of 1 file/, 'ok.zone was linted');
});

test('an early-closed stdout (| head -c 0) ends the CLI quietly with its usual status', () => {
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" lint --format json fixtures/ | head -c 0; echo "status \${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.stderr, '', 'no EPIPE stack');
  assert.equal(r.stdout.trim(), 'status 1', 'the status lint has on the fixtures');
});

test('a report larger than a pipe holds reaches a slow reader whole, with the usual status', () => {
  // The CLI exits only once stdout has taken everything (cli.ts exitAfterOutput): a reader
  // that starts late must still get all of it, not the first 64 KiB.
  const dir = tempDir();
  const zone = path.join(dir, 'big.zone');
  const records = Array.from({ length: 4000 }, (_, i) => `h${i} A 192.0.2.${300 + i}`).join('\n');
  fs.writeFileSync(zone, `$ORIGIN big.example.\n$TTL 3600\n@ SOA ns h 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.1\n${records}\n`);
  const direct = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', zone], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(direct.status, 1);
  assert.ok(direct.stdout.length > 1 << 20, `the report is larger than a pipe buffer (${direct.stdout.length} bytes)`);
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" lint --format json "${zone}" | (sleep 0.5; cat); echo "status \${PIPESTATUS[0]}" >&2`], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.stdout, direct.stdout, 'the same bytes as a direct run');
  assert.equal(r.stderr.trim(), 'status 1');
});

test('project config file: severities, versions and zone origins per glob; flags on top', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, 'zones'));
  fs.mkdirSync(path.join(dir, 'sub'));
  // No $ORIGIN: the origin comes from zone.origins; the NS target 'ns' is relative to it.
  fs.writeFileSync(path.join(dir, 'zones', 'customer.zone'), '$TTL 3600\n@ SOA ns h 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.1\nwww A 192.0.2.300\n');
  const run = (...args: string[]) => JSON.parse(cliIn(path.join(dir, 'sub'), 'lint', '--format', 'json', ...args).stdout) as JsonResult[];
  const before = run('../zones/customer.zone');
  assert.ok(before[0].diagnostics.some((d) => d.code === 'zone/bad-ipv4'));
  fs.writeFileSync(path.join(dir, '.infra-lens.json'), JSON.stringify({ rules: { 'zone/bad-ipv4': 'off' }, 'zone.origins': { 'zones/*.zone': 'customer.example.' } }));
  const after = run('../zones/customer.zone');
  assert.ok(!after[0].diagnostics.some((d) => d.code === 'zone/bad-ipv4'), 'the config file (found from a subfolder, up to the .git root) turned the rule off');
  const withFlag = run('--rule', 'zone/bad-ipv4=warning', '../zones/customer.zone');
  assert.equal(withFlag[0].diagnostics.find((d) => d.code === 'zone/bad-ipv4')?.severity, 'warning', '--rule overrides the file');
  // The origin from the glob: a name under customer.example. is in the zone only with it.
  const outOfZone = (results: JsonResult[]) => results[0].diagnostics.some((d) => d.code === 'zone/out-of-zone');
  fs.appendFileSync(path.join(dir, 'zones', 'customer.zone'), 'mail.customer.example. A 192.0.2.25\n');
  assert.equal(outOfZone(run('--origin', 'customer.', '../zones/customer.zone')), true, 'out of zone under another origin (--origin beats the file)');
  assert.equal(outOfZone(run('../zones/customer.zone')), false, 'in the zone under the origin the glob gives');
});

test('a usage error inside any command is a usage message and exit 2, never an internal error with a stack', () => {
  for (const argv of [['proc'], ['lint', '--bogus', 'x'], ['resolve-plan'], ['lint', '--rule', 'zone/bad-ipv5=off', 'fixtures/zone/example.zone'], ['frob']]) {
    const r = cli(...argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: exit status`);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^infra-lens( \w+)?: /, `${argv.join(' ')}: ${r.stderr}`);
  }
  assert.match(cli('lint', '--bogus', 'x').stderr, /^infra-lens: unknown option --bogus\nRun 'infra-lens --help' for usage\.\n$/);
});

test('an unknown rule id in --rule or the config file is an error naming the closest id', () => {
  const flag = cli('lint', '--rule', 'zone/bad-ip4=off', 'fixtures/zone/example.zone');
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /--rule: unknown rule id 'zone\/bad-ip4' \(did you mean 'zone\/bad-ipv4'\?\)/);
  const dir = tempDir();
  const config = path.join(dir, 'ci.json');
  fs.writeFileSync(config, JSON.stringify({ rules: { 'corefile/unknown-directve': 'warning' }, kubernets: { version: '1.33' } }));
  const file = cli('lint', '--config', config, 'fixtures/zone/example.zone');
  assert.equal(file.code, 2);
  assert.match(file.stderr, /unknown rule id 'corefile\/unknown-directve' \(did you mean 'corefile\/unknown-directive'\?\)/);
  assert.match(file.stderr, /unknown key 'kubernets.version' \(did you mean 'kubernetes.version'\?\)/);
  fs.writeFileSync(config, '{ not json');
  assert.match(cli('lint', '--config', config, 'fixtures/zone/example.zone').stderr, /not valid JSON/);
});

test('--kubernetes-version, --coredns-version and --libc reach the rules', () => {
  // resolv.conf: musl ignores options glibc knows, so the findings differ by --libc.
  const glibc = JSON.parse(cli('lint', '--format', 'json', '--libc', 'glibc', 'fixtures/resolvconf/').stdout) as JsonResult[];
  const musl = JSON.parse(cli('lint', '--format', 'json', '--libc', 'musl', 'fixtures/resolvconf/').stdout) as JsonResult[];
  assert.notDeepEqual(glibc, musl);
  assert.equal(cli('lint', '--libc', 'uclibc', 'fixtures/resolvconf/').code, 2);
  const k8sOld = cli('lint', '--format', 'json', '--kubernetes-version', '1.29', 'fixtures/k8s/');
  const k8sNew = cli('lint', '--format', 'json', '--kubernetes-version', '1.35', 'fixtures/k8s/');
  assert.notEqual(k8sOld.stdout, k8sNew.stdout, 'in-place resize rules depend on the version');
  const dir = tempDir();
  const corefile = path.join(dir, 'Corefile');
  fs.writeFileSync(corefile, '.:53 {\n    cache {\n        keepttl\n    }\n    forward . 192.0.2.53\n}\n');
  const codes = (version: string) => (JSON.parse(cli('lint', '--format', 'json', '--coredns-version', version, corefile).stdout) as JsonResult[])[0].diagnostics.map((d) => d.code);
  assert.ok(codes('1.8.0').includes('corefile/deprecated'), 'keepttl appeared in CoreDNS 1.10.1');
  assert.deepEqual(codes('1.13.1'), []);
});

test('each command loads only its own bundle: proc and dig never load the linters', () => {
  const dir = tempDir();
  const hook = path.join(dir, 'hook.js');
  // Records every file Node loads, printed at exit.
  fs.writeFileSync(hook, "const M = require('module'); const seen = new Set(); const load = M._load; M._load = function (r, p, m) { const f = M._resolveFilename(r, p, m); seen.add(f); return load.apply(this, arguments); }; process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));");
  const loaded = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['-r', hook, cliPath, ...args], { cwd: repoRoot, encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    return (JSON.parse(line!.slice(7)) as string[]).filter((f) => f.includes(path.sep)).map((f) => path.basename(f));
  };
  assert.deepEqual(loaded('proc', 'uptime').filter((f) => f.startsWith('cli-')), ['cli-proc.js']);
  assert.deepEqual(loaded('proc', 'sockets', '--proto', 'tcp', '--no-processes').filter((f) => f.startsWith('cli-')), ['cli-proc-sockets.js'], 'proc sockets loads that one reading');
  assert.deepEqual(loaded('dig', '-h').filter((f) => f.startsWith('cli-')), ['cli-dig.js']);
  const lintBundles = (...args: string[]) => loaded('lint', ...args).filter((f) => f.startsWith('cli-'));
  assert.deepEqual(lintBundles('fixtures/zone/example.zone'), ['cli-lint-zone.js'], 'only zone files: the zone bundle');
  assert.deepEqual(lintBundles('--language', 'zone', 'fixtures/zone/mistakes/hosts.inc'), ['cli-lint-zone.js'], '--language zone');
  assert.deepEqual(lintBundles('fixtures/zone/'), ['cli-lint.js'], 'a directory may hold any language');
  assert.deepEqual(lintBundles('fixtures/zone/example.zone', 'fixtures/resolvconf/resolv.conf'), ['cli-lint.js']);
  assert.deepEqual(lintBundles('--language', 'k8s', 'fixtures/zone/example.zone'), ['cli-lint.js']);
  assert.deepEqual(lintBundles('fixtures/zone/no-such.zone'), ['cli-lint.js'], 'the full bundle says why a file cannot be read');
  assert.deepEqual(loaded('rules').filter((f) => f.startsWith('cli-')), ['cli-lint.js']);
});

test('the zone-only lint bundle reports exactly what the full bundle reports on the same zone files', () => {
  // Explicit zone files run dist/cli-lint-zone.js; their directory runs dist/cli-lint.js.
  const files = ['clean/db.example.net', 'clean/example.zone', 'example.zone', 'mistakes/db.example.info', 'mistakes/db.example.org'].map((f) => `fixtures/zone/${f}`);
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const zoneOnly = cli('lint', '--format', format, ...files);
    const full = cli('lint', '--format', format, 'fixtures/zone/');
    assert.equal(zoneOnly.code, 1, zoneOnly.stderr);
    assert.equal(zoneOnly.stdout, full.stdout, format);
    assert.ok(zoneOnly.stdout.includes('zone/'), `${format}: the fixtures have findings`);
  }
  const bad = cli('lint', '--rule', 'k8s/no-such-rule=off', 'fixtures/zone/example.zone');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown rule id 'k8s\/no-such-rule'/);
  assert.equal(cli('lint', '--rule', 'k8s/dns-policy=off', 'fixtures/zone/example.zone').code, 1, "another language's rule id is known to the zone bundle");
});
