// The CLI's streamed check (checkZoneText: records go to the checks as they are read and are
// not kept; a finding's token and an RRset's RDATA are read again from the text) gives the
// same findings as the editor's lint of a parsed zone, whose index has the records at hand.
// Over the fixtures, the public corpus and cases made for the reading-again paths: duplicates
// adjacent and apart, tokens on a continuation line, $INCLUDEd and $GENERATEd records, an
// unclosed parenthesis, CRLF line ends.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { finalizeFindings, lintText } from '../../../../server/src/core/lint';
import type { Finding } from '../../../../server/src/core/finding';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { checkZoneText, zoneLanguage } from '../../../../server/src/languages/zone';
import { repoRoot } from '../../../helpers';
import { zoneWith } from './zoneText';

const settings = (origin = '') => ({ ...DEFAULT_SETTINGS, zone: { ...DEFAULT_SETTINGS.zone, origin } });

/** Both paths over one text, with an include reader; findings as comparable lines. */
async function bothPaths(text: string, uri: string, origin = '', files?: Record<string, string>): Promise<{ editor: string[]; streamed: string[] }> {
  const readFile = (p: string) => (files ? files[p] : fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);
  const ctx = { uri, settings: settings(origin), readFile };
  const show = (fs: Finding[]) => fs.map((f) => JSON.stringify([f.ruleId, f.uri, f.range, f.message, f.severity, f.related?.map((r) => [r.uri, r.range, r.message])]));
  const editor = show((await lintText(zoneLanguage, text, ctx)).findings);
  const streamed = show(finalizeFindings(checkZoneText(text, ctx), text, zoneLanguage, ctx.settings));
  return { editor, streamed };
}

async function assertSame(text: string, uri = 'file:///z/example.com.zone', origin = '', files: Record<string, string> = {}): Promise<string[]> {
  const { editor, streamed } = await bothPaths(text, uri, origin, files);
  assert.deepEqual(streamed, editor);
  return editor;
}

const ranges = (lines: string[], rule: string) => lines.filter((l) => l.includes(`"zone/${rule}"`)).map((l) => JSON.parse(l)[2]);

test('streamed check = editor lint: duplicates next to each other and far apart, with the ranges of both copies', async () => {
  const text = zoneWith(['www IN A 192.0.2.10', '     IN A 192.0.2.10', 'mail IN A 192.0.2.20', 'www IN A 192.0.2.10', 'x IN CNAME a', 'y IN A 192.0.2.1', 'x IN CNAME b', 'x IN CNAME a'].join('\n'));
  const found = await assertSame(text);
  // Both duplicates of www (the blank-owner one and the one three lines on) and the third CNAME of x.
  assert.deepEqual(ranges(found, 'duplicate-record').map((r) => r.start.line), [8, 10, 14]);
  assert.equal(ranges(found, 'multiple-singleton').length, 1, 'the second, different CNAME');
});

test('streamed check = editor lint: tokens on continuation lines, CRLF, a TTL mismatch and a CNAME target', async () => {
  const text = zoneWith(['svc 300 IN MX ( 10', '   mail.example.com )', 'svc 600 IN MX 20 alias', 'alias IN CNAME ns1', 'api IN CNAME ns1', 'api IN TXT "x"'].join('\r\n'));
  const found = await assertSame(text);
  assert.ok(ranges(found, 'ttl-mismatch').length === 1);
  assert.ok(ranges(found, 'target-is-cname').length === 1);
  assert.ok(ranges(found, 'cname-and-other-data').length === 1);
});

test('streamed check = editor lint: $INCLUDEd and $GENERATEd records, and records after an unclosed parenthesis', async () => {
  const inc = ['dup IN A 192.0.2.7', 'dup IN A 192.0.2.7', 'far IN MX 10 nowhere', ''].join('\n');
  const text = zoneWith(['$INCLUDE /z/hosts.inc', 'dup IN A 192.0.2.7', '$GENERATE 1-3 gen$ A 192.0.2.$', '$GENERATE 1-2 gen1 A 192.0.2.1', 'bad IN TXT ( "open"', 'after IN A 192.0.2.9', 'after IN A 192.0.2.9'].join('\n'));
  const found = await assertSame(text, 'file:///z/example.com.zone', '', { '/z/hosts.inc': inc });
  assert.ok(ranges(found, 'duplicate-record').length >= 3);
  assert.ok(found.some((l) => l.includes('hosts.inc')), 'findings in the included file');
});

test('streamed check = editor lint on every zone of the fixtures and of the public corpus', async () => {
  const sources = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/conformance/zone/public/sources.json'), 'utf8')) as Array<{ file: string; origin: string }>;
  const files: Array<{ file: string; origin: string }> = sources.map((s) => ({ file: path.join(repoRoot, 'test/conformance/zone/public/files', s.file), origin: s.origin }));
  const fixtures = path.join(repoRoot, 'fixtures/zone');
  for (const f of fs.readdirSync(fixtures, { recursive: true }) as string[]) if (fs.statSync(path.join(fixtures, f)).isFile()) files.push({ file: path.join(fixtures, f), origin: '' });
  let withFindings = 0;
  for (const { file, origin } of files) {
    const text = fs.readFileSync(file, 'latin1');
    const { editor, streamed } = await bothPaths(text, `file://${file}`, origin);
    assert.deepEqual(streamed, editor, file);
    if (editor.length) withFindings++;
  }
  assert.ok(files.length > 100 && withFindings > 20, `${files.length} zones, ${withFindings} with findings`);
});

test('streamed check = editor lint: a wildcard written as *, as @ under a wildcard $ORIGIN, or escaped answers for a target', async () => {
  const targets = ['a IN MX 10 x.w1', 'b IN MX 10 x.w2', 'c IN MX 10 x.w3', 'd IN MX 10 x.none'];
  const wildcards = {
    star: ['*.w1 IN A 192.0.2.5'],
    origin: ['$ORIGIN *.w2.example.com.', '@ IN A 192.0.2.5', '$ORIGIN example.com.'],
    escaped: ['\\042.w3 IN A 192.0.2.5'],
  };
  for (const [how, lines] of Object.entries(wildcards)) {
    const found = await assertSame(zoneWith([...targets, ...lines].join('\n')));
    const missing = found.filter((l) => l.includes('"zone/target-no-address"')).map((l) => JSON.parse(l)[3].match(/'(x\.\w+)\./)[1]);
    const covered = how === 'star' ? 'x.w1' : how === 'origin' ? 'x.w2' : 'x.w3';
    assert.ok(!missing.includes(covered), `${how}: ${covered} is covered (${missing.join(', ')})`);
    assert.ok(missing.includes('x.none'), `${how}: a target no wildcard covers is still reported`);
  }
});

test('streamed check = editor lint: one file $INCLUDEd twice, under two origins', async () => {
  const inc = ['dup IN A 192.0.2.7', 'dup IN A 192.0.2.7', 'mx IN MX 10 nowhere', ''].join('\n');
  const text = zoneWith(['$INCLUDE /z/hosts.inc a.example.com.', '$INCLUDE /z/hosts.inc b.example.com.'].join('\n'));
  const found = await assertSame(text, 'file:///z/example.com.zone', '', { '/z/hosts.inc': inc });
  assert.equal(ranges(found, 'duplicate-record').length, 2, 'one duplicate under each origin');
  assert.equal(ranges(found, 'target-no-address').length, 2);
});
