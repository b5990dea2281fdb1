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
let previous;
for (const blocks of [100, 1000, 10000]) {
  const text = corefile(blocks);
  const lex = time(() => lexCorefile(text));
  const parse = time(() => parseCorefile(text));
  const lint = time(() => corefileLanguage.lint(corefileLanguage.parse(text, ctx), ctx));
  const mb = text.length / 1e6;
  console.log(
    `${String(blocks).padStart(5)} blocks ${mb.toFixed(2)} MB: lex ${lex.toFixed(1)} ms, parse ${parse.toFixed(1)} ms, lint ${lint.toFixed(1)} ms (${(mb / (lint / 1000)).toFixed(1)} MB/s); lint/lex ${(lint / lex).toFixed(1)}x${previous ? `; growth ${(lint / previous).toFixed(1)}x for 10x input` : ''}`,
  );
  previous = lint;
}
bundle.dispose();
