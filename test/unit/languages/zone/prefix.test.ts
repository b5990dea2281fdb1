// Hover and completion from a prefix (analysis/prefixFeature.ts): for any zone text and any
// position, the answer from the text up to the entry under the cursor equals the answer from
// the whole text; and no prefix is offered where it could differ ($INCLUDE, a parenthesis
// recovery) or is too long.

import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { prefixFeatureAnswer } from '../../../../server/src/analysis/prefixFeature';
import type { LanguageService } from '../../../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { zoneLanguage } from '../../../../server/src/languages/zone';
import { zonePrefixThrough } from '../../../../server/src/languages/zone/prefix';

const ctx = { uri: 'file:///zones/db.example.com', settings: { ...DEFAULT_SETTINGS, zone: { origin: '' } } };
const service = zoneLanguage as unknown as LanguageService;

const LINES = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '$TTL 1h30m',
  '@ IN SOA ns1 hostmaster ( 2026112501 7200',
  '   3600 1209600 300 )',
  '@ IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.1',
  'ns2 A 192.0.2.300',
  'www 300 IN A 192.0.2.7',
  '    IN AAAA 2001:db8::1',
  '  TXT "v=spf1 -all"',
  'www CNAME other',
  'mail MX 10 mail',
  'multi TXT ( "a"',
  '  "b" ) ; comment',
  '; only a comment',
  '',
  '$ORIGIN sub.example.com.',
  'x 60 CH A 10.0.0.1',
  '$GENERATE 1-3 g$ A 192.0.2.$',
  'caa CAA 0 issue "ca.example"',
  'svc HTTPS 1 . alpn=h2',
  '*.w A 192.0.2.9',
  'bad TYPE99999 x',
  '$T',
  'owner ',
];

const zoneText = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n') + '\n');

test('hover and completion from the prefix through the cursor entry equal those from the whole zone', () => {
  let answered = 0;
  fc.assert(
    fc.property(zoneText, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), (text, at, character) => {
      const lines = text.split('\n');
      const line = Math.floor(at * (lines.length - 1));
      const position = { line, character: Math.min(character, lines[line].length) };
      const whole = service.parse(text, ctx);
      for (const feature of ['hover', 'complete'] as const) {
        const quick = prefixFeatureAnswer(service, feature, text, position, ctx);
        if (!quick) continue;
        answered++;
        const expected = feature === 'hover' ? service.hover!(whole, position, ctx) : service.complete!(whole, position, ctx);
        assert.deepEqual(quick.value, expected, `${feature} at ${position.line}:${position.character} of:\n${text}`);
      }
    }),
    { numRuns: 600 },
  );
  assert.ok(answered > 600, `${answered} answers from a prefix`);
});

test('the prefix ends with the entry that holds the line, parentheses included', () => {
  const text = 'a A 192.0.2.1\nb TXT ( "x"\n  "y" )\nc A 192.0.2.3\n';
  assert.equal(zonePrefixThrough(text, 0, 1000), 'a A 192.0.2.1\n');
  assert.equal(zonePrefixThrough(text, 1, 1000), 'a A 192.0.2.1\nb TXT ( "x"\n  "y" )\n');
  assert.equal(zonePrefixThrough(text, 2, 1000), 'a A 192.0.2.1\nb TXT ( "x"\n  "y" )\n');
  assert.equal(zonePrefixThrough(text, 3, 1000), text);
});

test('no prefix past an $INCLUDE, a parenthesis recovery, the end of the entries or maxChars', () => {
  assert.equal(zonePrefixThrough('$INCLUDE other.zone\na A 192.0.2.1\n', 1, 1000), undefined);
  const unclosed = 'a TXT ( "x"\nb A 192.0.2.1\n' + 'c A 192.0.2.2\n'.repeat(5);
  assert.equal(zonePrefixThrough(unclosed, 6, 1e6), undefined, 'an unclosed parenthesis: the lexer recovered');
  assert.equal(zonePrefixThrough('a A 192.0.2.1\n\n\n', 2, 1000), undefined);
  const long = 'h A 192.0.2.1\n'.repeat(1000);
  assert.equal(zonePrefixThrough(long, 999, 1000), undefined);
  assert.equal(zonePrefixThrough(long, 10, 1000), 'h A 192.0.2.1\n'.repeat(11));
});
