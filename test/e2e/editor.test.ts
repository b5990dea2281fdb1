// The editor experience, driven as a user drives it in a real VS Code (code-server +
// Chromium): the Node view (expand, sort, refresh, Inspect from the context menu), a DNS
// lookup cancelled while it waits, fix-all on save, the rendered rule page, the language
// status item. Each scenario saves a screenshot in the dark and in the light theme under
// test/e2e/screenshots/editor-*.png.

import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeServerSession, until, WAIT_SLACK } from './codeServer';
import { type DomNode, activeTabLabel, editorText, goTo, lightBulbLine, openFile, runCommand, squiggles } from './workbench';

const TYPO_COREFILE = '.:53 {\n    forwrd . 8.8.8.8\n    cache 30 {\n        sucess 100\n    }\n    health {\n        lameduck 5\n    }\n}\n';
const DARK = 'Default Dark Modern';
const LIGHT = 'Default Light Modern';

/** A DNS server that never answers: counts the queries it gets. */
class SilentServer {
  private readonly socket = dgram.createSocket('udp4');
  queries = 0;
  port = 0;
  async start(): Promise<void> {
    this.socket.on('message', () => this.queries++);
    await new Promise<void>((r) => this.socket.bind(0, '127.0.0.1', () => r()));
    this.port = this.socket.address().port;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.socket.close(() => r()));
  }
}

