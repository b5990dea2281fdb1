// The packaged VSIX in a real VS Code (code-server + Chromium), trusted workspace: what a
// user sees in the Problems panel, the editor, the light bulb, hovers and the palette.
// Every scenario saves a screenshot under test/e2e/screenshots/.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CodeServerSession, until } from './codeServer';
import { DnsResponder, PROBE_NAME } from './dnsResponder';
import { cliFindings, markdownWords, normalize, PROBLEM_SEVERITY, reportMustShow, runCli, ServerOracle } from './expected';
import { type DomNode, activeTabLabel, editorText, goTo, hoverText, notifications, openFile, readProblems, runCommand, showProblems, squiggles, visibleLines } from './workbench';

const FIXTURES = ['corefile/Corefile', 'resolvconf/resolv.conf', 'zone/example.zone', 'k8s/pod-resize.yaml'];
/** Activation budget (ms), as VS Code measures it: loading the code + the activate() call. */
const ACTIVATION_BUDGET_MS = 150;

describe('Infra Lens in VS Code (code-server), trusted workspace', { timeout: 600_000 }, () => {
  const session = new CodeServerSession({ trusted: true });
  const oracle = new ServerOracle();
  const expected = cliFindings(FIXTURES);

  before(async () => {
    await oracle.start();
    await session.start();
  });
  after(async () => {
    await session.stop();
    await oracle.stop();
  });

  test('the Problems panel lists the CLI findings for a Corefile, resolv.conf, zone file and pod YAML', async () => {
    const { page } = session;
    // Let the built-in extensions that start with the window settle first: the first
    // file opened activates Infra Lens, and the next test reads that activation's timing.
    await page.waitForTimeout(5000);
    for (const file of FIXTURES) await openFile(page, file);
    await showProblems(page);
    await runCommand(page, 'View: Toggle Maximized Panel');
    const want = [...expected].filter(([, d]) => d.length > 0);
    assert.equal(want.length, FIXTURES.length, 'every fixture should have at least one finding to show');
    let seen = await readProblems(page);
    seen = await until(
      async () => {
        seen = await readProblems(page);
        return want.every(([file, d]) => seen.files.get(file) === d.length) ? seen : undefined;
      },
      30_000,
      () => `Problems panel counts ${JSON.stringify([...seen.files])} != CLI ${JSON.stringify(want.map(([f, d]) => [f, d.length]))}`,
    );
    await session.screenshot('01-problems-panel');
    for (const [file, diagnostics] of want) {
      const [folder, name] = file.split('/');
      const rows = seen.rows.filter((r) => r.folder === folder && r.file === name);
      for (const d of diagnostics) {
        const row = rows.find((r) => r.message === d.message && r.line === d.range.start.line + 1 && r.column === d.range.start.character + 1);
        assert.ok(row, `${file}: the Problems panel lacks "${d.message}" at ${d.range.start.line + 1}:${d.range.start.character + 1}; it shows ${JSON.stringify(rows)}`);
        assert.equal(row.severity, PROBLEM_SEVERITY[d.severity], `${file}: severity of ${d.code}`);
        assert.ok(row.shown.includes(d.code), `${file}: the row names the rule id ${d.code}: ${row.shown}`);
      }
    }
    await runCommand(page, 'View: Toggle Maximized Panel');
  });

  test('the activation stays within its budget (the extension host\'s own timing)', async () => {
    const { page } = session;
    // VS Code's own figure, as Developer: Show Running Extensions shows it.
    const readActivation = async (shot?: string): Promise<number> => {
      await runCommand(page, 'Developer: Show Running Extensions');
      let rows: string[] = [];
      const row = await until(
        async () => (rows = await page.$$eval('.monaco-list-row', (rs) => rs.map((r) => (r as DomNode).innerText.replace(/\s+/g, ' ')))).find((t) => t.startsWith('Infra Lens') && /Activation: \d+ms/.test(t)),
        30_000,
        () => `Infra Lens is not listed as activated among the running extensions: ${JSON.stringify(rows)}`,
      );
      if (shot) await session.screenshot(shot);
      await runCommand(page, 'View: Close Editor');
      return Number(/Activation: (\d+)ms/.exec(row)![1]);
    };
    // The activation happened when the first test opened the Corefile in an idle workbench.
    // (Reloading the window for more samples measures a cold window start instead: worse.)
    const hostMs = await readActivation('02-running-extensions');
    const channel = session.logFiles().find((f) => f.endsWith('Infra Lens.log'));
    const clientMs = channel ? /Infra Lens activated in (\d+) ms/.exec(fs.readFileSync(channel, 'utf8'))?.[1] : undefined;
    // The breakdown, from the same extension host: Developer: Startup Performance's table.
    await runCommand(page, 'Developer: Startup Performance');
    await until(async () => (await activeTabLabel(page)).length > 0, 20_000, () => 'the Startup Performance view did not open');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('| infra-lens.infra-lens');
    await page.keyboard.press('Escape');
    const stats = await until(
      async () => (await editorText(page)).split('\n').find((l) => l.startsWith('| infra-lens.infra-lens')),
      10_000,
      () => 'no Infra Lens row in the Extension Activation Stats',
    );
    await session.screenshot('02-startup-performance');
    await runCommand(page, 'View: Close Editor');
    const [loadCode, callActivate, finishActivate, event] = stats.split('|').slice(3, 7).map((c) => c.trim());
    console.log(
      `activation (extension host: load code + activate call): ${hostMs} ms, budget ${ACTIVATION_BUDGET_MS} ms; ` +
        `breakdown: load code ${loadCode}, call activate ${callActivate}, finish activate ${finishActivate} (${event}); ` +
        `client log: ${clientMs ?? '?'} ms until the server answered initialize; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
    );
    assert.ok(hostMs < ACTIVATION_BUDGET_MS, `Infra Lens took ${hostMs} ms to activate (budget ${ACTIVATION_BUDGET_MS} ms; load code ${loadCode} + activate call ${callActivate})`);
  });

  test('a squiggle marks the line of each finding in the Corefile', async () => {
    const { page } = session;
    await openFile(page, 'corefile/Corefile');
    const want = expected.get('corefile/Corefile')!;
    const severity = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;
    const wantLines = want.map((d) => ({ line: d.range.start.line + 1, severity: severity[d.severity] }));
    const drawn = await until(
      async () => {
        const s = await squiggles(page);
        return wantLines.every((w) => s.some((x) => x.line === w.line && x.severity === w.severity)) ? s : undefined;
      },
      15_000,
      () => `no squiggle on lines ${JSON.stringify(wantLines)}`,
    );
    const stray = drawn.filter((s) => !wantLines.some((w) => w.line === s.line));
    assert.deepEqual(stray, [], 'squiggles only where the CLI reports findings');
    await goTo(page, wantLines[0].line, want[0].range.start.character + 1);
    await session.screenshot('03-squiggle-corefile');
  });

  for (const [file, ruleId, shot] of [
    ['corefile/Corefile', 'corefile/unknown-directive', '04-quick-fix-corefile'],
    ['k8s/pod-resize.yaml', 'k8s/resize-restart-policy', '05-quick-fix-pod-yaml'],
  ] as const) {
    test(`the light bulb's quick fix for ${ruleId} changes the text as intended`, async () => {
      const { page } = session;
      const fix = await oracle.quickFix(file, ruleId);
      await openFile(page, file);
      const line = fix.diagnostic.start.line + 1;
      await goTo(page, line, fix.diagnostic.start.character + 1);
      const bulb = page.locator('.editor-group-container.active .lightBulbWidget');
      await bulb.waitFor({ state: 'visible', timeout: 15_000 });
      await bulb.click();
      // The menu opens with the preferred fix focused; walk to ours with the keyboard.
      const focused = () => page.$$eval('.action-widget .monaco-list-row.action.focused', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? '')[0] ?? '');
      await until(focused, 10_000, () => 'the light bulb opened no Code Action menu');
      await session.screenshot(`${shot}-menu`);
      for (let i = 0; i < 10 && (await focused()) !== fix.title; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), fix.title, 'the menu offers the fix the server computes');
      await page.keyboard.press('Enter');
      const wantLine = fix.fixedText.split('\n')[fix.diagnostic.start.line];
      await until(async () => (await visibleLines(page)).get(line) === wantLine, 10_000, () => `line ${line} did not become "${wantLine}"`);
      // The finding goes away once the text is fixed.
      await until(async () => !(await squiggles(page)).some((s) => s.line === line), 15_000, () => `the squiggle on line ${line} stays after the fix`);
      await session.screenshot(`${shot}-applied`);
    });
  }

  test('a hover shows the documentation the language service provides', async () => {
    const { page } = session;
    // Plugin, record type, keyword and field positions (0-based) across the four languages.
    const candidates: Array<[string, number, number]> = [
      ['corefile/Corefile', 16, 5], // cache
      ['corefile/Corefile', 12, 5], // prometheus
      ['zone/example.zone', 2, 13], // SOA
      ['zone/example.zone', 10, 12], // A
      ['resolvconf/resolv.conf', 1, 3], // nameserver
      ['resolvconf/resolv.conf', 3, 10], // ndots
      ['k8s/pod-resize.yaml', 9, 10], // resizePolicy
    ];
    let shown = 0;
    for (const [file, line, character] of candidates) {
      const markdown = await oracle.hover(file, line, character);
      await openFile(page, file);
      await goTo(page, line + 1, character + 1);
      await runCommand(page, 'Show or Focus Hover');
      if (markdown) {
        const words = markdownWords(markdown).slice(0, 40);
        const text = await until(async () => {
          const t = (await hoverText(page)).replace(/\s+/g, ' ');
          return t.includes(words) ? t : undefined;
        }, 10_000, () => `the hover at ${file}:${line + 1}:${character + 1} does not show "${words}"`);
        assert.ok(text);
        await session.screenshot(`06-hover-${shown++}-${file.split('/')[0]}`);
      } else {
        // No hover from the server there: VS Code must not show one either (no diagnostic there).
        await page.waitForTimeout(1000);
        assert.equal(await hoverText(page), '', `a hover shows at ${file}:${line + 1}:${character + 1} where the server has none`);
      }
      await page.keyboard.press('Escape');
    }
    console.log(`hover: ${shown} of ${candidates.length} positions have documentation in this build`);
  });

  const reportCases: Array<{ title: string; cli: string[]; input?: (dnsPort: number) => string; shot: string; keep?: (l: string) => boolean }> = [
    { title: 'Infra Lens: Show Memory', cli: ['proc', 'memory'], shot: '07-show-memory' },
    { title: 'Infra Lens: Find Deleted Open Files', cli: ['proc', 'deleted-files'], shot: '08-deleted-open-files' },
    { title: 'Infra Lens: DNS Lookup…', cli: ['dig'], input: (port) => `@127.0.0.1 -p ${port} ${PROBE_NAME} A`, shot: '09-dns-lookup', keep: (l) => l.includes(PROBE_NAME) && !l.startsWith(';') },
  ];
  for (const c of reportCases) {
    test(`"${c.title}" opens its report, as the CLI prints it`, async () => {
      const { page } = session;
      const dns = new DnsResponder();
      await dns.start();
      try {
        const argv = c.input ? c.input(dns.port) : '';
        const mustShow = reportMustShow(runCli([...c.cli, ...(argv ? argv.split(' ') : [])]), c.keep);
        await runCommand(page, 'View: Close All Editors');
        await runCommand(page, c.title);
        if (c.input) {
          const input = page.locator('.quick-input-widget input');
          await input.waitFor({ state: 'visible' });
          await input.fill(argv);
          await page.keyboard.press('Enter');
        }
        await until(async () => (await activeTabLabel(page)) !== '', 30_000, () => `no report opened for ${c.title}`);
        const text = await until(async () => {
          const t = (await editorText(page)).split('\n').map(normalize).join('\n');
          return mustShow.every((l) => t.includes(l)) ? t : undefined;
        }, 15_000, () => `the report for ${c.title} does not show ${JSON.stringify(mustShow)}`);
        assert.ok(text);
        await session.screenshot(c.shot);
        console.log(`${c.title}: report "${await activeTabLabel(page)}", notifications ${JSON.stringify(await notifications(page))}`);
      } finally {
        await dns.stop();
      }
    });
  }
});
