// Restricted Mode (workspace trust on, the folder not trusted): the manifest promises that
// Infra Lens still lints the open files, and does not read the node's /proc nor send DNS
// queries. A user sees exactly that.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeServerSession, vsixPath, until } from './codeServer';
import { cliFindings, runCli } from './expected';
import { type DomNode, activeTabLabel, filterProblems, notifications, openFile, readProblems, runCommand, showProblems } from './workbench';
import { assertVsixMatchesDist } from './vsix';
import { repoRoot } from '../helpers';

const RESTRICTED_WARNING = 'not available in Restricted Mode';

describe('Infra Lens in VS Code (code-server), Restricted Mode', { timeout: 300_000 }, () => {
  const session = new CodeServerSession({ trusted: false });

  before(async () => {
    assertVsixMatchesDist(vsixPath(), path.join(repoRoot, 'dist'));
    await session.start();
    // The workbench asks whether to trust the folder's authors: the user says no.
    const no = session.page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust the authors" });
    await no.waitFor({ state: 'visible', timeout: 30_000 });
    await session.screenshot('10-restricted-trust-prompt');
    await no.click();
    await session.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
  });
  after(() => session.stop());

  test('the workbench is in Restricted Mode', async () => {
    const status = await until(
      () => session.page.$$eval('.statusbar-item', (items) => items.map((i) => (i as DomNode).innerText.trim()).find((t) => t.includes('Restricted Mode'))),
      10_000,
      () => 'no "Restricted Mode" in the status bar',
    );
    assert.ok(status);
  });

  test('diagnostics still appear for the open files', async () => {
    const { page } = session;
    const file = 'corefile/Corefile';
    const want = cliFindings([file]).get(file)!;
    assert.ok(want.length > 0);
    await openFile(page, file);
    await showProblems(page);
    const seen = await until(
      async () => {
        const p = await readProblems(page);
        return p.files.get(file) === want.length ? p : undefined;
      },
      30_000,
      () => `the Problems panel does not show ${want.length} finding(s) for ${file} in Restricted Mode`,
    );
    for (const d of want) assert.ok(seen.rows.some((r) => r.message === d.message), `missing "${d.message}"`);
    await session.screenshot('11-restricted-diagnostics');
  });

  test('a zone file\'s $INCLUDE is not followed (no file beyond the open ones is read)', async () => {
    const { page } = session;
    // A zone that includes another whose record is broken: trusted, the CLI reports it.
    const dir = path.join(session.workspace, 'restricted-include');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'parent.zone'),
      '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600\n  IN NS ns1.example.com.\nns1 IN A 192.0.2.1\n$INCLUDE child.zone\n',
    );
    fs.writeFileSync(path.join(dir, 'child.zone'), 'www IN A 192.0.2.300\n');
    const trusted = runCli(['lint', '--format', 'json', path.join(dir, 'parent.zone')]);
    assert.match(trusted.stdout, /192\.0\.2\.300/, 'trusted, the CLI follows the $INCLUDE and reports the child\'s bad address');

    await openFile(page, 'restricted-include/parent.zone');
    await showProblems(page);
    await filterProblems(page, '**/restricted-include/**');
    let seen = await readProblems(page);
    seen = await until(
      async () => ((seen = await readProblems(page)).rows.some((r) => r.file === 'parent.zone' && /\$INCLUDE child\.zone is not followed/.test(r.message)) ? seen : undefined),
      30_000,
      () => `no "not followed" finding on parent.zone: ${JSON.stringify(seen.rows)}`,
    );
    assert.deepEqual(seen.rows.filter((r) => r.file === 'child.zone' || /192\.0\.2\.300/.test(r.message)), [], 'nothing from the included file');
    await session.screenshot('11b-restricted-include-not-followed');
    await filterProblems(page, '');
  });

  for (const [title, shot] of [
    ['Infra Lens: Show Memory', '12-restricted-show-memory'],
    ['Infra Lens: DNS Lookup…', '13-restricted-dns-lookup'],
  ] as const) {
    test(`"${title}" shows the Restricted Mode warning and opens no report`, async () => {
      const { page } = session;
      const tab = await activeTabLabel(page);
      await runCommand(page, title);
      let shown: string[] = [];
      const toast = await until(
        async () => (shown = await notifications(page)).find((n) => n.includes(RESTRICTED_WARNING)),
        10_000,
        () => `no Restricted Mode warning; notifications: ${JSON.stringify(shown)}`,
      );
      assert.match(toast, /Trust this workspace/);
      // No input box asked for a lookup, and no report document opened.
      assert.equal(await page.locator('.quick-input-widget input').isVisible(), false, 'no input box in Restricted Mode');
      assert.equal(await activeTabLabel(page), tab, 'no report opens in Restricted Mode');
      await session.screenshot(shot);
      await runCommand(page, 'Notifications: Clear All Notifications');
    });
  }
});
