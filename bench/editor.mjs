#!/usr/bin/env node
// The real editor (code-server + Chromium, the VSIX `npm run package` built) on a
// 100,000-record zone: open -> its diagnostics in the Problems panel, and keystroke -> the
// hover of the new version shown. No peer tool: the ratios are against issue #13's goals
// (3 s and 300 ms). Needs scripts/install-code-server.sh and the VSIX.
//   npm run package && node bench/editor.mjs [keystrokes]

import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// 20: the p95 of 7 samples was their maximum; of 20 it is the second slowest.
const KEYSTROKES = Number(process.argv[2] ?? 20);
const GOAL_OPEN = 3000;
const GOAL_HOVER = 300;
// Bundled under out/ (inside the repository: the test helpers find the repository from there).
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const entry = join(root, 'out', 'bench', 'editor.cjs');
mkdirSync(dirname(entry), { recursive: true });
await build({
  stdin: {
    contents: `export { CodeServerSession } from './test/e2e/codeServer';\nexport { bigZoneText, runBigZone } from './test/e2e/bigZone';\nexport { openFile, visibleLines } from './test/e2e/workbench';\nexport { zoneText } from './bench/generate.mjs';\nexport { tracedResponses, hoverAnswerPerKeystroke } from './test/e2e/serverTrace';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: entry,
  external: ['playwright-core'],
  logLevel: 'error',
});
const { CodeServerSession, bigZoneText, runBigZone, zoneText, openFile, visibleLines, tracedResponses, hoverAnswerPerKeystroke } = (await import(pathToFileURL(entry).href)).default;

/**
 * The editor's own share: the same text opened as Plain Text (no language server involved),
 * Quick Open's Enter -> its first line rendered.
 */
async function plainTextOpenMs(session, text) {
  const file = join(session.workspace, 'zone', 'same-text.txt');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const t0 = Date.now();
  await openFile(session.page, 'zone/same-text.txt');
  const first = text.slice(0, text.indexOf('\n'));
  while (!((await visibleLines(session.page)).get(1) ?? '').startsWith(first)) await session.page.waitForTimeout(20);
  return Date.now() - t0;
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

// VS Code's default, off: the e2e sessions save 200 ms after each edit, which here would
// send the whole 3 MB text to code-server after every keystroke (the editor's cost, not ours).
// The client's trace at "messages" (names and times, no contents) tells our server's share.
const session = new CodeServerSession({ trusted: true, settings: { 'files.autoSave': 'off', 'infraLens.trace.server': 'messages' } });

/** The client's trace of the session so far: every response and how long it took. */
function traced() {
  const logs = session.logFiles().filter((f) => /Infra Lens/.test(f));
  return tracedResponses(logs.map((f) => readFileSync(f, 'utf8')).join('\n'));
}
try {
  await session.start();
  const text = bigZoneText(zoneText, 100_000);
  // The first editor of a session costs more: open a small file first, so neither measure pays it.
  await openFile(session.page, 'zone/example.zone');
  const plainMs = await plainTextOpenMs(session, text);
  // The editor's own share of a keystroke -> hover: the same steps on a 100-record zone.
  const small = await runBigZone(session, bigZoneText(zoneText, 100), 100, KEYSTROKES, 60_000, 'small.zone');
  const t = await runBigZone(session, text, 100_000, KEYSTROKES);
  // The log is written a moment after the last response.
  await session.page.waitForTimeout(1000);
  const responses = traced();
  const ours = hoverAnswerPerKeystroke(responses, t.keystrokeStartedAt);
  const oursSmall = hoverAnswerPerKeystroke(responses, small.keystrokeStartedAt);
  const answered = ours.filter((ms) => ms !== undefined);
  const h50 = quantile(t.keystrokeToHoverMs, 0.5);
  const h95 = quantile(t.keystrokeToHoverMs, 0.95);
  console.log('## Real editor: a 100,000-record zone in code-server + Chromium');
  console.log('');
  console.log(`code-server with the packaged VSIX, driven by Chromium through playwright-core; ${KEYSTROKES} keystrokes, each followed at once by Show Hover; VS Code's default settings (no auto save; the client's trace at "messages" to read our server's share). Ratios are against the goals (open ${GOAL_OPEN / 1000} s, hover ${GOAL_HOVER} ms; <= 1.00 meets it).`);
  console.log('');
  console.log('| measure | value | goal | ratio |');
  console.log('|---|---|---|---|');
  console.log(`| open → first diagnostic in Problems | ${fmt(t.openToProblemsMs)} | ${fmt(GOAL_OPEN)} | ${(t.openToProblemsMs / GOAL_OPEN).toFixed(2)} |`);
  console.log(`| for reference: the same text as Plain Text, open → first line shown | ${fmt(plainMs)} | | |`);
  console.log(`| keystroke → hover shown, p50 | ${fmt(h50)} | ${fmt(GOAL_HOVER)} | ${(h50 / GOAL_HOVER).toFixed(2)} |`);
  console.log(`| keystroke → hover shown, p95 | ${fmt(h95)} | ${fmt(GOAL_HOVER)} | ${(h95 / GOAL_HOVER).toFixed(2)} |`);
  console.log(`| keystroke → hover shown, slowest of ${KEYSTROKES} | ${fmt(Math.max(...t.keystrokeToHoverMs))} | | |`);
  console.log(`| our server's hover answers (the extension host's request → response), p50 / p95 / slowest | ${answered.length ? `${fmt(quantile(answered, 0.5))} / ${fmt(quantile(answered, 0.95))} / ${fmt(Math.max(...answered))}` : 'not in the trace'} | | |`);
  console.log(`| for reference: the same keystrokes on a 100-record zone, hover p50 / p95 / slowest | ${fmt(quantile(small.keystrokeToHoverMs, 0.5))} / ${fmt(quantile(small.keystrokeToHoverMs, 0.95))} / ${fmt(Math.max(...small.keystrokeToHoverMs))} | | |`);
  console.log('');
  const withOurs = (times, oursTimes) => times.map((ms, i) => `${fmt(ms)} (ours ${oursTimes[i] === undefined ? '?' : fmt(oursTimes[i])})`).join(', ');
  console.log(`Each keystroke → hover, in order, with our server's answer to that hover in parentheses (the first keystroke comes right after the first problem shows, while the rest of the first parse or lint runs): ${withOurs(t.keystrokeToHoverMs, ours)}; on the 100-record zone: ${withOurs(small.keystrokeToHoverMs, oursSmall)}.`);
} finally {
  await session.stop();
}
