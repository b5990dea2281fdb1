// The in-host suite (test/vscode/, what `npm run test:vscode` runs through
// @vscode/test-electron where VS Code can be downloaded) run inside code-server's extension
// host instead: code-server's CLI does not take --extensionDevelopmentPath and
// --extensionTestsPath, but its web workbench reads the same two options from the `payload`
// query parameter (VS Code web's WorkspaceProvider) and hands them to the remote extension
// host, which then loads this repository as the extension under development and runs
// out/test/vscode/index.js. The runner writes its mocha results to a file named by
// INFRA_LENS_VSCODE_RESULTS (the extension host inherits code-server's environment).

import * as assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../helpers';
import type { HostResults } from '../vscode/index';
import { CHROMIUM, CHROMIUM_FLAGS, CODE_SERVER_VERSION, codeServerBin, until } from './codeServer';

const runner = path.join(repoRoot, 'out', 'test', 'vscode', 'index.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-vscode-host-'));
const workspace = path.join(dir, 'fixtures');
const resultsFile = path.join(dir, 'results.json');
let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser | undefined;
let results: HostResults;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  assert.ok(fs.existsSync(runner), `${runner} is missing: run \`npm run build\``);
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'extension.js')), 'dist/extension.js is missing: run `npm run build`');
  assert.ok(fs.existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}: run scripts/install-system-deps.sh`);
  const bin = codeServerBin();
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
  assert.ok(version.startsWith(`${CODE_SERVER_VERSION} `), `expected code-server ${CODE_SERVER_VERSION}, found: ${version.trim()}`);

  fs.cpSync(path.join(repoRoot, 'fixtures'), workspace, { recursive: true });
  const userDataDir = path.join(dir, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'update.mode': 'none' }));
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');

  const port = await freePort();
  // An empty extensions dir: the extension comes from the repository, not an installed VSIX.
  const args = ['--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userDataDir, '--extensions-dir', path.join(dir, 'extensions'), workspace];
  server = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INFRA_LENS_VSCODE_RESULTS: resultsFile } });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  await until(() => {
    if (server!.exitCode !== null) throw new Error(`code-server exited (${server!.exitCode}):\n${serverLog}`);
    return serverLog.includes('HTTP server listening');
  }, 30_000, () => `code-server did not start:\n${serverLog}`);

  // The remote extension host sees vscode-remote URIs as files on this machine.
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(runner)]]);
  const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core') as typeof import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  await until(() => fs.existsSync(resultsFile), 180_000, () => `the extension host wrote no results to ${resultsFile}; code-server said:\n${serverLog}`);
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as HostResults;
});

after(async () => {
  await browser?.close().catch(() => undefined);
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* exited on SIGTERM */
    }
  }
  if (!process.env.INFRA_LENS_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
});

// One node:test subtest per in-host mocha test, so the summary of `npm run test:all` counts them.
test("the in-host mocha suite runs in code-server's extension host", async (t) => {
  assert.equal(results.error, undefined, `the in-host runner failed to start: ${results.error}`);
  console.log(`in-host suite (code-server extension host): ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
  assert.ok(results.tests.length >= 5, `expected the whole suite to run; ran ${results.tests.length}`);
  for (const r of results.tests) {
    await t.test(r.title, () => {
      assert.equal(r.state, 'passed', `in-host test ${r.state}: ${r.title}\n${r.error ?? ''}`);
    });
  }
  assert.equal(results.failed, 0, `${results.failed} in-host test(s) failed`);
});
