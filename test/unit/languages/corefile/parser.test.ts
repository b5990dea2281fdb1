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

test('import globs: every match in name order, as CoreDNS reads them; no match is no error; an unknown directory is not followed', async () => {
  const { lintText } = await import('../../../../server/src/core/lint');
  const { corefileLanguage } = await import('../../../../server/src/languages/corefile');
  const { DEFAULT_SETTINGS } = await import('../../../../server/src/core/settings');
  const { globSegmentMatches } = await import('../../../../server/src/languages/corefile/parser');
  const files: Record<string, string> = { '/etc/coredns/custom/b.override': 'cache 0\n', '/etc/coredns/custom/a.override': 'errros\n', '/etc/coredns/custom/c.server': 'x.org {\n}\n' };
  const listDir = (dir: string) => (dir === '/etc/coredns/custom' ? Object.keys(files).map((p) => p.slice(dir.length + 1)) : dir === '/etc/coredns/empty' ? [] : undefined);
  const ctx = { uri: 'file:///etc/coredns/Corefile', settings: DEFAULT_SETTINGS, readFile: (p: string) => files[p], listDir };
  const { findings } = await lintText(corefileLanguage, '.:53 {\n    forward . 10.0.0.2\n    import custom/*.override\n}\n', ctx);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.uri ?? 'self']),
    [
      ['corefile/unknown-directive', 'file:///etc/coredns/custom/a.override'],
      ['corefile/invalid-value', 'file:///etc/coredns/custom/b.override'],
    ],
  );
  // No file matches: CoreDNS logs a warning and starts; nothing to report.
  assert.deepEqual((await lintText(corefileLanguage, '.:53 {\n    forward . 10.0.0.2\n    import empty/*.override\n}\n', ctx)).findings, []);
  // A directory whose contents are not known (an optional volume): the import is not followed,
  // and block-wide checks stay quiet (the import may bring a forward).
  const unknown = await lintText(corefileLanguage, '.:53 {\n    import other/*.override\n}\n', ctx);
  assert.deepEqual(unknown.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
  assert.ok(globSegmentMatches('*.server', '..data') === false && globSegmentMatches('*', '..data') && globSegmentMatches('a?.conf', 'ab.conf') && !globSegmentMatches('a?.conf', 'a/.conf'));
  assert.ok(globSegmentMatches('\\*.conf', '*.conf') && !globSegmentMatches('\\*.conf', 'x.conf'));
});

test('env placeholders are accepted where values are checked', async () => {
  assert.deepEqual(await lint('corefile', '.:{$PORT} {\n    bufsize {$SIZE}\n    forward . {$UPSTREAM}\n}\n'), []);
});

test('the parser never throws on junk', () => {
  const junk = Array.from({ length: 3000 }, (_, i) => '{}"#\n \\a,:'[(i * 7919) % 11]).join('');
  assert.doesNotThrow(() => parseCorefile(junk));
});

test('100,000 nested "{" parse without overflowing the stack; every unclosed one is reported', async () => {
  const depth = 100_000;
  const text = `.:53 {\n    cache ${'{ '.repeat(depth)}\n`;
  const ast = parseCorefile(text);
  assert.equal(ast.problems.filter((p) => /this '\{' is never closed/.test(p.message)).length, depth);
  const closed = `.:53 {\n    cache ${'{ '.repeat(depth)}${' }'.repeat(depth)}\n}\n`;
  const ok = parseCorefile(closed);
  assert.equal(ok.problems.length, 0);
  assert.equal(ok.blocks[0].close?.text, '}');
  await assert.doesNotReject(lint('corefile', text));
});

test('the import limit counts tokens produced: snippets doubling at every level stop at the limit', async () => {
  // Level k imports level k-1 twice: 2^40 tokens if expanded; the limit stops it early.
  const lines = [`(s0) {\n${'    log a b c d e f g h i\n'.repeat(10)}}`];
  for (let k = 1; k <= 40; k++) lines.push(`(s${k}) {\n    import s${k - 1}\n    import s${k - 1}\n}`);
  lines.push('.:53 {\n    import s40\n}');
  const started = Date.now();
  const ast = parseCorefile(lines.join('\n'));
  const ms = Date.now() - started;
  assert.ok(!ast.problems.some((p) => /snippet import depth/.test(p.message)), 'the token limit, not the expansion count, stops it');
  assert.ok(ast.problems.some((p) => /more than 100000 tokens/.test(p.message)), 'the limit is reported');
  assert.ok(ms < 5000, `bounded work (${ms} ms)`);
  assert.equal(ast.blocks[ast.blocks.length - 1].hasOpaqueImport, true);
});

test('a lone CR is a line break, as in LSP: tokens after it are on the next line', () => {
  const tokens = lexCorefile('.:53 {\r    log\r\n    # c\r    cache\r}\r');
  assert.deepEqual(tokens.map((t) => [t.text, t.line, t.start]), [['.:53', 0, 0], ['{', 0, 5], ['log', 1, 4], ['cache', 3, 4], ['}', 4, 0]]);
  const quoted = lexCorefile('"a\rb" x');
  assert.deepEqual([quoted[0].endLine, quoted[0].end, quoted[1].line, quoted[1].start], [1, 2, 1, 3]);
  const ast = parseCorefile('.:53 {\r    log\r    cache\r}\r');
  assert.deepEqual(ast.blocks[0].directives.map((d) => d.name.text), ['log', 'cache']);
});
