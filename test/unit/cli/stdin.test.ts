// `infra-lens lint -`: a ConfigMap piped from kubectl, named or not, and JSON manifests.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { cliPath, repoRoot } from '../../helpers';

const KUBEADM = fs.readFileSync(path.join(repoRoot, 'fixtures', 'k8s', 'embedded', 'kubeadm-coredns.yaml'), 'utf8');
const BROKEN = KUBEADM.replace('    forward . /etc/resolv.conf {', '    forwrd . /etc/resolv.conf {');

function cli(input: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("lint - reads a ConfigMap from standard input and finds the Corefile's typo on its YAML line", () => {
  const r = cli(BROKEN, 'lint', '-');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^<stdin>:24:9: error: Unknown directive 'forwrd'/m);
});

test('--stdin-filename names standard input in the output and picks its language', () => {
  const r = cli(BROKEN, 'lint', '--format', 'json', '--stdin-filename', 'coredns.yaml', '-');
  assert.equal(r.code, 1, r.stderr);
  const [result] = JSON.parse(r.stdout) as Array<{ file: string; language: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }>;
  assert.equal(result.file, 'coredns.yaml');
  assert.equal(result.language, 'k8s');
  assert.ok(result.diagnostics.some((d) => d.code === 'corefile/unknown-directive' && d.range.start.line === 23));
  const corefile = cli('.:53 {\n    forwrd . 10.0.0.2\n}\n', 'lint', '--stdin-filename', 'Corefile', '-');
  assert.match(corefile.stdout, /^Corefile:2:5: error/m);
  assert.equal(cli(KUBEADM, 'lint', '-').code, 0, 'the shipped ConfigMap is clean');
});

test('standard input nobody can place is a usage error (exit 2), not a silent pass', () => {
  const r = cli('just some text\n', 'lint', '-');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot tell the language of standard input/);
});

test('a ConfigMap as JSON (kubectl get -o json) is linted, the column inside the JSON string', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-json-'));
  const file = path.join(dir, 'coredns.json');
  const corefile = '.:53 {\n    errors\n    forwrd . 10.0.0.2\n}\n';
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns' }, data: { Corefile: corefile } }));
  const r = cli(undefined, 'lint', file);
  assert.equal(r.code, 1, r.stderr + r.stdout);
  const text = fs.readFileSync(file, 'utf8');
  const column = text.indexOf('forwrd') + 1;
  assert.match(r.stdout, new RegExp(`coredns\\.json:1:${column}: error: Unknown directive 'forwrd'`));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "not-a-manifest"}');
  assert.equal(cli(undefined, 'lint', path.join(dir, 'package.json')).code, 0, 'other JSON is left alone');
  fs.rmSync(dir, { recursive: true, force: true });
});
