// The big-zone scenario in the real editor (code-server + Chromium), shared by the e2e test
// (asserts that both things happen) and bench/editor.mjs (reports how long they take):
// open a 100,000-record zone -> its diagnostics in the Problems panel; a keystroke -> the
// hover of the edited version shown.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeServerSession } from './codeServer';
import { goTo, hoverText, openFile, readProblems, showProblems } from './workbench';

export interface BigZoneTimes {
  records: number;
  /** Quick Open's Enter -> the zone's first problem listed in the Problems panel. */
  openToProblemsMs: number;
  /** Each keystroke -> the hover (asked for right after it) shown. */
  keystrokeToHoverMs: number[];
  /** When each keystroke was typed (epoch ms), to find its requests in the client's trace. */
  keystrokeStartedAt: number[];
}

/** The bench/generate.mjs zone with one bad record near the top, so a problem shows. */
export function bigZoneText(zoneText: (records: number) => string, records: number): string {
  const lines = zoneText(records).split('\n');
  lines.splice(9, 0, 'broken IN A 192.0.2.300');
  return lines.join('\n');
}

/** `name`: the file under zone/ in the workspace (the bench also times a small zone, for reference). */
export async function runBigZone(session: CodeServerSession, text: string, records: number, keystrokes: number, timeoutMs = 180_000, name = 'bench.zone'): Promise<BigZoneTimes> {
  const page = session.page;
  const file = path.join(session.workspace, 'zone', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  await showProblems(page);
  const t0 = Date.now();
  await openFile(page, `zone/${name}`);
  for (;;) {
    const { rows } = await readProblems(page);
    if (rows.some((r) => r.file === name && r.line === 10)) break;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no problem for ${name} in the Problems panel after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
  const openToProblemsMs = Date.now() - t0;

  // "ns1 IN A 192.0.2.1" is line 7: type a space before the type A, then ask for the hover
  // on it (Ctrl+K Ctrl+I) and wait until it shows.
  const keystrokeToHoverMs: number[] = [];
  const keystrokeStartedAt: number[] = [];
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  for (let i = 0; i < keystrokes; i++) {
    await goTo(page, 7, 8 + i); // right before the type, which moves one column per keystroke
    await page.keyboard.press('Escape');
    const k0 = Date.now();
    keystrokeStartedAt.push(k0);
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    for (;;) {
      if (/\bA\b|IPv4|address/i.test(await hoverText(page))) break;
      if (Date.now() - k0 > timeoutMs) throw new Error(`no hover after a keystroke within ${timeoutMs} ms`);
      await page.waitForTimeout(20);
    }
    keystrokeToHoverMs.push(Date.now() - k0);
    await page.keyboard.press('Escape');
  }
  return { records, openToProblemsMs, keystrokeToHoverMs, keystrokeStartedAt };
}
