#!/usr/bin/env node
// Highlighting cost: the zone TextMate grammar tokenizing the 100,000-record bench zone in
// vscode-textmate with Oniguruma (the engine VS Code runs, in its tokenization worker, once per
// opened file while the editor is also rendering, linting and answering). Each run is a fresh
// process (cold, as in the editor), interleaved with the same run of the grammar before the
// one-rule-per-line-kind rewrite (from git) and of an empty grammar (the engine's own floor).
//   node bench/grammar.mjs [runs=5] [--before REV]

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt > 0 ? process.argv[beforeAt + 1] : 'e868efd';
const RUNS = Number(process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== '--before') ?? 5);
const RECORDS = 100_000;

// The child: load one grammar, tokenize the zone line by line carrying the state, print ms.
if (process.argv[2] === '--child') {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(root, 'package.json'));
  const oniguruma = require('vscode-oniguruma');
  const textmate = require('vscode-textmate');
  const { zoneText } = await import('./generate.mjs');
  const file = process.argv[3];
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file),
  });
  const grammar = await registry.loadGrammar('source.dns-zone');
  const lines = zoneText(RECORDS).split('\n');
  const t0 = performance.now();
  let state = textmate.INITIAL;
  for (const line of lines) state = grammar.tokenizeLine2(line, state).ruleStack;
  process.stdout.write(`${performance.now() - t0}\n`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-grammar-'));
try {
  const grammars = [['ours (syntaxes/zone.tmLanguage.json)', path.join(root, 'syntaxes', 'zone.tmLanguage.json')]];
  try {
    const before = execFileSync('git', ['show', `${BEFORE}:syntaxes/zone.tmLanguage.json`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    fs.writeFileSync(path.join(dir, 'before.json'), before);
    grammars.push([`before (${BEFORE}: a pattern per token kind, all tried at every position)`, path.join(dir, 'before.json')]);
  } catch {
    process.stderr.write(`bench grammar: ${BEFORE} not in this checkout; the before row is left out\n`);
  }
  fs.writeFileSync(path.join(dir, 'empty.json'), JSON.stringify({ scopeName: 'source.dns-zone', patterns: [] }));
  grammars.push(['empty grammar (the engine alone)', path.join(dir, 'empty.json')]);
  const times = grammars.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    grammars.forEach(([, file], i) => {
      const run = spawnSync(process.execPath, [path.join(root, 'bench', 'grammar.mjs'), '--child', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (run.status !== 0) throw new Error(`tokenizing with ${file} failed`);
      times[i].push(Number(run.stdout.trim()));
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = times.map(median);
  console.log('## Zone highlighting: the TextMate grammar on a 100,000-record zone');
  console.log('');
  console.log(`vscode-textmate + vscode-oniguruma (VS Code's engine), the bench zone tokenized line by line once, in a fresh process each time (cold, as when a file is opened); ${RUNS} interleaved runs, medians. No peer tool: the ratio is against the grammar before and the floor is the engine with an empty grammar.`);
  console.log('');
  console.log('| grammar | median ms | vs ours |');
  console.log('|---|---:|---:|');
  grammars.forEach(([name], i) => console.log(`| ${name} | ${m[i].toFixed(0)} | ${(m[i] / m[0]).toFixed(2)}x |`));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
