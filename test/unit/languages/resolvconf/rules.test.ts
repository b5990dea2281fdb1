// Every resolv.conf rule: a file that fires it (on the right token) and one that does not.

import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS, type Settings } from '../../../../server/src/core/settings';
import { RULES } from '../../../../server/src/languages/resolvconf/rules';
import { lint } from '../../../helpers';

type Libc = 'glibc' | 'musl';
interface Case {
  rule: string;
  fires: string;
  /** [line, startCharacter] of the finding. */
  at: [number, number];
  message?: RegExp;
  quiet: string;
  libc?: Libc;
}

const NS = 'nameserver 10.0.0.1\n';

const CASES: Case[] = [
  { rule: 'unknown-keyword', fires: `${NS}serach a.example\n`, at: [1, 0], message: /Did you mean 'search'/, quiet: `${NS}search a.example\n` },
  { rule: 'ignored-line', fires: `${NS}  search a.example\n`, at: [1, 2], message: /indented/, quiet: `${NS}search a.example\n` },
  { rule: 'ignored-line', fires: `${NS}Search a.example\n`, at: [1, 0], message: /lowercase/, quiet: `${NS}# Search a.example\n` },
  { rule: 'ignored-line', fires: 'nameserver10.0.0.1\nnameserver 10.0.0.2\n', at: [0, 0], message: /space or a tab/, quiet: 'nameserver\t10.0.0.1\n' },
  { rule: 'missing-value', fires: `${NS}search\n`, at: [1, 0], quiet: `${NS}search a.example\n` },
  { rule: 'invalid-nameserver', fires: 'nameserver 10.0.0.2:5353\nnameserver 10.0.0.1\n', at: [0, 11], message: /port/, quiet: 'nameserver 10.1\nnameserver fe80::1%eth0\n' },
  { rule: 'invalid-nameserver', fires: 'nameserver 10.0.0.1\nnameserver 2001:db8::1%eth0\n', at: [1, 11], libc: 'musl', message: /link-local/, quiet: 'nameserver 10.0.0.1\nnameserver fe80::1%2\n' },
  { rule: 'too-many-nameservers', fires: 'nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver 10.0.0.4\n', at: [3, 11], quiet: 'nameserver 10.0.0.1\nnameserver bad\nnameserver 10.0.0.3\nnameserver 10.0.0.4\n' },
  { rule: 'no-nameserver', fires: 'nameserver dns.example.com\n', at: [0, 0], message: /127\.0\.0\.1/, quiet: 'search a.example\n' },
  { rule: 'duplicate-nameserver', fires: 'nameserver 10.0.0.1\nnameserver 10.0.0.1\n', at: [1, 11], quiet: 'nameserver 10.0.0.1\nnameserver 10.0.0.2\n' },
  { rule: 'loopback-nameserver', fires: 'nameserver 127.0.0.53\noptions edns0 trust-ad\n', at: [0, 11], message: /systemd-resolved/, quiet: 'nameserver 10.0.0.53\n' },
  { rule: 'domain-and-search', fires: `${NS}search a.example b.example\ndomain corp.example\n`, at: [1, 0], message: /corp\.example/, quiet: `${NS}search a.example b.example\n` },
  { rule: 'domain-and-search', fires: `${NS}domain a.example b.example\n`, at: [1, 17], message: /first word/, quiet: `${NS}domain a.example\n` },
  { rule: 'search-limits', fires: `${NS}search ${'x'.repeat(64)}.example\n`, at: [1, 7], message: /63/, quiet: `${NS}search ${'x'.repeat(63)}.example\n` },
  { rule: 'search-limits', fires: `${NS}search ${Array.from({ length: 5 }, (_, i) => `${'x'.repeat(60)}${i}.example`).join(' ')}\n`, at: [1, 0], libc: 'musl', message: /musl skips/, quiet: `${NS}search a.example b.example\n` },
  { rule: 'search-limits', fires: `${NS}search .lab.example\n`, at: [1, 7], libc: 'musl', message: /starts with a dot: musl/, quiet: `${NS}search .lab.example\n` },
  { rule: 'search-root', fires: `${NS}search .\n`, at: [1, 7], libc: 'musl', quiet: `${NS}search .\n` },
  { rule: 'value-capped', fires: `${NS}options ndots:20\n`, at: [1, 8], message: /capped at 15/, quiet: `${NS}options ndots:15\n` },
  { rule: 'value-capped', fires: `${NS}options timeout:45\n`, at: [1, 8], message: /capped at 30/, quiet: `${NS}options timeout:45\n`, libc: 'glibc' },
  { rule: 'zero-timeout-attempts', fires: `${NS}options attempts:0\n`, at: [1, 8], message: /no query is ever sent/, quiet: `${NS}options attempts:1\n` },
  { rule: 'unknown-option', fires: `${NS}options ndots=2\n`, at: [1, 8], message: /ndots:2/, quiet: `${NS}options ndots:2\n` },
  { rule: 'option-prefix-match', fires: `${NS}options edns0abc\n`, at: [1, 8], quiet: `${NS}options edns0\n` },
  { rule: 'deprecated-option', fires: `${NS}options inet6\n`, at: [1, 8], quiet: `${NS}options edns0\n` },
  { rule: 'ignored-by-libc', fires: `${NS}options no-aaaa\n`, at: [1, 8], libc: 'musl', quiet: `${NS}options ndots:2\n` },
  { rule: 'ignored-by-libc', fires: `${NS}sortlist 10.0.0.0/255.0.0.0\n`, at: [1, 0], libc: 'musl', message: /musl ignores sortlist/, quiet: `${NS}search a.example\n` },
  { rule: 'overridden-option', fires: `${NS}options ndots:2\noptions ndots:4\n`, at: [1, 8], quiet: `${NS}options ndots:2\noptions timeout:3\n` },
  { rule: 'ndots-amplification', fires: `${NS}search a.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n`, at: [2, 8], message: /8 queries, 6 of them NXDOMAIN/, quiet: `${NS}search a.svc.cluster.local\noptions ndots:1\n` },
  { rule: 'rotate-single-server', fires: `${NS}options rotate\n`, at: [1, 8], quiet: `${NS}nameserver 10.0.0.2\noptions rotate\n` },
  { rule: 'single-request-context', fires: `${NS}options single-request-reopen\n`, at: [1, 8], quiet: `${NS}options edns0\n` },
  { rule: 'crlf-line-endings', fires: 'nameserver 10.0.0.1\r\nsearch a.example\r\n', at: [0, 19], quiet: 'nameserver 10.0.0.1\r\nsearch a.example\r\n', libc: 'glibc' },
  { rule: 'sortlist-mask', fires: `${NS}sortlist 10.0.0.0/8\n`, at: [1, 18], message: /255\.0\.0\.0/, quiet: `${NS}sortlist 10.0.0.0/255.0.0.0 130.155.0.0\n` },
  { rule: 'sortlist-hang', fires: `${NS}sortlist bad/8\n`, at: [1, 12], message: /loops forever/, quiet: `${NS}sortlist bad 10.0.0.0/255.0.0.0\n` },
];

