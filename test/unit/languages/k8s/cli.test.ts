// `infra-lens lint` on fixtures/k8s: the findings, cross-file, the Helm template, clean files.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { cliPath, repoRoot } from '../../../helpers';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Result {
  file: string;
  diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }>;
}

test('fixtures/k8s: errors where expected, a cross-file StatefulSet warning, one Helm information', () => {
  const r = cli('lint', '--format', 'json', 'fixtures/k8s');
  assert.equal(r.code, 1, r.stderr);
  const results = JSON.parse(r.stdout) as Result[];
  const byFile = (suffix: string) => results.find((x) => x.file.endsWith(suffix))?.diagnostics ?? [];
  assert.ok(byFile('k8s/pod-resize.yaml').some((d) => d.severity === 'error' && d.code === 'k8s/resize-restart-policy'));
  assert.deepEqual(byFile('helm-chart/templates/deployment.yaml').map((d) => `${d.code}:${d.severity}`), ['k8s/helm-template:information']);
  const sts = byFile('kafka-statefulset.yaml');
  assert.ok(sts.some((d) => d.code === 'k8s/statefulset-service-name' && d.range.start.line === 5), 'the Service in kafka-service.yaml is seen');
  for (const code of ['k8s/dns-policy', 'k8s/requests-over-limits', 'k8s/memory-milli', 'k8s/resource-quantity', 'k8s/vpa-update-mode', 'k8s/vpa-target', 'k8s/vpa-resource-policy']) {
    assert.ok(sts.some((d) => d.code === code), `${code} in kafka-statefulset.yaml`);
  }
  assert.deepEqual(byFile('clean/zookeeper.yaml'), []);
  assert.ok(!results.some((x) => x.file.endsWith('values.yaml')), 'plain YAML is not claimed');
});

test('fixtures/k8s/clean has no finding at all, and a lone StatefulSet is not told its Service is missing', () => {
  const clean = cli('lint', '--format', 'json', 'fixtures/k8s/clean');
  assert.equal(clean.code, 0, clean.stdout);
  assert.deepEqual((JSON.parse(clean.stdout) as Result[]).flatMap((x) => x.diagnostics), []);
  const alone = cli('lint', '--format', 'json', 'fixtures/k8s/kafka-statefulset.yaml');
  const diagnostics = (JSON.parse(alone.stdout) as Result[]).flatMap((x) => x.diagnostics);
  assert.ok(!diagnostics.some((d) => d.code === 'k8s/statefulset-service-name'));
});
