// Writes the generated parts of package.json's settings (rule ids for `infraLens.rules`,
// CoreDNS and Kubernetes version lists) from server/src/manifestSettings.ts.
//   node scripts/gen-manifest-settings.mjs
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'infra-lens-gen-'));
const out = join(dir, 'manifestSettings.js');
await build({ entryPoints: ['server/src/manifestSettings.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { generatedSettings } = createRequire(import.meta.url)(out);
rmSync(dir, { recursive: true, force: true });
const g = generatedSettings();

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
props['infraLens.rules'].propertyNames = { enum: g.rules };
props['infraLens.coredns.version'].enum = g.coredns;
props['infraLens.kubernetes.version'].enum = g.kubernetes;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${g.rules.length} rule ids, ${g.coredns.length} CoreDNS and ${g.kubernetes.length} Kubernetes versions`);
// The project config file's schema is generated from these settings: keep it current too.
const { spawnSync } = await import('node:child_process');
const schema = spawnSync(process.execPath, ['scripts/gen-config-schema.mjs'], { stdio: 'inherit' });
if (schema.status !== 0) process.exit(schema.status ?? 1);
