// A second, independent LSP client: headless Neovim (Debian's neovim, its built-in LSP
// client) attached to the server shipped in the packaged VSIX. It must receive the same
// diagnostics as the CLI prints for the same fixtures, and run workspace/executeCommand.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../helpers';
import { type CliDiagnostic, normalize, reportMustShow, runCli } from '../e2e/expected';
import { vsixPath } from '../e2e/codeServer';
import { assertVsixMatchesDist, unpackExtension } from '../e2e/vsix';

interface NvimDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}
interface NvimResult {
  diagnostics: Record<string, NvimDiagnostic[]>;
  commands: Array<{ command: string; result: { ok: boolean; title: string; text: string; data: unknown; error?: string } | null; error: string | null }>;
  filetypes: Record<string, string>;
  errors: string[];
}

/** Neovim's vim.diagnostic.severity: ERROR 1, WARN 2, INFO 3, HINT 4. */
const NVIM_SEVERITY: Record<CliDiagnostic['severity'], number> = { error: 1, warning: 2, information: 3, hint: 4 };

describe('Infra Lens in Neovim (headless, built-in LSP client)', { timeout: 120_000 }, () => {
  let dir = '';
  let result: NvimResult;
  let expected: Array<{ file: string; diagnostics: CliDiagnostic[] }>;

  before(() => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) throw new Error(`nvim is missing or broken (${version.error?.message ?? version.stderr}): scripts/install-system-deps.sh installs neovim`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-nvim-'));
    assertVsixMatchesDist(vsixPath(), path.join(repoRoot, 'dist'));
    const server = unpackExtension(vsixPath(), dir);

    // Every file the CLI claims under fixtures/, with what it finds there.
    const lint = runCli(['lint', '--format', 'json', 'fixtures']);
    assert.ok(lint.status === 0 || lint.status === 1, `infra-lens lint failed: ${lint.stderr}`);
    expected = JSON.parse(lint.stdout);
    assert.ok(expected.length >= 4, 'the fixtures cover the four languages');

    const out = path.join(dir, 'result.json');
    const commands = [
      { command: 'infraLens.server.listRules', arguments: [{}] },
      { command: 'infraLens.server.proc', arguments: [{ reading: 'memory' }] },
    ];
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(repoRoot, 'test', 'neovim', 'attach.lua')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, INFRA_LENS_SERVER: server, INFRA_LENS_FILES: expected.map((e) => e.file).join('\n'), INFRA_LENS_COMMANDS: JSON.stringify(commands), INFRA_LENS_OUT: out },
    });
    if (!fs.existsSync(out)) throw new Error(`Neovim wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8'));
    console.log(`neovim: ${version.stdout.split('\n')[0]}; filetypes ${JSON.stringify(result.filetypes)}`);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the client ran without errors', () => {
    assert.deepEqual(result.errors, []);
  });

  test('Neovim receives the diagnostics the CLI prints, file by file', () => {
    for (const { file, diagnostics } of expected) {
      const got = result.diagnostics[file];
      assert.ok(got, `Neovim has no diagnostics list for ${file}`);
      const key = (d: { line: number; character: number; endLine: number; endCharacter: number; severity: number; message: string; code?: string }) =>
        `${d.line}:${d.character}-${d.endLine}:${d.endCharacter} ${d.severity} ${d.code} ${d.message}`;
      // A finding inside an $INCLUDEd file belongs to that file (the CLI marks it with `file`);
      // the server publishes it there, not on the including document.
      const want = diagnostics
        .filter((d) => (d as { file?: string }).file === undefined)
        .map((d) => key({ line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character, severity: NVIM_SEVERITY[d.severity], message: d.message, code: d.code }))
        .sort();
      assert.deepEqual(got.map(key).sort(), want, `diagnostics for ${file}`);
      for (const d of got) assert.equal(d.source, 'infra-lens', `${file}: the source names the server`);
    }
    assert.ok(expected.some((e) => e.diagnostics.length > 0), 'at least one fixture has findings to compare');
  });

  test('workspace/executeCommand infraLens.server.listRules answers with the rules the CLI lists', () => {
    const c = result.commands.find((x) => x.command === 'infraLens.server.listRules')!;
    assert.equal(c.error, null);
    assert.ok(c.result?.ok, `listRules failed: ${JSON.stringify(c.result)}`);
    const cli = runCli(['rules', '--json']);
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(c.result.data, JSON.parse(cli.stdout));
  });

  test('workspace/executeCommand infraLens.server.proc (memory) answers as `infra-lens proc memory` does', () => {
    const c = result.commands.find((x) => x.command === 'infraLens.server.proc')!;
    assert.equal(c.error, null);
    assert.ok(c.result, 'a report comes back');
    const cli = runCli(['proc', 'memory']);
    assert.equal(c.result.ok, cli.status === 0, `ok=${c.result.ok} but the CLI exited ${cli.status}`);
    const text = c.result.text.split('\n').map(normalize).join('\n');
    for (const line of reportMustShow(cli)) assert.ok(text.includes(line), `the report lacks "${line}":\n${c.result.text}`);
  });
});
