// docs/ci.md's workflow, run as written on fixtures/: its SARIF is valid 2.1.0 and within
// GitHub code scanning's upload limits.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import { parse } from 'yaml';
import { cliPath, repoRoot } from '../../helpers';

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8');
const workflow = parse(/```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(doc)![1]) as { permissions: Record<string, string>; jobs: { lint: { steps: Step[] } } };

test('the documented workflow lints with SARIF and uploads it with security-events: write', () => {
  const steps = workflow.jobs.lint.steps;
  const lint = steps.find((s) => s.id === 'lint')!;
  assert.match(lint.run!, /^npx --yes infra-lens lint --format sarif \. > infra-lens\.sarif/);
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
  assert.equal(upload.with?.sarif_file, 'infra-lens.sarif');
  assert.equal(workflow.permissions['security-events'], 'write');
});

test('its SARIF, on fixtures/: valid 2.1.0 and within GitHub upload limits', () => {
  const lint = workflow.jobs.lint.steps.find((s) => s.id === 'lint')!;
  // The step's own arguments, with `.` -> fixtures/ and npx -> this checkout's CLI.
  const args = /infra-lens (lint [^>]*?)\s*>/.exec(lint.run!)![1].split(/\s+/).map((a) => (a === '.' ? 'fixtures' : a));
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const log = JSON.parse(r.stdout) as any;
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
  assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs.length >= 1 && log.runs.length <= 20, 'at most 20 runs per file');
  assert.ok(gzipSync(r.stdout).length < 10 * 1024 * 1024, 'under 10 MB gzip-compressed');
  for (const run of log.runs) {
    assert.ok(run.tool.driver.name, 'tool.driver.name');
    assert.ok(run.results.length > 0 && run.results.length <= 25_000, 'at most 25,000 results per run');
    assert.ok(run.tool.driver.rules.length <= 25_000, 'at most 25,000 rules');
    for (const result of run.results) {
      assert.match(result.ruleId, /^[a-z0-9]+\/[a-z0-9-]+$/);
      assert.ok(result.message.text.length > 0);
      assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
      assert.ok(result.locations.length >= 1 && result.locations.length <= 1000, 'at most 1,000 locations per result');
      for (const loc of result.locations) {
        const uri: string = loc.physicalLocation.artifactLocation.uri;
        assert.ok(!uri.startsWith('file:') && !uri.startsWith('/'), `${uri}: relative to the repository root`);
        assert.ok(fs.existsSync(path.join(repoRoot, decodeURIComponent(uri))), `${uri} names a file of the checkout`);
        assert.ok(loc.physicalLocation.region.startLine >= 1 && loc.physicalLocation.region.startColumn >= 1);
      }
    }
  }
});