function settingsFor(libc: Libc = 'glibc'): Partial<Settings> {
  return { resolvconf: { libc } };
}

for (const c of CASES) {
  test(`${c.rule} fires at ${c.at.join(':')}${c.libc ? ` (${c.libc})` : ''}`, async () => {
    const findings = (await lint('resolvconf', c.fires, settingsFor(c.libc))).filter((f) => f.ruleId === `resolvconf/${c.rule}`);
    assert.ok(findings.length > 0, `expected resolvconf/${c.rule} on ${JSON.stringify(c.fires)}`);
    assert.deepEqual([findings[0].range.start.line, findings[0].range.start.character], c.at);
    if (c.message) assert.match(findings[0].message, c.message);
  });
}

test('each rule stays quiet on its counter-example', async () => {
  for (const c of CASES) {
    // The crlf case is quiet under musl, which splits on any white space.
    const libc: Libc = c.rule === 'crlf-line-endings' ? 'musl' : c.rule === 'search-root' || c.quiet.includes('.lab.example') ? 'glibc' : c.rule === 'value-capped' && c.quiet.includes('45') ? 'musl' : (c.libc ?? 'glibc');
    const ids = (await lint('resolvconf', c.quiet, settingsFor(libc))).map((f) => f.ruleId);
    assert.ok(!ids.includes(`resolvconf/${c.rule}`), `resolvconf/${c.rule} fired on ${JSON.stringify(c.quiet)} (${libc})`);
  }
});

