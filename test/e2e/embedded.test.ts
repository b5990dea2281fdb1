// The Corefile inside its ConfigMap in a real VS Code (code-server + Chromium): opening the
// kubeadm ConfigMap with one typo in data.Corefile shows the Corefile finding in the
// Problems panel on the ConfigMap's own line and column, and squiggles that token.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../helpers';
import { CodeServerSession, until, vsixPath } from './codeServer';
import { cliFindings, fixtureText, PROBLEM_SEVERITY } from './expected';
import { assertVsixMatchesDist } from './vsix';
import { filterProblems, openFile, readProblems, runCommand, showProblems, squiggles } from './workbench';

const FILE = 'k8s/embedded/kubeadm-coredns-typo.yaml';

describe('Infra Lens in VS Code: a Corefile inside a ConfigMap', { timeout: 300_000 }, () => {
  const session = new CodeServerSession({ trusted: true });
  const expected = cliFindings([FILE]).get(FILE) ?? [];

  before(async () => {
    assertVsixMatchesDist(vsixPath(), path.join(repoRoot, 'dist'));
    await session.start();
  });
  after(() => session.stop());

  test("the Problems panel shows the Corefile finding on the ConfigMap's line", async () => {
    const typo = expected.find((d) => d.code === 'corefile/unknown-directive');
    assert.ok(typo, `the CLI finds the typo: ${JSON.stringify(expected)}`);
    // Where the token is in the YAML file itself: line 22, column 9 of the ConfigMap.
    const lines = fixtureText(FILE).split('\n');
    assert.equal(lines[typo.range.start.line].slice(typo.range.start.character, typo.range.end.character), 'forwrd');

    const { page } = session;
    await page.waitForTimeout(3000);
    await openFile(page, FILE);
    await showProblems(page);
    await filterProblems(page, '**/kubeadm-coredns-typo.yaml');
    let seen = await readProblems(page);
    const row = await until(
      async () => (seen = await readProblems(page)).rows.find((r) => r.file === 'kubeadm-coredns-typo.yaml' && r.message === typo.message),
      60_000,
      () => `Problems panel rows: ${JSON.stringify(seen.rows)}`,
    );
    assert.equal(row.line, typo.range.start.line + 1);
    assert.equal(row.column, typo.range.start.character + 1);
    assert.equal(row.line, 22);
    assert.equal(row.column, 9);
    assert.equal(row.severity, PROBLEM_SEVERITY[typo.severity]);
    assert.ok(row.shown.includes('corefile/unknown-directive'), row.shown);
    // Every finding the CLI gives for the file, and no other.
    assert.equal(seen.rows.filter((r) => r.file === 'kubeadm-coredns-typo.yaml').length, expected.length, JSON.stringify(seen.rows));

    let marks = await squiggles(page);
    await until(async () => (marks = await squiggles(page)).some((s) => s.line === 22 && s.severity === 'error'), 20_000, () => `no error squiggle on line 22: ${JSON.stringify(marks)}`);
    await runCommand(page, 'Go to Line/Column...');
    await page.keyboard.type('22:9');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await session.screenshot('embedded-01-configmap-corefile-problem');
  });
});
