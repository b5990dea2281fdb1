// A real VS Code for the e2e tests: code-server (installed by scripts/install-code-server.sh
// into a cache folder outside node_modules) serving the workbench on 127.0.0.1, with the
// packaged VSIX installed into a throw-away extensions dir, driven by Debian's Chromium
// through playwright-core. One code-server and one Chromium at a time.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../helpers';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = process.env.INFRA_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test', 'e2e', 'screenshots');

/** The flags the recipe verified: no sandbox (root), no GPU, nothing that phones home. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function codeServerBin(): string {
  const cache = process.env.INFRA_LENS_CACHE ?? path.join(os.homedir(), '.cache', 'infra-lens');
  const bin = path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server is not installed at ${bin}: run scripts/install-code-server.sh`);
  return bin;
}

export function vsixPath(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const file = path.join(repoRoot, `infra-lens-${version}.vsix`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run package\` first`);
  return file;
}

/** playwright-core reads its own package files at run time, so it is loaded from
 * node_modules rather than bundled into the test. */
function loadPlaywright(): typeof import('playwright-core') {
  return createRequire(path.join(repoRoot, 'package.json'))('playwright-core') as typeof import('playwright-core');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface SessionOptions {
  /** false: workspace trust is on and the folder is not trusted (Restricted Mode). */
  trusted: boolean;
  /** User settings merged over the defaults below. */
  settings?: Record<string, unknown>;
  /** Added to code-server's environment, which its extension host and our server inherit. */
  env?: Record<string, string>;
  /** Files added to the workspace copy before the workbench opens (path relative to it -> text). */
  files?: Record<string, string>;
}

export class CodeServerSession {
  readonly dir: string;
  /** A copy of fixtures/ (edits made by the tests never touch the repository). */
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  private server?: ChildProcess;
  private serverLog = '';
  private browser?: Browser;
  page!: Page;
  port = 0;

  constructor(readonly options: SessionOptions) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-e2e-'));
    this.workspace = path.join(this.dir, 'fixtures');
    this.userDataDir = path.join(this.dir, 'user-data');
    this.extensionsDir = path.join(this.dir, 'extensions');
  }

  async start(): Promise<void> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run scripts/install-system-deps.sh`);
    const bin = codeServerBin();
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
    if (!version.startsWith(`${CODE_SERVER_VERSION} `)) throw new Error(`expected code-server ${CODE_SERVER_VERSION}, found: ${version.trim()}`);

    fs.cpSync(path.join(repoRoot, 'fixtures'), this.workspace, { recursive: true });
    for (const [rel, text] of Object.entries(this.options.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(this.workspace, rel)), { recursive: true });
      fs.writeFileSync(path.join(this.workspace, rel), text);
    }
    fs.mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    const settings = {
      'security.workspace.trust.enabled': !this.options.trusted,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'files.autoSave': 'afterDelay', // edits go to the temp copy; no save prompt on close
      'files.autoSaveDelay': 200,
      'editor.hover.delay': 300,
      ...this.options.settings,
    };
    fs.writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const config = path.join(this.dir, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\ncert: false\n');

    // Install exactly the VSIX `npm run package` produced.
    const installed = execFileSync(bin, ['--config', config, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir, '--install-extension', vsixPath()], { encoding: 'utf8' });
    if (!/successfully installed/.test(installed)) throw new Error(`installing the VSIX failed:\n${installed}`);

    this.port = await freePort();
    const args = ['--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`, '--disable-telemetry', '--disable-update-check',
      '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir, this.workspace];
    // Its own process group, so stop() ends code-server and the extension host it forks.
    this.server = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: this.options.env ? { ...process.env, ...this.options.env } : undefined });
    this.server.stdout!.on('data', (d) => (this.serverLog += d));
    this.server.stderr!.on('data', (d) => (this.serverLog += d));
    await until(() => {
      if (this.server!.exitCode !== null) throw new Error(`code-server exited (${this.server!.exitCode}):\n${this.serverLog}`);
      return this.serverLog.includes('HTTP server listening');
    }, 30_000, () => `code-server did not start:\n${this.serverLog}`);

    const { chromium } = loadPlaywright();
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    this.page = await this.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // The Explorer shows the folder once the workbench has restored.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The logs code-server's extension host wrote (output channels included). */
  logFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const name of fs.readdirSync(dir)) {
        const full = path.join(dir, name);
        if (fs.statSync(full).isDirectory()) walk(full);
        else out.push(full);
      }
    };
    walk(path.join(this.userDataDir, 'logs'));
    return out;
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    if (this.server?.pid !== undefined && this.server.exitCode === null) {
      const exited = new Promise((resolve) => this.server!.once('exit', resolve));
      try {
        process.kill(-this.server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-this.server.pid, 'SIGKILL');
      } catch {
        /* exited on SIGTERM */
      }
    }
    if (!process.env.INFRA_LENS_KEEP_E2E) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * How much longer than its nominal timeout a wait may take: CI machines run the workbench
 * several times slower than a developer's (a timeout only bounds the failing case, so a
 * generous one costs nothing when things work). INFRA_LENS_E2E_SLACK overrides it.
 */
export const WAIT_SLACK = Number(process.env.INFRA_LENS_E2E_SLACK) > 0 ? Number(process.env.INFRA_LENS_E2E_SLACK) : 2;

/** Polls until `check` returns a truthy value; fails with `what()` after `timeoutMs` (times WAIT_SLACK). */
export async function until<T>(check: () => T | Promise<T>, nominalMs: number, what: () => string | Promise<string>): Promise<NonNullable<T>> {
  const timeoutMs = nominalMs * WAIT_SLACK;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
