// Shared by the benchmarks that call the TypeScript sources in process (bench/k8s.mjs,
// bench/corefile.mjs): bundles a few exports with esbuild into a temporary ES module and
// imports it. Call dispose() when done to remove the temporary directory.
//   const { module, dispose } = await bundleExports("export { x } from './server/src/x';", 'k8s');

import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** `contents`: export statements with paths relative to the repository root. */
export async function bundleExports(contents, name) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  const entry = join(dir, 'entry.mjs');
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: entry,
    logLevel: 'error',
    // Bundled CommonJS dependencies (yaml) call require(): give the ES module one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const module = await import(pathToFileURL(entry).href);
  return { module, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
