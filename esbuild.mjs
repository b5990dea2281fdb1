// Bundles the extension client, the language server and the CLI into dist/ (one file
// each), and the TypeScript tests into out/test/ so node's test runner can run them.
//   node esbuild.mjs               dist/ + out/test/
//   node esbuild.mjs --production  dist/ only, minified (for the VSIX)

import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/**
 * The bundles in dist/ read the Kubernetes schema table from dist/k8s-schemas.json when a
 * schema is first needed, instead of carrying it as a 900 KB string literal that every CLI
 * run and server start compiled (~60 ms). The tests in out/test keep the literal.
 */
const schemaFromFile = {
  name: 'k8s-schemas-from-file',
  setup(b) {
    b.onResolve({ filter: /\/schemaJson$/ }, (args) => ({ path: resolve(args.resolveDir, 'schemaJsonFile.ts') }));
  },
};

function writeSchemaJson() {
  const source = readFileSync('server/src/languages/k8s/schemaTable.ts', 'utf8');
  const literal = /^export const SCHEMA_JSON = (".*");$/m.exec(source);
  if (!literal) throw new Error('schemaTable.ts: no SCHEMA_JSON line (regenerate it with scripts/gen-k8s-schemas.mjs)');
  writeFileSync('dist/k8s-schemas.json', JSON.parse(literal[1]));
}

const distBundle = { ...common, plugins: [schemaFromFile] };

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
  build({ ...distBundle, entryPoints: { extension: 'client/src/extension.ts', languageClient: 'client/src/languageClient.ts' }, outdir: 'dist' }),
  build({ ...distBundle, entryPoints: { server: 'server/src/server.ts', analysisWorker: 'server/src/analysis/worker.ts' }, outdir: 'dist' }),
  // The CLI: a small dispatcher and one bundle per command, loaded only when it runs.
  build({
    ...distBundle,
    entryPoints: {
      cli: 'server/src/cli.ts',
      'cli-lint': 'server/src/cli/commands/lint.ts',
      'cli-lint-zone': 'server/src/cli/commands/lintZone.ts',
      'cli-proc': 'server/src/cli/commands/proc.ts',
      'cli-proc-sockets': 'server/src/cli/commands/procSockets.ts',
      'cli-dig': 'server/src/cli/commands/dig.ts',
      'cli-resolve-plan': 'server/src/cli/commands/resolvePlan.ts',
    },
    outdir: 'dist',
  }),
]);
chmodSync('dist/cli.js', 0o755);
writeSchemaJson();

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
