// Bundles the extension client, the language server and the CLI into dist/ (one file
// each), and the TypeScript tests into out/test/ so node's test runner can run them.
//   node esbuild.mjs               dist/ + out/test/
//   node esbuild.mjs --production  dist/ only, minified (for the VSIX)

import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // Bundle-size budgets: keep what VS Code provides out of the bundle.
  external: ['vscode'],
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...testEntries(full));
    else if (/\.test\.ts$/.test(name)) out.push(full);
  }
  return out;
}

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts', languageClient: 'client/src/languageClient.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts', analysisWorker: 'server/src/analysis/worker.ts' }, outdir: 'dist' }),
  // The CLI: a small dispatcher and one bundle per command, loaded only when it runs.
  build({
    ...common,
    entryPoints: {
      cli: 'server/src/cli.ts',
      'cli-lint': 'server/src/cli/commands/lint.ts',
      'cli-proc': 'server/src/cli/commands/proc.ts',
      'cli-proc-sockets': 'server/src/cli/commands/procSockets.ts',
      'cli-dig': 'server/src/cli/commands/dig.ts',
      'cli-resolve-plan': 'server/src/cli/commands/resolvePlan.ts',
    },
    outdir: 'dist',
  }),
]);
chmodSync('dist/cli.js', 0o755);

if (!production) {
  rmSync('out', { recursive: true, force: true });
  await build({ ...common, entryPoints: testEntries('test'), outdir: 'out/test', outbase: 'test', sourcemap: 'inline' });
  // The in-host suite's runner (loaded by VS Code's extension host) and its launcher; mocha
  // and @vscode/test-electron load files of their own at run time, so they stay external.
  await build({
    ...common,
    entryPoints: ['test/vscode/index.ts', 'test/vscode/runTest.ts'],
    outdir: 'out/test/vscode',
    sourcemap: 'inline',
    external: [...common.external, 'mocha', '@vscode/test-electron'],
  });
}
