// Runs ../shared/conformance/k8s: every manifest must get each expected finding (severity,
// one of the allowed lines) and no error-severity finding anywhere else; clean files no
// error at all. Prints the agreement and asserts it stays at 100%.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { lint, sharedDir } from '../../helpers';

interface Expectation {
  oneOfLines: number[];
  severity: 'error' | 'any';
}
interface Case {
  clean: boolean;
  anyError: boolean;
  must: Expectation[];
}

const corpus = path.join(sharedDir, 'conformance', 'k8s');

/** What is wrong with our findings for one case; empty when we agree. */
export function disagreements(c: Case, findings: Finding[]): string[] {
  const problems: string[] = [];
  const allowedErrorLines = new Set<number>();
  for (const m of c.must) {
    if (m.severity === 'error') m.oneOfLines.forEach((l) => allowedErrorLines.add(l));
    const hit = findings.some((f) => m.oneOfLines.includes(f.range.start.line + 1) && (m.severity === 'any' || f.severity === 'error'));
    if (!hit) problems.push(`missing ${m.severity} finding on line ${m.oneOfLines.join(' or ')}`);
  }
  for (const f of findings) {
    if (f.severity !== 'error' || c.anyError) continue;
    if (c.clean || !allowedErrorLines.has(f.range.start.line + 1)) problems.push(`unexpected error on line ${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
  }
  return problems;
}

test('k8s conformance corpus', async () => {
  assert.ok(fs.existsSync(path.join(corpus, 'expected.json')), `conformance corpus not found at ${corpus} (set INFRA_LENS_SHARED to the shared/ directory)`);
  const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expected.json'), 'utf8')) as Record<string, Case>;
  const names = Object.keys(expected).sort();
  assert.ok(names.length >= 30, `expected the whole corpus, found ${names.length} cases`);
  let agreed = 0;
  let extraNonErrors = 0;
  const failures: string[] = [];
  for (const name of names) {
    const text = fs.readFileSync(path.join(corpus, 'files', name), 'utf8');
    const findings = await lint('k8s', text, {}, `file:///conformance/${name}`);
    const problems = disagreements(expected[name], findings);
    const mustLines = new Set(expected[name].must.flatMap((m) => m.oneOfLines));
    extraNonErrors += findings.filter((f) => f.severity !== 'error' && !mustLines.has(f.range.start.line + 1)).length;
    if (problems.length === 0) agreed++;
    else failures.push(`${name}: ${problems.join('; ')}`);
  }
  console.log(`k8s conformance: ${agreed}/${names.length} cases agree (${((100 * agreed) / names.length).toFixed(1)}%); ${extraNonErrors} extra non-error findings`);
  for (const f of failures) console.log(`  ${f}`);
  assert.equal(agreed, names.length, failures.join('\n'));
});

test('the runner notices a missing and an unexpected finding', () => {
  const c: Case = { clean: false, anyError: false, must: [{ oneOfLines: [3], severity: 'error' }] };
  const at = (line: number, severity: Finding['severity']): Finding => ({ ruleId: 'k8s/x', severity, message: 'm', range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 1 } } });
  assert.deepEqual(disagreements(c, [at(3, 'error')]), []);
  assert.equal(disagreements(c, [at(3, 'warning')]).length, 1);
  assert.equal(disagreements(c, [at(3, 'error'), at(5, 'error')]).length, 1);
  assert.equal(disagreements({ clean: true, anyError: false, must: [] }, [at(1, 'error')]).length, 1);
});
