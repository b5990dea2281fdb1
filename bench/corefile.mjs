#!/usr/bin/env node
// Corefile linting speed: lexer alone, parse, and the whole lint (every rule) on generated
// Corefiles of growing size. CoreDNS has no check-only mode to compare with (coredns#5152:
// validating means starting the server), so the ratios printed are lint/lex (cost of the
// rules over the raw tokenizer) and the growth ratio (10x the input should cost ~10x).
//   node bench/corefile.mjs

import { bundleExports } from './bundle.mjs';

const bundle = await bundleExports(
  `export { lexCorefile } from './server/src/languages/corefile/lexer';
export { parseCorefile } from './server/src/languages/corefile/parser';
export { corefileLanguage } from './server/src/languages/corefile';
export { DEFAULT_SETTINGS } from './server/src/core/settings';`,
  'corefile',
);
const { lexCorefile, parseCorefile, corefileLanguage, DEFAULT_SETTINGS } = bundle.module;

function corefile(blocks) {
  const out = [];
  for (let i = 0; i < blocks; i++) {
    out.push(`zone${i}.example.org:${1000 + (i % 5000)} {
    errors
    log
    cache 30 {
        success 9984 30
        prefetch 10 1m 20%
    }
    forward . 10.0.${i % 250}.1 10.0.${i % 250}.2 {
        policy sequential
        health_check 5s
    }
    rewrite name regex (.*)\\.zone${i}\\.example\\.org {1}.internal answer auto
    template IN A zone${i}.example.org {
        match "^(.*)\\.zone${i}\\.example\\.org\\.$"
        answer "{{ .Name }} 60 IN A 10.1.${i % 250}.1"
    }
}
`);
  }
  return out.join('');
}

function time(fn, minMs = 300) {
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    fn();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return elapsed / runs;
}

const ctx = { uri: 'file:///bench/Corefile', settings: DEFAULT_SETTINGS };
const rows = [];
let previous;
for (const blocks of [100, 1000, 10000]) {
  const text = corefile(blocks);
  const lex = time(() => lexCorefile(text));
  const parse = time(() => parseCorefile(text));
  const lint = time(() => corefileLanguage.lint(corefileLanguage.parse(text, ctx), ctx));
  const mb = text.length / 1e6;
  rows.push(`| ${blocks.toLocaleString('en')} | ${mb.toFixed(2)} | ${lex.toFixed(1)} | ${parse.toFixed(1)} | ${lint.toFixed(1)} | ${(mb / (lint / 1000)).toFixed(1)} | ${(lint / lex).toFixed(1)}x | ${previous ? `${(lint / previous).toFixed(1)}x` : ''} |`);
  previous = lint;
}
bundle.dispose();

console.log('## Corefile: lex, parse and lint of generated Corefiles');
console.log('');
console.log('CoreDNS has no check-only mode to compare with (validating means starting the server), so the ratios are lint / lex (the rules over the raw tokenizer) and the growth for 10x the input (~10x is linear). Mean of as many runs as fit in 300 ms.');
console.log('');
console.log('| server blocks | MB | lex ms | parse ms | parse + lint ms | MB/s | lint / lex | growth |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
