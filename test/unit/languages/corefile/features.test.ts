// Hover, completion, outline and quick fixes, straight on the language service.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { corefileLanguage } from '../../../../server/src/languages/corefile';
import { lint } from '../../../helpers';

const ctx = { uri: 'file:///w/Corefile', settings: DEFAULT_SETTINGS };
const TEXT = 'tls://example.org {\n    tls a.crt a.key\n    forward . 1.1.1.1 {\n        policy random\n    }\n    ca\n}\n';
const ast = corefileLanguage.parse(TEXT, ctx);

test('hover on a plugin shows its summary, syntax and plugin.cfg position', () => {
  const h = corefileLanguage.hover!(ast, { line: 2, character: 6 }, ctx);
  assert.match(h!.contents, /\*\*forward\*\*/);
  assert.match(h!.contents, /position 53 of 60 in plugin\.cfg/);
  assert.deepEqual(h!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
});

test('hover on a property and on a server key', () => {
  assert.match(corefileLanguage.hover!(ast, { line: 3, character: 10 }, ctx)!.contents, /random.*round_robin.*sequential/);
  assert.match(corefileLanguage.hover!(ast, { line: 0, character: 3 }, ctx)!.contents, /tls:\/\/example\.org\.:853/);
});

test('completion: plugins in a block, properties in a plugin block, enum values', () => {
  const plugins = corefileLanguage.complete!(ast, { line: 5, character: 6 }, ctx).map((c) => c.label);
  assert.ok(plugins.includes('cache') && plugins.includes('kubernetes'));
  const props = corefileLanguage.complete!(ast, { line: 3, character: 9 }, ctx).map((c) => c.label);
  assert.ok(props.includes('policy') && props.includes('max_concurrent') && !props.includes('cache'));
  const values = corefileLanguage.complete!(ast, { line: 3, character: 15 }, ctx).map((c) => c.label);
  assert.deepEqual(values, ['random', 'round_robin', 'sequential']);
});

test('outline: server blocks contain their plugins, plugins their properties', () => {
  const symbols = corefileLanguage.symbols!(ast, ctx);
  assert.equal(symbols[0].name, 'tls://example.org');
  assert.equal(symbols[0].detail, 'tls://example.org.:853');
  assert.deepEqual(symbols[0].children!.map((c) => c.name), ['tls', 'forward', 'ca']);
  assert.deepEqual(symbols[0].children![1].children!.map((c) => c.name), ['policy']);
});

function applyFix(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('quick fixes: typo, missing space before {, repeated once-only plugin, renamed option', async () => {
  const cases: Array<[string, string]> = [
    ['.:53 {\n    forwrd . 1.1.1.1\n}\n', '.:53 {\n    forward . 1.1.1.1\n}\n'],
    ['example.org:1053{\n    whoami\n}\n', 'example.org:1053 {\n    whoami\n}\n'],
    ['.:53 {\n    cache 30\n    cache 60 {\n        success 100\n    }\n    whoami\n}\n', '.:53 {\n    cache 30\n    whoami\n}\n'],
    ['.:53 {\n    forward . 1.1.1.1 {\n        fail_fast\n    }\n}\n', '.:53 {\n    forward . 1.1.1.1 {\n        failfast_all_unhealthy_upstreams\n    }\n}\n'],
  ];
  for (const [before, after] of cases) {
    const findings = await lint('corefile', before, { coredns: { version: '1.12.0' } });
    const fix = findings.find((f) => f.fixes?.length)?.fixes?.[0];
    assert.ok(fix, `a fix for ${JSON.stringify(before)}`);
    const fixed = applyFix(before, fix!.edits);
    assert.equal(fixed, after);
    assert.deepEqual((await lint('corefile', fixed, { coredns: { version: '1.12.0' } })).filter((f) => f.severity === 'error'), []);
  }
});
