// `infra-lens lint` as scripts and CI use it: the built dist/cli.js, real files, exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import Ajv from 'ajv-draft-04';
import { cliPath, repoRoot } from '../../helpers';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-'));
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
  const version = cli('--version');
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), `infra-lens ${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}`);
});
