// The in-host test runner: VS Code's extension host loads this module (the
// `--extensionTestsPath` / payload `extensionTestsPath`) and awaits run(). It runs the mocha
// suites next to it (*.test.js) and, when INFRA_LENS_VSCODE_RESULTS names a file, writes
// the counts there: code-server's extension host has no console the test can read, so
// test/e2e/vscodeHost.test.ts reads this file instead.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';

export interface HostResults {
  passed: number;
  failed: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; error?: string }>;
  /** Set when the runner itself could not start (no suites, mocha missing). */
  error?: string;
}

function writeResults(results: HostResults): void {
  const file = process.env.INFRA_LENS_VSCODE_RESULTS;
  if (!file) return;
  // Written whole, then renamed: the reader polls for the file and must never see half of it.
  fs.writeFileSync(`${file}.part`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.part`, file);
}

export async function run(): Promise<void> {
  const results: HostResults = { passed: 0, failed: 0, pending: 0, tests: [] };
  try {
    // mocha stays in node_modules (it loads its reporters at run time).
    // mocha 12 exports { Mocha, default } to require(); older ones the class itself.
    const exported = require('mocha') as typeof MochaType & { default?: typeof MochaType; Mocha?: typeof MochaType };
    const Mocha = exported.default ?? exported.Mocha ?? exported;
    const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
    const suites = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
    if (suites.length === 0) throw new Error(`no *.test.js suites in ${__dirname}`);
    for (const f of suites) mocha.addFile(path.join(__dirname, f));
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => results.tests.push({ title: t.fullTitle(), state: 'passed' }));
      runner.on('fail', (t, err: Error) => results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
      runner.on('pending', (t) => results.tests.push({ title: t.fullTitle(), state: 'pending' }));
    });
  } catch (err) {
    results.error = String((err as Error)?.stack ?? err);
  }
  results.passed = results.tests.filter((t) => t.state === 'passed').length;
  results.failed = results.tests.filter((t) => t.state === 'failed').length;
  results.pending = results.tests.filter((t) => t.state === 'pending').length;
  writeResults(results);
  if (results.error) throw new Error(results.error);
  if (results.failed > 0) throw new Error(`${results.failed} in-host test(s) failed`);
}
