import assert from 'node:assert/strict';
import test from 'node:test';
import { atoi, resolverConfig } from '../../../server/src/resolver/config';
import { candidateNames } from '../../../server/src/resolver/config';

test('each effective value carries the line and token it came from', () => {
  const c = resolverConfig('# pod\nnameserver 10.96.0.10\nsearch a.svc.cluster.local svc.cluster.local\noptions ndots:5 rotate\n');
  assert.deepEqual(c.nameservers.map((n) => [n.address, n.line]), [['10.96.0.10', 1]]);
  assert.deepEqual(c.search, ['a.svc.cluster.local', 'svc.cluster.local']);
  assert.equal(c.searchSource.line, 2);
  assert.deepEqual(c.searchDomains[1].source.range, { start: { line: 2, character: 27 }, end: { line: 2, character: 44 } });
  assert.equal(c.ndots, 5);
  assert.deepEqual(c.settings.ndots.source.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } });
  assert.equal(c.settings.timeout.source.kind, 'default');
  assert.equal(c.rotate, true);
  assert.equal(c.flags.rotate?.line, 3);
});

test('glibc caps, wraps and atoi-reads numeric options; musl has other caps', () => {
  const text = 'nameserver 10.0.0.1\noptions ndots:20 timeout:60 attempts:9\n';
  const g = resolverConfig(text);
  assert.deepEqual([g.ndots, g.timeout, g.attempts], [15, 30, 5]);
  assert.equal(g.settings.timeout.requested, '60');
  const m = resolverConfig(text, { libc: 'musl' });
  assert.deepEqual([m.ndots, m.timeout, m.attempts], [15, 60, 9]);
  assert.equal(resolverConfig('options ndots:-3\n').ndots, 13);
  assert.equal(resolverConfig('options ndots: 3\n').ndots, 3);
  assert.equal(resolverConfig('options ndots: 3\n', { libc: 'musl' }).ndots, 1, 'musl needs a digit right after the colon');
  assert.equal(atoi(' -12abc'), -12);
  assert.equal(atoi('99999999999'), 1215752191, 'strtol then a cast to int');
});

test('RES_OPTIONS is read after the file; LOCALDOMAIN replaces search and domain (glibc only)', () => {
  const text = 'nameserver 10.0.0.1\nsearch a.example\noptions ndots:2\n';
  const g = resolverConfig(text, { env: { RES_OPTIONS: 'ndots:4 rotate', LOCALDOMAIN: 'x.example y.example' } });
  assert.equal(g.ndots, 4);
  assert.equal(g.settings.ndots.source.kind, 'RES_OPTIONS');
  assert.equal(g.rotate, true);
  assert.deepEqual(g.search, ['x.example', 'y.example']);
  assert.equal(g.searchSource.kind, 'LOCALDOMAIN');
  assert.ok(g.notes.some((n) => n.kind === 'localdomain-override' && n.line === 1));
  assert.deepEqual(resolverConfig(text, { env: { LOCALDOMAIN: ' a' } }).search, ['', 'a'], 'a leading blank leaves an empty first entry');
  const m = resolverConfig(text, { libc: 'musl', env: { RES_OPTIONS: 'ndots:4', LOCALDOMAIN: 'x.example' } });
  assert.equal(m.ndots, 2);
  assert.deepEqual(m.search, ['a.example']);
});

test('the hostname gives the search domain only when the file sets none', () => {
  assert.deepEqual(resolverConfig('nameserver 10.0.0.1\n', { hostname: 'node1.corp.example' }).search, ['corp.example']);
  assert.deepEqual(resolverConfig('search a.example\n', { hostname: 'node1.corp.example' }).search, ['a.example']);
  assert.deepEqual(resolverConfig('', { hostname: 'vm' }).search, []);
});

test('musl: CRLF is harmless, a long line is skipped, domain keeps every word, flags are ignored', () => {
  const crlf = 'nameserver 10.0.0.1\r\nsearch a.example\r\n';
  assert.deepEqual(resolverConfig(crlf, { libc: 'musl' }).nameservers.map((n) => n.address), ['10.0.0.1']);
  assert.deepEqual(resolverConfig(crlf).nameservers.map((n) => n.address), ['127.0.0.1']);
  assert.deepEqual(resolverConfig(crlf).search, ['a.example\r']);
  const long = `search ${'x'.repeat(250)}.example short.example\n`;
  assert.deepEqual(resolverConfig(long, { libc: 'musl' }).search, []);
  assert.ok(resolverConfig(long, { libc: 'musl' }).notes.some((n) => n.kind === 'line-too-long'));
  assert.deepEqual(resolverConfig('domain a.example b.example\n', { libc: 'musl' }).search, ['a.example', 'b.example']);
  assert.deepEqual(resolverConfig('domain a.example b.example\n').search, ['a.example']);
  const flags = resolverConfig('options rotate no-aaaa ndots:2\n', { libc: 'musl' });
  assert.equal(flags.rotate, false);
  assert.equal(flags.ndots, 2);
  assert.deepEqual(flags.notes.filter((n) => n.kind === 'option-ignored').map((n) => n.text), ['rotate', 'no-aaaa']);
});

test('glibc hangs on a sortlist entry its loop cannot step over', () => {
  const c = resolverConfig('nameserver 10.0.0.1\nsortlist bad/8\n');
  assert.equal(c.hangsAt?.line, 1);
  assert.deepEqual(c.hangsAt?.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
  assert.equal(resolverConfig('sortlist 10.0.0.0\r\n').hangsAt?.line, 0);
  assert.equal(resolverConfig('sortlist 10.0.0.0/255.0.0.0 bad 10.1.0.0\n').hangsAt, undefined);
  assert.deepEqual(resolverConfig('sortlist 10.0.0.0/8\n').sortlist.map((e) => e.mask), ['0.0.0.8']);
});

test('candidateNames keeps its contract for the DNS client', () => {
  const c = resolverConfig('search default.svc.cluster.local svc.cluster.local\noptions ndots:5\n');
  assert.deepEqual(candidateNames('web', c), ['web.default.svc.cluster.local.', 'web.svc.cluster.local.', 'web.']);
  assert.deepEqual(candidateNames('a.b.c.d.e.f', c), ['a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.']);
  assert.deepEqual(candidateNames('web.', c), ['web.']);
});

test('musl plans: attempts:0 and timeout:0 send nothing; an unencodable search domain ends the lookup', async () => {
  const { queryPlan } = await import('../../../server/src/resolver/plan');
  assert.match(queryPlan('web', resolverConfig('options attempts:0\n', { libc: 'musl' })).noQueries ?? '', /SIGFPE/);
  assert.match(queryPlan('web', resolverConfig('options timeout:0\n', { libc: 'musl' })).noQueries ?? '', /EAI_AGAIN/);
  const plan = queryPlan('web', resolverConfig('search a.example .lab.example b.example\n', { libc: 'musl' }));
  assert.deepEqual(plan.queries.map((q) => q.name), ['web.a.example.', 'web.a.example.']);
  assert.match(plan.stoppedBy ?? '', /EAI_NONAME/);
  const glibc = queryPlan('web', resolverConfig('search a.example .lab.example\n'));
  assert.deepEqual(glibc.candidates.map((c) => c.name), ['web.a.example.', 'web.lab.example.', 'web.']);
});
