// fast-check generators of hostile documents, per language: random code points and bytes
// (invalid UTF-8 decoded as the editor would), token soups of the language's own words with
// braces, quotes, NULs and every kind of line break, mutations of real corpus files, huge
// lines and deep nesting.

import fc from 'fast-check';
import type { LanguageId } from '../../server/src/core/rules';
import { PLUGIN_NAMES } from '../../server/src/languages/corefile/plugins';
import { seeds } from './corpus';

const SEPARATORS = [' ', ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '\0', '\v', '\f', '\u00a0', '\u2028', '\ufeff'];
const PUNCTUATION = ['{', '}', '(', ')', '[', ']', '"', "'", '\\', '#', ';', ':', ',', '.', '@', '*', '$', '%', '-', '/', '\ud800', '\udc00', '😀', 'é'];
const VALUES = ['0', '1', '-1', '65535', '65536', '4294967295', '4294967296', '1e9', '5s', '1m', '10.0.0.1', '::1', '256.1.1.1', 'fe80::1%eth0', '10.0.0.0/8', 'example.com.', 'a.b.c', 'x'.repeat(64), '..', '{$HOME}', '{%X%}'];

const WORDS: Record<LanguageId, string[]> = {
  corefile: [...PLUGIN_NAMES, '.:53', 'example.org:1053', 'tls://.', 'dns://.:53', '(snip)', 'import', 'snip', 'fallthrough', 'upstream', 'to', 'except', 'policy', 'health_check', 'tls', 'success', 'denial', 'prefetch', 'serve_stale', 'answer', 'name', 'regex', 'exact', 'stop', 'continue', 'type', 'class', 'rcode', 'NXDOMAIN', 'IN', 'A', 'AAAA'],
  resolvconf: ['nameserver', 'search', 'domain', 'options', 'sortlist', 'lookup', 'family', 'ndots:', 'ndots:5', 'ndots:99999', 'timeout:', 'timeout:0', 'attempts:', 'attempts:5', 'rotate', 'edns0', 'trust-ad', 'single-request', 'single-request-reopen', 'use-vc', 'no-aaaa', 'inet6', 'debug', 'no-reload'],
  zone: ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', '@', 'IN', 'CH', 'CLASS1', 'TYPE65534', '\\#', 'SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'CAA', 'DS', 'DNSKEY', 'RRSIG', 'NSEC', 'NSEC3', 'SVCB', 'HTTPS', 'TLSA', 'SSHFP', 'HINFO', 'LOC', 'NAPTR', 'DNAME', 'APL', 'alpn=h2', 'port=443', 'mandatory=alpn', 'v=spf1', '1-10', '1-65535/1', '${0,3,x}', '$', '1h', '1w2d'],
  k8s: ['apiVersion:', 'v1', 'apps/v1', 'kind:', 'Pod', 'Service', 'StatefulSet', 'Deployment', 'VerticalPodAutoscaler', 'metadata:', 'name:', 'labels:', 'spec:', 'containers:', '- name:', 'image:', 'resources:', 'requests:', 'limits:', 'cpu:', 'memory:', '100m', '1Gi', 'resizePolicy:', 'dnsPolicy:', 'dnsConfig:', 'clusterIP:', 'None', 'serviceName:', 'template:', '---', '...', '- ', '  ', '    ', '&a', '*a', '<<:', '<<: *a', '!!str', '!!binary', '|', '>-', '? ', '{{ .Values.x }}', '%YAML 1.2', 'null', '~', 'true'],
};

/** Random code points (lone surrogates included): what a corrupted file can hold. */
const codePoints = fc.string({ unit: 'binary', maxLength: 400 });

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD) or as Latin-1. */
const bytes = fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.boolean()).map(([b, utf8]) => (utf8 ? new TextDecoder('utf-8').decode(b) : Buffer.from(b).toString('latin1')));

function soup(language: LanguageId): fc.Arbitrary<string> {
  const word = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS[language]) }, { weight: 2, arbitrary: fc.constantFrom(...VALUES) }, { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) }, { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) });
  return fc.array(word, { maxLength: 120 }).map((ws) => ws.join(''));
}

type Mutation = { at: number; kind: 'insert' | 'delete' | 'duplicate' | 'breaks'; text: string; length: number };

const mutation = (language: LanguageId): fc.Arbitrary<Mutation> =>
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'duplicate', 'breaks'),
    text: fc.oneof(fc.constantFrom(...SEPARATORS, ...PUNCTUATION, ...WORDS[language]), codePoints.map((s) => s.slice(0, 20))),
    length: fc.nat({ max: 200 }),
  }) as fc.Arbitrary<Mutation>;

function mutate(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'breaks': {
      // Re-spell the line breaks of a stretch: CRLF / lone CR / LF mixes.
      const to = m.length % 3 === 0 ? '\r' : m.length % 3 === 1 ? '\r\n' : '\n';
      return text.slice(0, at) + text.slice(at, at + 400).replace(/\r\n|\n|\r/g, to) + text.slice(at + 400);
    }
  }
}

function mutated(language: LanguageId): fc.Arbitrary<string> {
  const corpus = seeds(language);
  return fc.tuple(fc.nat({ max: corpus.length - 1 }), fc.array(mutation(language), { minLength: 1, maxLength: 8 })).map(([i, ms]) => ms.reduce(mutate, corpus[i]));
}

/** A short piece repeated thousands of times: huge lines, deep nesting, many tokens. */
function repeated(language: LanguageId, maxRepeat: number): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom('{', '{ ', '(', '[', '- ', '  - ', 'a: {', '"', 'x', '.', 'a.', '\\', ' ', '\t', '\r', '\0', ...WORDS[language].map((w) => `${w} `)), soup(language).map((s) => s.slice(0, 30)));
  return fc.tuple(soup(language).map((s) => s.slice(0, 60)), piece, fc.integer({ min: 100, max: maxRepeat }), fc.boolean()).map(([head, p, n, line]) => head + p.repeat(n) + (line ? '\n' : ''));
}

/** Every kind of hostile document for one language. `maxRepeat` bounds the huge inputs. */
export function documentArbitrary(language: LanguageId, maxRepeat = 5000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: codePoints },
    { weight: 2, arbitrary: bytes },
    { weight: 5, arbitrary: soup(language) },
    { weight: 6, arbitrary: mutated(language) },
    { weight: 1, arbitrary: repeated(language, maxRepeat) },
  );
}

export const FUZZ_LANGUAGES: LanguageId[] = ['corefile', 'resolvconf', 'zone', 'k8s'];