test('every rule has a case', () => {
  const covered = new Set(CASES.map((c) => `resolvconf/${c.rule}`));
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !covered.has(id)), []);
});

test('a hanging sortlist is reported alone (nothing after it is read)', async () => {
  const ids = (await lint('resolvconf', 'sortlist bad/8\nnameserver 10.0.0.1\nnameserver 10.0.0.1\n')).map((f) => f.ruleId);
  assert.deepEqual(ids, ['resolvconf/sortlist-hang']);
});

test('quick fixes remove a line the resolver never uses', async () => {
  const text = 'nameserver 10.0.0.1\nnameserver 10.0.0.1\nsearch a.example\ndomain b.example\n';
  const findings = await lint('resolvconf', text);
  const dup = findings.find((f) => f.ruleId === 'resolvconf/duplicate-nameserver');
  assert.deepEqual(dup?.fixes?.[0].edits[0].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
  const replaced = findings.find((f) => f.ruleId === 'resolvconf/domain-and-search');
  assert.deepEqual(replaced?.fixes?.[0].edits[0].range, { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } });
});

test('quick fixes: sortlist prefix, option typo, CRLF', async () => {
  const [mask] = await lint('resolvconf', `${NS}sortlist 10.0.0.0/8\n`);
  assert.equal(mask.fixes?.[0].edits[0].newText, '255.0.0.0');
  const [typo] = await lint('resolvconf', `${NS}options ndots=2\n`);
  assert.equal(typo.fixes?.[0].edits[0].newText, 'ndots:2');
  const crlf = (await lint('resolvconf', 'nameserver 10.0.0.1\r\nsearch a\r\n')).find((f) => f.ruleId === 'resolvconf/crlf-line-endings');
  assert.equal(crlf?.fixes?.[0].edits.length, 2);
});

test('the clean fixture and kubelet defaults under musl', async () => {
  assert.deepEqual(await lint('resolvconf', 'nameserver 10.0.0.2\nsearch corp.example\noptions timeout:2 attempts:3\n', { ...DEFAULT_SETTINGS, resolvconf: { libc: 'musl' } }), []);
});

test('the CRLF quick fix, applied as an editor applies it (LSP positions), leaves LF endings', async () => {
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  for (const text of ['nameserver 10.0.0.1\r\nsearch a\r\n', 'nameserver 10.0.0.1\r\nsearch a\r', 'nameserver 10.0.0.1\r\n\r\nsearch a\n']) {
    const crlf = (await lint('resolvconf', text)).find((f) => f.ruleId === 'resolvconf/crlf-line-endings');
    assert.ok(crlf?.fixes?.[0], `fires on ${JSON.stringify(text)}`);
    const doc = TextDocument.create('file:///resolv.conf', 'resolvconf', 1, text);
    const fixed = TextDocument.applyEdits(doc, crlf.fixes[0].edits);
    assert.equal(fixed, text.replace(/\r\n?/g, '\n'), `fixed ${JSON.stringify(text)}`);
  }
});
