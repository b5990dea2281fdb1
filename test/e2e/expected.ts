// What the editor should show, taken from the project itself rather than hard-coded: the
// CLI's JSON for findings, the language server (over a plain LSP connection) for hovers and
// quick fixes, the CLI's printed reports for palette commands. Rules land concurrently;
// the e2e suite follows them.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliPath, repoRoot } from '../helpers';
import { TestLspClient } from '../lsp/client';

export interface CliDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** `infra-lens lint --format json` for fixture files (paths relative to fixtures/). */
export function cliFindings(files: string[]): Map<string, CliDiagnostic[]> {
  const run = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', ...files.map((f) => path.join('fixtures', f))], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`infra-lens lint failed (${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: CliDiagnostic[] }>;
  return new Map(results.map((r) => [path.relative('fixtures', r.file), r.diagnostics]));
}

/** How VS Code's Problems panel names a severity. */
export const PROBLEM_SEVERITY: Record<CliDiagnostic['severity'], string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): CliRun {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Numbers (sizes, times, pids) differ between two readings; the words around them do not. */
export function normalize(line: string): string {
  return line.replace(/\d+(\.\d+)?/g, '#').replace(/\s+/g, ' ').trim();
}

/** Lines of a CLI run the editor's report must also show: the first line of a report, or
 * the error the CLI printed for a command that failed (e.g. "not available in this build
 * yet"), which the editor's report carries too. `keep` picks further lines. */
export function reportMustShow(run: CliRun, keep: (line: string) => boolean = () => false): string[] {
  if (run.status === 0 || run.stdout.trim()) {
    const lines = run.stdout.split('\n').filter((l) => l.trim());
    return [...new Set([lines[0], ...lines.filter(keep)].filter(Boolean).map(normalize))];
  }
  const error = /^infra-lens [\w-]+: (.*)$/m.exec(run.stderr)?.[1] ?? run.stderr.trim();
  return [normalize(error)];
}

const LANGUAGE_IDS: Record<string, string> = { corefile: 'corefile', resolvconf: 'resolvconf', zone: 'dns-zone', k8s: 'yaml' };

export function fixtureUri(file: string): string {
  return `file://${path.join(repoRoot, 'fixtures', file)}`;
}

export function fixtureText(file: string): string {
  return fs.readFileSync(path.join(repoRoot, 'fixtures', file), 'utf8');
}

type Range = CliDiagnostic['range'];
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]> };
}

function offsetAt(text: string, pos: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.character;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  for (const e of sorted) text = text.slice(0, offsetAt(text, e.range.start)) + e.newText + text.slice(offsetAt(text, e.range.end));
  return text;
}

/** Asks the language server itself (dist/server.js over stdio) what it offers. */
export class ServerOracle {
  private readonly client = new TestLspClient();
  private readonly opened = new Set<string>();

  async start(): Promise<void> {
    await this.client.initialize();
  }

  private async open(file: string): Promise<string> {
    const uri = fixtureUri(file);
    if (!this.opened.has(uri)) {
      const published = this.client.nextDiagnostics(uri);
      await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE_IDS[file.split('/')[0]], version: 1, text: fixtureText(file) } });
      await published;
      this.opened.add(uri);
    }
    return uri;
  }

  /** The hover's markdown at a 0-based position, or undefined when the server has none. */
  async hover(file: string, line: number, character: number): Promise<string | undefined> {
    const uri = await this.open(file);
    const h = await this.client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return h?.contents.value || undefined;
  }

  /** The quick fixes offered for the first diagnostic of a rule, with the line they produce. */
  async quickFix(file: string, ruleId: string): Promise<{ title: string; diagnostic: Range; message: string; fixedText: string }> {
    const uri = await this.open(file);
    const published = this.client.published.filter((p) => p.uri === uri).pop()!;
    const diagnostic = published.diagnostics.find((d) => d.code === ruleId);
    if (!diagnostic) throw new Error(`the server reports no ${ruleId} in ${file}`);
    const actions = await this.client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred) ?? actions.find((a) => !a.title.startsWith('Disable '));
    if (!fix?.edit?.changes?.[uri]) throw new Error(`the server offers no fix for ${ruleId} in ${file}: ${JSON.stringify(actions)}`);
    return { title: fix.title, diagnostic: diagnostic.range, message: diagnostic.message, fixedText: applyEdits(fixtureText(file), fix.edit.changes[uri]) };
  }

  async stop(): Promise<void> {
    await this.client.shutdown();
  }
}

/** Markdown as a hover renders it: the words, without the markup. */
export function markdownWords(markdown: string): string {
  return markdown
    .replace(/```[\w-]*\n?/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a token is in a fixture (0-based, one character into it): the first match of
 * `pattern`'s group 1. Fixtures change as rules land; tokens are found, not hard-coded. */
export function findToken(file: string, pattern: RegExp): { line: number; character: number } | undefined {
  const text = fixtureText(file);
  const m = pattern.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const offset = m.index + m[0].indexOf(m[1]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length + Math.min(1, m[1].length - 1) };
}
