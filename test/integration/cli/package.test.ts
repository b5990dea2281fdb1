// Where people already run linters: the packed npm package (`npx infra-lens lint` from a
// clean folder) and the pre-commit hook, run by the real pre-commit (Debian's package).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../../helpers';

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-pkg-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
}

const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'infra-lens')!;

test('the packed package: npx infra-lens lint works from a clean folder, with no dependencies to fetch', () => {
  const out = tempDir();
  const tarball = execFileSync('npm', ['pack', '--pack-destination', out], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').pop()!;
  const listing = execFileSync('tar', ['-tzf', path.join(out, tarball)], { encoding: 'utf8' }).split('\n');
  assert.ok(listing.includes('package/dist/cli.js') && listing.includes('package/dist/cli-lint.js'), listing.join('\n'));
  assert.ok(!listing.some((f) => f.startsWith('package/server/') || f.startsWith('package/test/') || f.endsWith('.map')), 'sources, tests and maps stay out');
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(pkg.dependencies, undefined, 'everything is bundled: installing fetches nothing');
  const project = tempDir();
  fs.writeFileSync(path.join(project, 'package.json'), '{"name":"user-project","version":"1.0.0","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', path.join(out, tarball)], { cwd: project, encoding: 'utf8' });
  fs.copyFileSync(path.join(repoRoot, 'fixtures/zone/example.zone'), path.join(project, 'example.zone'));
  const r = spawnSync('npx', ['--no-install', 'infra-lens', 'lint', 'example.zone'], { cwd: project, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^example\.zone:13:19: error: .*\[zone\/bad-ipv4\]$/m);
  // The Kubernetes schemas ship beside the bundles (dist/k8s-schemas.json), read on first use.
  fs.writeFileSync(path.join(project, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containerz: []\n  containers:\n    - name: web\n      image: nginx:1.27\n');
  const k8s = spawnSync('npx', ['--no-install', 'infra-lens', 'lint', 'pod.yaml'], { cwd: project, encoding: 'utf8' });
  assert.equal(k8s.status, 1, k8s.stderr);
  assert.match(k8s.stdout, /^pod\.yaml:6:3: error: unknown field "spec\.containerz".*\[k8s\/schema\]$/m);
  const version = spawnSync('npx', ['--no-install', 'infra-lens', '--version'], { cwd: project, encoding: 'utf8' });
  assert.equal(version.stdout.trim(), `infra-lens ${pkg.version}`);
});

test('the pre-commit hook selects the files each language claims, and its entry lints them', () => {
  assert.equal(hook.language, 'node');
  const files = execFileSync('git', ['ls-files', 'fixtures'], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n');
  const include = new RegExp(hook.files);
  const exclude = hook.exclude ? new RegExp(hook.exclude) : undefined;
  const selected = files.filter((f) => include.test(f) && !exclude?.test(f));
  for (const expected of ['fixtures/corefile/Corefile', 'fixtures/resolvconf/resolv.conf', 'fixtures/zone/example.zone', 'fixtures/k8s/pod-resize.yaml']) {
    assert.ok(selected.includes(expected), `${expected} selected`);
  }
  assert.ok(!include.test('README.md') && !include.test('docs/ci.md'));
  assert.ok(exclude?.test('package-lock.json') && exclude.test('sub/.infra-lens.json'));
  // pre-commit runs `<entry> <files…>`; here the entry's command is the CLI of this checkout.
  const [command, ...args] = hook.entry.split(' ');
  assert.equal(command, 'infra-lens');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args, ...selected], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  for (const language of ['corefile', 'resolvconf', 'zone', 'k8s']) assert.match(r.stdout, new RegExp(`\\[${language}/`), `a ${language} finding`);
});

test('pre-commit try-repo runs the hook from this repository: fails on a bad zone, passes on a clean one', { timeout: 600_000 }, () => {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'pre-commit is missing: scripts/install-system-deps.sh installs it');
  const work = tempDir();
  const run = (name: string, source: string) => {
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    execFileSync('git', ['init', '-q', '.'], { cwd: dir });
    fs.copyFileSync(path.join(repoRoot, source), path.join(dir, 'example.zone'));
    execFileSync('git', ['add', '.'], { cwd: dir });
    return spawnSync('pre-commit', ['try-repo', repoRoot, 'infra-lens', '--all-files'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(work, 'cache') },
    });
  };
  const bad = run('bad', 'fixtures/zone/example.zone');
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stdout, /infra-lens lint\.+Failed/);
  assert.match(bad.stdout, /example\.zone:13:19: error: .*\[zone\/bad-ipv4\]/);
  const good = run('good', 'fixtures/zone/clean/example.zone');
  assert.equal(good.status, 0, good.stdout + good.stderr);
  assert.match(good.stdout, /infra-lens lint\.+Passed/);
});