describe('Infra Lens editor experience in VS Code (code-server)', { timeout: 900_000 }, () => {
  const session = new CodeServerSession({
    trusted: true,
    settings: {
      'workbench.colorTheme': DARK,
      'editor.codeActionsOnSave': { 'source.fixAll.infraLens': 'explicit' },
      'files.autoSave': 'off',
    },
  });
  const silent = new SilentServer();

  /** Switches the colour theme as a user does: Preferences: Color Theme, pick it by name. */
  async function setTheme(theme: string): Promise<void> {
    const { page } = session;
    await runCommand(page, 'Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(theme);
    const labels = () => page.$$eval('.quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.getAttribute('aria-label') ?? ''));
    const index = await until(async () => (await labels()).findIndex((l) => l.includes(theme)) + 1, 10_000, async () => `the theme picker does not offer ${theme}: ${(await labels()).join(' | ')}`);
    await page.locator('.quick-input-list .monaco-list-row').nth(index - 1).click();
    const want = theme === DARK ? 'vs-dark' : 'vs';
    const classes = async () => (await page.$$eval('.monaco-workbench', (w) => w.map((x) => (x as DomNode).className)))[0] ?? '';
    await until(async () => (await classes()).split(/\s+/).includes(want), 15_000, async () => `the theme did not change to ${theme}: ${await classes()}`);
    await page.waitForTimeout(500);
  }
  /** A screenshot in the dark theme and one in the light theme of the same state. */
  async function shots(name: string): Promise<void> {
    await session.screenshot(`editor-${name}-dark`);
    await setTheme(LIGHT);
    await session.screenshot(`editor-${name}-light`);
    await setTheme(DARK);
  }

  before(async () => {
    await silent.start();
    await session.start();
    fs.writeFileSync(path.join(session.workspace, 'corefile', 'Corefile.typos'), TYPO_COREFILE);
    fs.writeFileSync(path.join(session.workspace, 'corefile', 'Corefile.doc'), '.:53 {\n    forwrd . 8.8.8.8\n}\n');
    await session.page.waitForTimeout(3000);
  });
  after(async () => {
    await session.stop();
    await silent.stop();
  });

  test('the language status item shows the server and what the Corefile is checked against, and opens the commands', async () => {
    const { page } = session;
    await openFile(page, 'corefile/Corefile');
    const item = page.locator('.statusbar-item[id="status.languageStatus"]');
    await item.waitFor({ state: 'visible', timeout: 30_000 * WAIT_SLACK });
    await item.click();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Infra Lens' });
    // The server may still be starting when the file opens: the item says so, then "running".
    // The text is kept from the read that saw "running": a hover that closes right after
    // (the workbench may hide it) would otherwise read as empty.
    let text = '';
    await until(async () => {
      text = (await hover.allInnerTexts()).join(' ');
      if (/Infra Lens [\d.]+ running/.test(text)) return true;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
      await item.click();
      return false;
    }, 30_000, async () => `the language status shows ${(await page.locator('.monaco-hover').allInnerTexts()).join(' ')}`);
    // innerText puts line breaks between the items only once the hover is laid out; read
    // earlier it runs them together ("CoreDNS 1.13.1Infra Lens 0.1.0 running", seen on a
    // fresh machine), so no separator is required between them.
    assert.match(text, /CoreDNS 1\.13\.1\W*Infra Lens \d+\.\d+\.\d+ running/);
    await session.screenshot('editor-language-status-dark');
    await hover.locator('a', { hasText: 'Commands' }).first().click();
    const title = page.locator('.quick-input-widget .quick-input-title');
    await until(async () => (await title.innerText().catch(() => '')) === 'Infra Lens', 10_000, () => 'the status item did not open the Infra Lens commands');
    const rows = await page.$$eval('.quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.ok(rows.some((r) => r.startsWith('DNS Lookup')), `menu rows: ${rows.join(' | ')}`);
    await session.screenshot('editor-language-status-menu-dark');
    await page.keyboard.press('Escape');
    // The light theme: the same hover again.
    await setTheme(LIGHT);
    await item.click();
    await until(async () => /CoreDNS 1\.13\.1/.test((await hover.allInnerTexts()).join(' ')), 10_000, () => 'no hover in the light theme');
    await session.screenshot('editor-language-status-light');
    // The hover may close before its link is clicked: open it again then, up to three times.
    for (let attempt = 1; ; attempt++) {
      const clicked = await hover.locator('a', { hasText: 'Commands' }).first().click({ timeout: 5000 }).then(() => true, () => false);
      const opened = clicked && (await until(async () => (await title.innerText().catch(() => '')) === 'Infra Lens', 5000, () => '').then(() => true, () => false));
      if (opened) break;
      assert.ok(attempt < 3, 'the status item did not open the Infra Lens commands (light theme)');
      await page.keyboard.press('Escape');
      await item.click();
    }
    await session.screenshot('editor-language-status-menu-light');
    await page.keyboard.press('Escape');
    await setTheme(DARK);
  });

  test('saving a Corefile with three typos fixes all three (source.fixAll.infraLens on save)', async () => {
    const { page } = session;
    await openFile(page, 'corefile/Corefile.typos');
    await until(async () => (await page.$$('.editor-group-container.active .squiggly-error')).length >= 3, 30_000, () => 'the three typos were not underlined');
    await shots('fix-all-before');
    // The theme picker had the focus: give it back to the editor, whose save is the explicit one.
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+S');
    const file = path.join(session.workspace, 'corefile', 'Corefile.typos');
    await until(() => fs.readFileSync(file, 'utf8').includes('forward . 8.8.8.8'), 20_000, () => `the saved file still reads:\n${fs.readFileSync(file, 'utf8')}`);
    const saved = fs.readFileSync(file, 'utf8');
    assert.match(saved, /success 100/);
    assert.match(saved, /lameduck 5s/);
    await until(async () => (await page.$$('.editor-group-container.active .squiggly-error')).length === 0, 20_000, () => 'squiggles remain after fix-all');
    await shots('fix-all-after');
  });

  test('"Show documentation for <rule>" opens the rule page rendered, not as an editable file', async () => {
    const { page } = session;
    await openFile(page, 'corefile/Corefile.doc');
    await until(async () => (await squiggles(page)).some((s) => s.line === 2), 30_000, () => 'no squiggle on line 2');
    const labels = () => page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    const openQuickFixes = async () => {
      await goTo(page, 2, 6);
      await until(async () => (await lightBulbLine(page)) === 2, 15_000, () => 'no light bulb on line 2');
      await page.locator('.editor-group-container.active .lightBulbWidget').click();
      await until(async () => (await labels()).length > 0, 10_000, () => 'the light bulb opened no Code Action menu');
    };
    // The theme picker closes the menu: the light screenshot first, then the menu anew in dark.
    await setTheme(LIGHT);
    await openQuickFixes();
    await session.screenshot('editor-quick-fixes-light');
    await page.keyboard.press('Escape');
    await setTheme(DARK);
    await openQuickFixes();
    const offered = await labels();
    assert.deepEqual(offered.filter((l) => /corefile\/unknown-directive|forward/.test(l)), ["Change to 'forward'", 'Disable corefile/unknown-directive for this line', 'Disable corefile/unknown-directive for this file', 'Show documentation for corefile/unknown-directive']);
    await session.screenshot('editor-quick-fixes-dark');
    const focused = () => page.$$eval('.action-widget .monaco-list-row.action.focused', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? '')[0] ?? '');
    for (let i = 0; i < 10 && (await focused()) !== 'Show documentation for corefile/unknown-directive'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(async () => (await activeTabLabel(page)).startsWith('Preview '), 20_000, async () => `the active tab is ${await activeTabLabel(page)}`);
    assert.match(await activeTabLabel(page), /^Preview [\w-]+\.md/);
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
    await until(async () => (await frame.locator('h1').first().innerText().catch(() => '')).startsWith('corefile/'), 20_000, () => 'the preview shows no rule heading');
    assert.match(await frame.locator('body').innerText(), /Why this severity/);
    await shots('rule-doc');
  });

  test('the Node view: expand, sort by CPU and RSS, refresh, Inspect from the context menu', async () => {
    const { page } = session;
    // The activity bar icon toggles: click it only when the Infra Lens container is not the
    // one shown already (an earlier scenario may have opened it), and wait until it is.
    const icon = page.locator('.activitybar .action-item:has(a[aria-label^="Infra Lens"])');
    const shown = async () => /\bchecked\b/.test((await icon.first().getAttribute('class')) ?? '');
    if (!(await shown())) await icon.first().locator('a').click();
    await until(shown, 15_000, () => 'the Infra Lens view container did not open');
    const view = page.locator('.part.sidebar .pane:has(.monaco-list-row), .pane:has(.pane-header[aria-label^="Node"])').first();
    const rows = view.locator('.monaco-list-row');
    const row = (label: RegExp) => rows.filter({ has: page.locator('.label-name', { hasText: label }) }).first();
    await until(async () => (await rows.count()) >= 5, 60_000, async () => {
      await session.screenshot('editor-node-view-failure');
      return `the Node view shows ${(await rows.allInnerTexts()).join(' | ')}; side bar: ${(await page.locator('.part.sidebar').innerText().catch(() => '')).slice(0, 400)}`;
    });
    const top = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const name of ['Memory', 'Load & CPU', 'Uptime', 'Sockets', 'Processes', 'Deleted open files']) assert.ok(top.some((t) => t.startsWith(name)), `no ${name} row in ${top.join(' | ')}`);
    await row(/^Processes$/).click();
    // "PID comm" and its description ("31.4% CPU · 335.5 MiB"), joined by " | ".
    const processRows = async () =>
      (await view.locator('.monaco-list-row').evaluateAll((rs) => rs.map((r) => `${(r.querySelector('.label-name') as unknown as DomNode | null)?.innerText ?? ''} | ${(r.querySelector('.label-description') as unknown as DomNode | null)?.innerText ?? ''}`))).filter((t) => /^\d+ \S.* \| /.test(t));
    await until(async () => (await processRows()).length > 3, 15_000, () => 'Processes did not expand');
    const cpu = (t: string) => Number(/([\d.]+)% CPU/.exec(t)![1]);
    const byCpu = (await processRows()).slice(0, 6);
    assert.deepEqual(byCpu.map(cpu), [...byCpu.map(cpu)].sort((a, b) => b - a), `not sorted by CPU: ${byCpu.join(' | ')}`);
    assert.match(await row(/^Processes$/).innerText(), /kernel threads hidden/);
    await shots('node-view-by-cpu');

    // The only view of its container: its title actions sit in the side bar's title.
    const action = (name: string) => page.locator(`.part.sidebar .action-label[aria-label="${name}"]:visible`).first();
    await view.hover();
    await action('Sort Processes by Memory (RSS)').click();
    const bytes = (t: string) => {
      const m = /\| ([\d.]+) (B|KiB|MiB|GiB) ·/.exec(t)!;
      return Number(m[1]) * 1024 ** ['B', 'KiB', 'MiB', 'GiB'].indexOf(m[2]);
    };
    await until(async () => /\| [\d.]+ (B|KiB|MiB|GiB) ·/.test((await processRows())[0] ?? ''), 10_000, async () => `not re-sorted: ${(await processRows()).slice(0, 3).join(' | ')}`);
    const byRss = (await processRows()).slice(0, 6);
    assert.deepEqual(byRss.map(bytes), [...byRss.map(bytes)].sort((a, b) => b - a), `not sorted by RSS: ${byRss.join(' | ')}`);
    await shots('node-view-by-rss');

    const header = page.locator('.part.sidebar .composite.title .title-label, .part.sidebar .pane-header .description').filter({ hasText: /read at/ });
    const before = await header.first().innerText().catch(() => '');
    await page.waitForTimeout(1100);
    await view.hover();
    await action('Refresh Node View').click();
    await until(async () => {
      const now = await header.first().innerText().catch(() => '');
      return /read at \d\d:\d\d:\d\d/.test(now) && now !== before;
    }, 20_000, () => `the view's "read at" did not change from "${before}"`);

    const first = (await processRows())[0];
    const pid = /^(\d+)/.exec(first)![1];
    const context = page.locator('.context-view .monaco-menu');
    // The theme picker closes a context menu, so each theme's screenshot opens it anew.
    const openContextMenu = async () => {
      await rows.filter({ hasText: new RegExp(`^${pid} `) }).first().click({ button: 'right' });
      await context.waitFor({ state: 'visible', timeout: 10_000 * WAIT_SLACK });
      const entries = (await context.innerText()).split('\n').map((s) => s.trim()).filter(Boolean);
      for (const e of ['Inspect', 'Copy PID', 'Show Sockets of This Process']) assert.ok(entries.includes(e), `context menu: ${entries.join(' | ')}`);
    };
    await openContextMenu();
    await session.screenshot('editor-node-view-context-menu-dark');
    await page.keyboard.press('Escape');
    await setTheme(LIGHT);
    await openContextMenu();
    await session.screenshot('editor-node-view-context-menu-light');
    await page.keyboard.press('Escape');
    await setTheme(DARK);
    // A menu item clicked while the menu is still opening can be ignored by the workbench:
    // point at it, let the menu settle, click; if no report tab came, open the menu once more.
    for (let attempt = 1; ; attempt++) {
      await openContextMenu();
      const inspect = context.locator('.action-item', { hasText: /^Inspect$/ }).first();
      await inspect.hover();
      await page.waitForTimeout(300);
      await inspect.click();
      const opened = await until(async () => (await activeTabLabel(page)).startsWith(`Process ${pid}`), 10_000, () => '').then(() => true, () => false);
      if (opened) break;
      assert.ok(attempt < 2, `Inspect opened no report twice; the active tab is "${await activeTabLabel(page)}"`);
      await page.keyboard.press('Escape');
    }
    await until(async () => new RegExp(`^Process ${pid} — read at \\d\\d:\\d\\d:\\d\\d from /proc`).test(await editorText(page)), 15_000, async () => `the report reads:\n${(await editorText(page)).slice(0, 300)}`);
    await shots('inspect-report');
  });

  test('a DNS lookup to a server that never answers shows what runs, and Cancel stops it', async () => {
    const { page } = session;
    // The command palette's own input stays visible until the lookup picker replaces it:
    // type only once the input is the picker's (its placeholder says so).
    const input = page.locator('.quick-input-widget input[placeholder^="As for dig"]');
    await runCommand(page, 'Infra Lens: DNS Lookup…');
    await input.waitFor({ state: 'visible' });
    // A typo is flagged as you type and the text stays.
    await input.fill('example.org +bogus');
    const firstRow = page.locator('.quick-input-list .monaco-list-row').first();
    await until(async () => /invalid option: \+bogus/.test((await firstRow.getAttribute('aria-label')) ?? ''), 10_000, async () => `first row: ${await firstRow.getAttribute('aria-label')}`);
    await page.keyboard.press('Enter');
    assert.equal(await input.inputValue(), 'example.org +bogus', 'an invalid lookup keeps the picker and the text');
    await input.fill('example.org +tr');
    const rowLabels = () => page.$$eval('.quick-input-list .monaco-list-row', (rs) => rs.map((r) => r.getAttribute('aria-label') ?? ''));
    await until(async () => (await rowLabels()).some((l) => l.startsWith('+trace')), 20_000, async () => `no +trace completion; the box holds "${await input.inputValue()}", the rows are ${JSON.stringify(await rowLabels())}`);
    assert.equal(await input.inputValue(), 'example.org +tr', 'what was typed after an invalid Enter stays typed');
    await session.screenshot('editor-dns-input-dark');
    await page.keyboard.press('Escape');
    await setTheme(LIGHT);
    await runCommand(page, 'Infra Lens: DNS Lookup…');
    await input.waitFor({ state: 'visible' });
    await input.fill('example.org +tr');
    await until(async () => (await rowLabels()).some((l) => l.startsWith('+trace')), 20_000, async () => `light theme: no +trace completion; the box holds "${await input.inputValue()}"`);
    await session.screenshot('editor-dns-input-light');
    await page.keyboard.press('Escape');
    await setTheme(DARK);
    const lookup = `@127.0.0.1 -p ${silent.port} www.example.org +tries=3 +timeout=5`;
    const lookUpAndCancel = async (shot: string) => {
      const before = silent.queries;
      await runCommand(page, 'Infra Lens: DNS Lookup…');
      await input.waitFor({ state: 'visible' });
      await input.fill(lookup);
      await until(async () => /\bdig @127\.0\.0\.1 /.test((await firstRow.getAttribute('aria-label')) ?? ''), 10_000, async () => `first row: ${await firstRow.getAttribute('aria-label')}`);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: `dig ${lookup}` });
      await toast.waitFor({ state: 'visible', timeout: 15_000 * WAIT_SLACK });
      await until(async () => /try 1 of 3/.test(await toast.innerText()), 10_000, async () => `the notification reads: ${await toast.innerText()}`);
      await session.screenshot(shot);
      const started = Date.now();
      await toast.getByRole('button', { name: 'Cancel' }).click();
      await toast.waitFor({ state: 'hidden', timeout: 5000 });
      assert.ok(Date.now() - started < 5000, 'the notification closed at once');
      // Three tries of five seconds would send two more queries within the next ten seconds.
      await page.waitForTimeout(11_000);
      assert.equal(silent.queries - before, 1, `the cancelled lookup went on sending (${silent.queries - before} queries)`);
    };
    await lookUpAndCancel('editor-dns-lookup-progress-dark');
    await setTheme(LIGHT);
    await lookUpAndCancel('editor-dns-lookup-progress-light');
    await setTheme(DARK);
  });
});
