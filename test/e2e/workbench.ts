// What a user does and sees in the workbench, as page operations: the palette, Quick Open,
// Go to Line, the Problems panel, squiggles, the light bulb, hovers, tabs, notifications.
// Selectors are VS Code 1.100's (code-server 4.100.3).

import type { Page } from 'playwright-core';
import { until } from './codeServer';

/** The little of the DOM these page functions use (the project's tsconfig has no DOM lib). */
export interface DomNode {
  innerText: string;
  className: string;
  style: { top: string };
  parentElement: DomNode | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
}

/** Runs a palette command by its full title ("Infra Lens: Show Memory"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // A row's label is the title, then ", <keybinding>" or ", recently used" when it has them.
  const index = await until(
    () =>
      page.$$eval('.quick-input-list .monaco-list-row', (rows, t) => {
        const i = rows.findIndex((r) => {
          const label = r.getAttribute('aria-label') ?? '';
          return label === t || label.startsWith(`${t},`);
        });
        return i >= 0 ? i + 1 : 0;
      }, title),
    10_000,
    () => `the palette does not offer "${title}"`,
  );
  await page.locator('.quick-input-list .monaco-list-row').nth(index - 1).click();
  // Park the pointer on the Explorer's empty space, away from tabs and editor text, so no
  // tooltip or hover shows up by accident.
  await page.mouse.move(200, 700);
}

/** Opens a workspace file through Quick Open, as a user would. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  const base = relativePath.split('/').pop()!;
  await until(
    () => page.$$eval('.quick-input-list .monaco-list-row', (rows, b) => rows.length > 0 && (rows[0].getAttribute('aria-label') ?? '').startsWith(b), base),
    10_000,
    () => `Quick Open does not find ${relativePath}`,
  );
  await page.keyboard.press('Enter');
  await until(async () => (await activeTabLabel(page)).startsWith(base), 10_000, () => `${relativePath} did not open`);
}

export async function activeTabLabel(page: Page): Promise<string> {
  return (await page.$$eval('.editor-group-container.active .tab.active', (tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? '')))[0] ?? '';
}

/** Moves the cursor with Go to Line/Column (1-based, as the status bar shows it). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await until(async () => (await cursorPosition(page)) === `Ln ${line}, Col ${column}`, 5000, () => `cursor did not move to ${line}:${column}`);
}

/** "Ln 14, Col 5" from the status bar. */
export async function cursorPosition(page: Page): Promise<string> {
  const texts = await page.$$eval('.statusbar-item', (items) => items.map((i) => (i as DomNode).innerText.trim()));
  return texts.find((t) => /^Ln \d+, Col \d+/.test(t))?.replace(/\s*\(.*$/, '') ?? '';
}

/** The visible text of the active editor, line by line (1-based line numbers). */
export async function visibleLines(page: Page): Promise<Map<number, string>> {
  const rows = await page.$$eval('.editor-group-container.active .monaco-editor', (editors) => {
    const editor = editors[0];
    if (!editor) return [] as Array<[number, string]>;
    const numbers = new Map<string, number>();
    for (const n of editor.querySelectorAll('.margin-view-overlays > div')) {
      const text = (n as unknown as DomNode).innerText.trim();
      if (/^\d+$/.test(text)) numbers.set((n as unknown as DomNode).style.top, Number(text));
    }
    const out: Array<[number, string]> = [];
    for (const l of editor.querySelectorAll('.view-lines > .view-line')) {
      const line = numbers.get((l as unknown as DomNode).style.top);
      if (line !== undefined) out.push([line, (l as unknown as DomNode).innerText.replace(/\u00a0/g, ' ')]);
    }
    return out;
  });
  return new Map(rows);
}

/** The active editor's text as far as it is rendered (reports are short). */
export async function editorText(page: Page): Promise<string> {
  const lines = [...(await visibleLines(page)).entries()].sort((a, b) => a[0] - b[0]);
  return lines.map(([, t]) => t).join('\n');
}

export interface Squiggle {
  line: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

/** Squiggles drawn in the active editor, with the (1-based) line each is on. */
export async function squiggles(page: Page): Promise<Squiggle[]> {
  return page.$$eval('.editor-group-container.active .monaco-editor', (editors) => {
    const editor = editors[0];
    if (!editor) return [];
    const numbers = new Map<string, number>();
    for (const n of editor.querySelectorAll('.margin-view-overlays > div')) {
      const text = (n as unknown as DomNode).innerText.trim();
      if (/^\d+$/.test(text)) numbers.set((n as unknown as DomNode).style.top, Number(text));
    }
    const out: Array<{ line: number; severity: 'error' | 'warning' | 'info' | 'hint' }> = [];
    for (const s of editor.querySelectorAll('.view-overlays .cdr[class*="squiggly-"]')) {
      const line = numbers.get((s.parentElement as DomNode).style.top);
      const severity = /squiggly-(error|warning|info|hint)/.exec(s.className)?.[1] as 'error' | 'warning' | 'info' | 'hint' | undefined;
      if (line !== undefined && severity) out.push({ line, severity });
    }
    return out;
  });
}

export interface ProblemRow {
  /** File name and folder as the Problems panel groups them. */
  file: string;
  folder: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  /** The row as shown (message, source, code, position). */
  shown: string;
}

/** Opens the Problems panel (maximized, so no row is virtualized away) and reads it. */
export async function readProblems(page: Page): Promise<{ files: Map<string, number>; rows: ProblemRow[] }> {
  const raw = await page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => ({ label: r.getAttribute('aria-label') ?? '', text: (r as DomNode).innerText.replace(/\s+/g, ' ') })));
  const files = new Map<string, number>();
  const rows: ProblemRow[] = [];
  let file = '';
  let folder = '';
  for (const { label, text } of raw) {
    const group = /^(\d+) problems? in file (.+) of folder (.+)$/.exec(label);
    if (group) {
      file = group[2];
      folder = group[3];
      files.set(`${folder}/${file}`, Number(group[1]));
      continue;
    }
    const marker = /^(Error|Warning|Info|Hint): ([\s\S]*) at line (\d+) and character (\d+)\. generated by /.exec(label);
    if (marker) rows.push({ file, folder, severity: marker[1], message: marker[2], line: Number(marker[3]), column: Number(marker[4]), shown: text });
  }
  return { files, rows };
}

export async function showProblems(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/** The text of the visible hover widget ('' when none shows). */
export async function hoverText(page: Page): Promise<string> {
  const texts = await page.$$eval('.monaco-editor .monaco-hover:not(.hidden)', (hs) => hs.map((h) => (h as DomNode).innerText));
  return texts.join('\n').trim();
}

/** Visible notification toasts. */
export async function notifications(page: Page): Promise<string[]> {
  return page.$$eval('.notification-toast', (ts) => ts.map((t) => (t as DomNode).innerText.replace(/\s+/g, ' ').trim()));
}
