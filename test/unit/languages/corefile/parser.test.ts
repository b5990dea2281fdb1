import assert from 'node:assert/strict';
import test from 'node:test';
import { lexCorefile } from '../../../../server/src/languages/corefile/lexer';
import { parseCorefile } from '../../../../server/src/languages/corefile/parser';
import { lint, ruleIds } from '../../../helpers';

test('lexer: comments anywhere outside quotes, quotes with only \\" escaped, braces as words', () => {
  const tokens = lexCorefile('a#comment\n"x \\"y\\" \\z" example.org:53{ {}\n"multi\nline" b');
  assert.deepEqual(
    tokens.map((t) => [t.text, t.line, t.start]),
    [
      ['a', 0, 0],
      ['x "y" \\z', 1, 0],
      ['example.org:53{', 1, 13],
      ['{}', 1, 29],
      ['multi\nline', 2, 0],
      ['b', 3, 6],
    ],
  );
  assert.deepEqual([tokens[4].endLine, tokens[4].end], [3, 5]);
});

test('parser: keys with commas and continuation, directives, property blocks', () => {
  const ast = parseCorefile('example.org,\n  example.net:1053 {\n  forward . 1.1.1.1 {\n    policy random\n  }\n  log\n}\n');
  assert.deepEqual(ast.problems, []);
  assert.deepEqual(ast.blocks[0].keys.map((k) => k.text), ['example.org', 'example.net:1053']);
  assert.deepEqual(ast.blocks[0].directives.map((d) => d.name.text), ['forward', 'log']);
  assert.deepEqual(ast.blocks[0].directives[0].block?.properties.map((p) => [p.name.text, p.args.map((a) => a.text)]), [['policy', ['random']]]);
});

test('parser recovers: one bad line does not hide the next block', async () => {
  const text = '.:53 {\n    whoami }\n    forwrd . 1.1.1.1\n}\nexample.org {\n    cache 0\n}\n';
  const ids = ruleIds(await lint('corefile', text));
  assert.ok(ids.includes('corefile/syntax'));
  assert.ok(ids.includes('corefile/invalid-value'), 'the cache TTL in the second block is still checked');
});

test('parser: "{" on its own line is reported and its block still attaches to the directive', async () => {
  const findings = await lint('corefile', '.:53 {\n    forward . 1.1.1.1\n    {\n        polcy random\n    }\n}\n');
  assert.match(findings[0].message, /must be on the same line/);
  assert.ok(ruleIds(findings).includes('corefile/unknown-property'));
});

test('snippets are spliced in where imported; findings point into the snippet', async () => {
  const text = '(common) {\n    cache 0\n}\n.:53 {\n    import common\n}\nexample.org {\n    import common\n}\n';
  const findings = await lint('corefile', text);
  assert.deepEqual(ruleIds(findings), ['corefile/invalid-value'], 'reported once although imported twice');
  assert.equal(findings[0].range.start.line, 1);
});

test('import: one argument, a snippet or a file; globs with one wildcard', async () => {
  assert.match((await lint('corefile', '.:53 {\n    import a b\n}\n'))[0].message, /only one argument/);
  assert.match((await lint('corefile', '.:53 {\n    import /etc/*/x*.conf\n}\n'))[0].message, /only contain one wildcard/);
  const files: Record<string, string> = { '/work/common.conf': 'cache 0\n' };
  const { lintText } = await import('../../../../server/src/core/lint');
  const { corefileLanguage } = await import('../../../../server/src/languages/corefile');
  const { DEFAULT_SETTINGS } = await import('../../../../server/src/core/settings');
  const ctx = { uri: 'file:///work/Corefile', settings: DEFAULT_SETTINGS, readFile: (p: string) => files[p] };
  const { findings } = await lintText(corefileLanguage, '.:53 {\n    import common.conf\n    import missing.conf\n}\n', ctx);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.uri ?? 'self', f.range.start.line]),
    [
      ['corefile/invalid-value', 'file:///work/common.conf', 0],
      ['corefile/syntax', 'self', 2],
    ],
  );
});

test('env placeholders are accepted where values are checked', async () => {
  assert.deepEqual(await lint('corefile', '.:{$PORT} {\n    bufsize {$SIZE}\n    forward . {$UPSTREAM}\n}\n'), []);
});

test('the parser never throws on junk', () => {
  const junk = Array.from({ length: 3000 }, (_, i) => '{}"#\n \\a,:'[(i * 7919) % 11]).join('');
  assert.doesNotThrow(() => parseCorefile(junk));
});
