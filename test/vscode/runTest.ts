// `npm run test:vscode`: the in-host suite (test/vscode/*.test.ts) in a VS Code that
// @vscode/test-electron downloads, with this repository as the extension under development
// and a throw-away copy of fixtures/ as the workspace. On a machine that cannot download
// VS Code, test/e2e/vscodeHost.test.ts runs the same suite in code-server's extension host.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../helpers';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-vscode-'));
  const workspace = path.join(dir, 'fixtures');
  fs.cpSync(path.join(repoRoot, 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'vscode', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(dir, 'user-data')}`],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`test:vscode failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
