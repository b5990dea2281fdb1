import assert from 'node:assert/strict';
import test from 'node:test';
import { parseDigArgs, requestedQuestion } from '../../../../server/src/live/dns/args';

function parse(argv: string) {
  const r = parseDigArgs(argv.split(' ').filter(Boolean));
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.request;
}

function error(argv: string): string {
  const r = parseDigArgs(argv.split(' ').filter(Boolean));
  assert.equal(r.ok, false, argv);
  return (r as { error: string }).error;
}

test('dig argv: server, port, name, type and class in any order', () => {
  const r = parse('@127.0.0.1 -p 5300 example.test MX');
  assert.deepEqual(r.servers, ['127.0.0.1']);
  assert.equal(r.port, 5300);
  assert.deepEqual(requestedQuestion(r), { name: 'example.test', type: 'MX', klass: 'IN' });
  assert.deepEqual(requestedQuestion(parse('mx example.test')), { name: 'example.test', type: 'MX', klass: 'IN' });
  assert.deepEqual(requestedQuestion(parse('example.test txt CH')), { name: 'example.test', type: 'TXT', klass: 'CH' });
  assert.deepEqual(requestedQuestion(parse('-t TYPE65280 -c IN -q unk.example.test')), { name: 'unk.example.test', type: 'TYPE65280', klass: 'IN' });
  assert.equal(parse('-p5300 x').port, 5300);
  assert.deepEqual(requestedQuestion(parse('')), { name: '.', type: 'NS', klass: 'IN' });
  assert.deepEqual(requestedQuestion(parse('ns')), { name: '.', type: 'NS', klass: 'IN' });
  assert.deepEqual(requestedQuestion(parse('svc.example.test HTTPS')), { name: 'svc.example.test', type: 'HTTPS', klass: 'IN' });
});

test('dig argv: -x gives the PTR question for both families', () => {
  assert.deepEqual(requestedQuestion(parse('-x 192.0.2.10')), { name: '10.2.0.192.in-addr.arpa.', type: 'PTR', klass: 'IN' });
  assert.match(requestedQuestion(parse('-x 2001:db8::10')).name, /^0\.1\.0\.0.*\.ip6\.arpa\.$/);
  assert.match(error('-x not-an-address'), /not an IPv4 or IPv6 address/);
});

test('dig argv: +options, their no- forms, values and unique prefixes', () => {
  const r = parse('x +tcp +short +tries=2 +time=1 +norec +dnssec +bufsize=4096 +noedns');
  assert.equal(r.tcp, true);
  assert.equal(r.short, true);
  assert.equal(r.tries, 2);
  assert.equal(r.timeoutSec, 1);
  assert.equal(r.recurse, false);
  assert.equal(r.dnssec, true);
  assert.equal(r.bufsize, 4096);
  assert.equal(r.edns, false);
  assert.equal(parse('x +retry=0').tries, 1);
  assert.equal(parse('x +timeout=0').timeoutSec, 1); // dig's minimum
  assert.equal(parse('x +trac').trace, true);
  const quiet = parse('x +noall +answer');
  assert.equal(quiet.show.answer, true);
  assert.equal(quiet.show.question, false);
  assert.equal(parse('x +compare').compare, true);
  assert.equal(parse('x +search +ndots=5').ndots, 5);
});

test('dig argv: a pasted command line may start with dig; -h asks for help', () => {
  assert.deepEqual(requestedQuestion(parse('dig @127.0.0.1 example.test MX')), { name: 'example.test', type: 'MX', klass: 'IN' });
  assert.equal(parse('dig').name, 'dig'); // alone, it is the name
  assert.equal(parse('-h').help, true);
});

test('dig argv: bad usage is a clear error', () => {
  assert.match(error('x +bogus'), /invalid option: \+bogus/);
  assert.match(error('x +tries=abc'), /\+tries must be a number/);
  assert.match(error('x +tries'), /needs a value/);
  assert.match(error('-p 70000 x'), /-p must be a number/);
  assert.match(error('-t NOPE x'), /invalid type/);
  assert.match(error('a.test b.test'), /only one name/);
  assert.match(error('x AXFR'), /not supported/);
  assert.match(error('@'), /server is missing/);
  assert.match(error('-y key x'), /not supported/);
  assert.match(error('x +a'), /ambiguous/);
});
