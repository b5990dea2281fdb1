/// <reference types="mocha" />
// The in-host suite: runs inside VS Code's extension host (started by runTest.ts through
// @vscode/test-electron, or in code-server by test/e2e/vscodeHost.test.ts) and checks the
// extension through the `vscode` API the way other extensions and the workbench see it.
// What it expects comes from the project itself: the CLI's findings for the same file, the
// Corefile plugin table's hover text, the package.json's contributed commands.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pluginHover } from '../../server/src/languages/corefile/hover';
import { getPlugin } from '../../server/src/languages/corefile/plugins';

const EXTENSION_ID = 'infra-lens.infra-lens';

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in the extension host`);
  return ext;
}

function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of fixtures/) is not open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

function key(code: string, line: number, character: number): string {
  return `${code}@${line + 1}:${character + 1}`;
}

/** Our diagnostics only (other extensions may publish for the same file). */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || /infra/i.test(d.source));
}

/** `infra-lens lint --format json` for one file: what the editor must show. In Electron,
 * process.execPath is the editor binary, which runs as node with ELECTRON_RUN_AS_NODE. */
function cliFindings(file: string): string[] {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 });
  assert.ok(run.status === 0 || run.status === 1, `infra-lens lint failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }>;
  return results.flatMap((r) => r.diagnostics.map((d) => key(d.code, d.range.start.line, d.range.start.character))).sort();
}

function hoverValues(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

suite('Infra Lens in the VS Code extension host', () => {
  const corefile = () => workspaceFile('corefile/Corefile');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(corefile());
    await vscode.window.showTextDocument(doc);
  });

  test('opening a Corefile activates the extension', async () => {
    assert.equal(doc.languageId, 'corefile', 'the contributed language is detected from the file name');
    const ext = extension();
    await until(() => ext.isActive, 30_000, () => 'the extension did not activate after a Corefile was opened');
  });

  test('every contributed command is registered', async () => {
    const contributed = (extension().packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('vscode.languages.getDiagnostics returns the findings the CLI reports', async () => {
    const want = cliFindings(corefile().fsPath);
    assert.ok(want.length > 0, 'the Corefile fixture should have findings');
    const got = () => ours(corefile()).map((d) => key(codeOf(d), d.range.start.line, d.range.start.character)).sort();
    await until(() => JSON.stringify(got()) === JSON.stringify(want), 30_000, () => `diagnostics ${JSON.stringify(got())} never matched the CLI's ${JSON.stringify(want)}`);
    assert.ok(got().some((k) => k.startsWith('corefile/unknown-directive@')), 'the misspelt `forwrd` is reported');
  });

  test('vscode.executeHoverProvider shows the plugin table entry for a directive', async () => {
    const line = doc.getText().split('\n').findIndex((l) => /^\s*cache\b/.test(l));
    assert.ok(line >= 0, 'the fixture has a `cache` directive');
    const character = doc.lineAt(line).firstNonWhitespaceCharacterIndex + 1;
    const spec = getPlugin('cache');
    assert.ok(spec, 'cache is in the plugin table');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    assert.ok(hoverValues(hovers).includes(pluginHover(spec)), `the hover on \`cache\` is not the plugin entry; got ${JSON.stringify(hoverValues(hovers))}`);

    // A blank line has nothing to explain.
    const blank = doc.getText().split('\n').findIndex((l) => l.trim() === '');
    assert.ok(blank >= 0, 'the fixture has a blank line');
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(blank, 0));
    assert.deepEqual(hoverValues(none), [], 'a hover shows on a blank line');
  });

  test('vscode.executeCodeActionProvider offers a quick fix that removes the finding', async () => {
    const diagnostic = await until(() => ours(corefile()).find((d) => codeOf(d) === 'corefile/unknown-directive'), 30_000, () => 'no corefile/unknown-directive diagnostic');
    const misspelt = doc.getText(diagnostic.range);
    assert.equal(misspelt, 'forwrd', 'the finding covers the misspelt directive');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /forward/.test(a.title));
    assert.ok(fix?.edit, `no quick fix to \`forward\`; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit did not apply');
    assert.match(doc.lineAt(diagnostic.range.start.line).text, /^\s*forward \. \/etc\/resolv\.conf \{$/);
    await until(() => !ours(corefile()).some((d) => codeOf(d) === 'corefile/unknown-directive'), 30_000, () => 'the unknown-directive finding stays after the fix');
  });
});
