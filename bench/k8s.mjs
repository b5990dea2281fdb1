#!/usr/bin/env node
// Kubernetes at repository scale: `infra-lens lint` over a GitOps-style tree of generated
// manifest files (4 documents each: a headless Service, a StatefulSet, a VPA, a Deployment),
// every rule and the schema validation on, cross-document rules seeing the whole tree —
// next to the bare `yaml` parse (read + parseAllDocuments) of the same files, in one
// interleaved run. Goal: 2,000 files ≤ 2x the bare parse; 10,000 files finish.
//   node bench/k8s.mjs [--files N,N,...] [--runs R]

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleExports } from './bundle.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('files', '2000,10000').split(',').map(Number);
const RUNS = Number(arg('runs', '5'));

const bundle = await bundleExports(
  `export { run as runLintCli } from './server/src/cli/commands/lint';
export { workspaceIndex } from './server/src/languages/k8s/workspace';
export { parseAllDocuments } from 'yaml';`,
  'k8s',
);
const { runLintCli, workspaceIndex, parseAllDocuments } = bundle.module;
const dir = bundle.dir;

function manifest(i) {
  const name = `app-${i}`;
  return [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}-hl\nspec:\n  clusterIP: None\n  selector: {app: ${name}}\n  ports:\n    - name: http\n      port: 80\n`,
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}-hl\n  replicas: 3\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      dnsPolicy: ClusterFirst\n      containers:\n        - name: main\n          image: nginx:1.27\n          ports: [{name: http, containerPort: 80}]\n          resources:\n            requests: {cpu: 250m, memory: 256Mi}\n            limits: {cpu: 500m, memory: 512Mi}\n          resizePolicy:\n            - {resourceName: cpu, restartPolicy: NotRequired}\n            - {resourceName: memory, restartPolicy: RestartContainer}\n`,
    `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: ${name}}\n  updatePolicy:\n    updateMode: InPlaceOrRecreate\n  resourcePolicy:\n    containerPolicies:\n      - containerName: main\n        minAllowed: {cpu: 100m, memory: 128Mi}\n        maxAllowed: {cpu: '2', memory: 4Gi}\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}-web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: ${name}-web}\n  template:\n    metadata:\n      labels: {app: ${name}-web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          imagePullPolicy: IfNotPresent\n          resources:\n            requests: {cpu: 100m, memory: 500m}\n`,
  ].join('---\n');
}

function writeTree(files) {
  const root = join(dir, `tree-${files}`);
  for (let i = 0; i < files; i++) {
    const sub = join(root, `team-${i % 50}`);
    if (i < 50) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `app-${i}.yaml`), manifest(i));
  }
  return root;
}

function filesOf(root) {
  const out = [];
  for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) out.push(join(root, d, f));
  return out;
}

function bareParse(root) {
  let docs = 0;
  for (const f of filesOf(root)) docs += parseAllDocuments(readFileSync(f, 'utf8')).length;
  return docs;
}

async function ourLint(root) {
  workspaceIndex.clear(); // a fresh CLI run
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = (chunk) => ((out += chunk), true);
  try {
    await runLintCli(['--format', 'json', root]);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out);
}

const HEAP_MB = 400;
const cli = join(resolve(dirname(new URL(import.meta.url).pathname), '..'), 'dist', 'cli.js');

/** The whole CLI on a tree with a small heap (a CI container's): wall, peak RSS and whether it printed the same findings. */
function smallHeapRun(root, expected) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, `--max-old-space-size=${HEAP_MB}`, cli, 'lint', '--format', 'json', root], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`GNU time: ${r.error.message} (bash scripts/install-system-deps.sh --bench)`);
  const [wall, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  let same = false;
  try {
    same = JSON.stringify(JSON.parse(r.stdout)) === JSON.stringify(expected);
  } catch {
    // no JSON: it did not finish
  }
  // GNU time reports a child killed by a signal (V8 aborts on out-of-memory) on stderr, and may still exit 0.
  const killed = /Command terminated by signal (\d+)/.exec(r.stderr);
  return { finished: !killed && (r.status === 0 || r.status === 1), why: killed ? `signal ${killed[1]}` : `exit ${r.status}`, wall, rss: kb / 1024, same };
}

const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
const rows = [];
let heapRow;
for (const files of SIZES) {
  const root = writeTree(files);
  const runs = files > 2000 ? Math.min(RUNS, 3) : RUNS;
  const results = await ourLint(root); // warm-up and sanity check
  const findings = results.reduce((n, r) => n + r.diagnostics.length, 0);
  const parse = [];
  const lint = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    bareParse(root);
    parse.push(performance.now() - t);
    t = performance.now();
    await ourLint(root);
    lint.push(performance.now() - t);
  }
  const [p, l] = [median(parse), median(lint)];
  rows.push(`| ${files.toLocaleString('en')} × 4 | ${results.length} | ${findings} | ${p.toFixed(0)} | ${l.toFixed(0)} | ${(l / p).toFixed(2)}x |`);
  if (files === Math.max(...SIZES)) {
    const small = smallHeapRun(root, results);
    heapRow = `| ${files.toLocaleString('en')} × 4 | ${HEAP_MB} MB | ${small.finished ? 'yes' : `no (${small.why})`} | ${small.wall.toFixed(2)} s | ${small.rss.toFixed(0)} MB | ${small.same ? 'yes' : 'no'} |`;
  }
  rmSync(root, { recursive: true, force: true });
}
bundle.dispose();

console.log('## k8s: lint of a manifest tree vs the bare yaml parse');
console.log('');
console.log(`\`infra-lens lint --format json DIR\` in process (every rule, schema validation for the default Kubernetes version, cross-document rules over the whole tree) vs reading and \`yaml.parseAllDocuments\` of the same files; medians of ${RUNS} interleaved runs (3 for the largest). Goal: ≤ 2x at 2,000 files.`);
console.log('');
console.log('| files × documents | files linted | findings | bare parse ms | infra-lens ms | ratio |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (heapRow) {
  console.log('');
  console.log(`The whole CLI (\`node --max-old-space-size=${HEAP_MB} dist/cli.js lint --format json DIR\`, one run) on the largest tree, as in a CI container with little memory: the workspace index keeps parses only within a quarter of the heap and the other files as summaries.`);
  console.log('');
  console.log('| files × documents | heap limit | finished | wall | peak RSS | same findings as above |');
  console.log('|---|---|---|---|---|---|');
  console.log(heapRow);
}
