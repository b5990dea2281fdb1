// +trace, +compare and +search against a real named serving the referral chain
// root (127.0.0.2) -> test. (127.0.0.3) -> example.test. (127.0.0.4). named only binds to
// interface addresses, so this runs inside a private user+net+mount namespace (unshare):
// 127.0.0.2-4 exist there, /etc/hosts and /etc/resolv.conf are the fixture's, and nothing
// can leave the namespace's loopback.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { cliPath } from '../../helpers';
import { requireTools, writeFixture } from './fixture';

const PORT = 5300; // the namespace has its own, empty, port space
let dir: string;
const out: Record<string, string> = {};

const COMMANDS: Record<string, string> = {
  'trace.json': `node "${cliPath}" dig @127.0.0.2 -p ${PORT} +trace www.example.test --json`,
  'trace.txt': `node "${cliPath}" dig @127.0.0.2 -p ${PORT} +trace www.example.test`,
  'dig-trace.txt': `dig @127.0.0.2 -p ${PORT} +trace +time=2 +tries=1 www.example.test`,
  'trace-nx.json': `node "${cliPath}" dig @127.0.0.2 -p ${PORT} +trace nope.example.test --json`,
  'search.json': `node "${cliPath}" dig -p ${PORT} +search www --json`,
  'dig-search.txt': `dig -p ${PORT} +search +showsearch +time=2 +tries=1 www`,
  'compare.json': `node "${cliPath}" dig -p ${PORT} +compare @127.0.0.3 www.example.test --json`,
};

before(() => {
  requireTools('unshare', 'ip', 'named', 'dig', 'dnssec-keygen', 'dnssec-signzone');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-netns-'));
  writeFixture(dir, PORT, true);
  fs.writeFileSync(path.join(dir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n127.0.0.2 a.root.test\n127.0.0.3 ns.nic.test\n127.0.0.4 ns1.example.test\n');
  // The node's resolver inside the namespace: two of the fixture's servers, a search list, ndots:5.
  fs.writeFileSync(path.join(dir, 'resolv.conf'), 'nameserver 127.0.0.1\nnameserver 127.0.0.4\nsearch svc.example.test example.test\noptions ndots:5 timeout:1 attempts:1\n');
  const script = [
    'set -eu',
    'ip link set lo up',
    'for a in 2 3 4; do ip addr add 127.0.0.$a/8 dev lo; done',
    `mount --bind "${dir}/hosts" /etc/hosts`,
    `mount --bind "${dir}/resolv.conf" /etc/resolv.conf`,
    // named logs "running" once every zone is loaded; on AppArmor hosts a copy of the binary
    // escapes the profile that denies reading the fixture's directory (see fixture.ts).
    'start() { "$1" -c "' + dir + '/named.conf" -g -n 1 > "' + dir + '/named.log" 2>&1 & P=$!; i=0; until grep -q " running$" "' + dir + '/named.log"; do i=$((i+1)); if [ $i -gt 150 ] || ! kill -0 $P 2>/dev/null; then return 1; fi; sleep 0.1; done; }',
    `if ! start named; then kill $P 2>/dev/null || true; grep -qi "permission denied" "${dir}/named.log" || { cat "${dir}/named.log" >&2; exit 1; }; cp "$(command -v named)" "${dir}/named.bin"; start "${dir}/named.bin" || { cat "${dir}/named.log" >&2; exit 1; }; fi`,
    'trap "kill $P" EXIT',
    ...Object.entries(COMMANDS).map(([file, cmd]) => `${cmd} > "${dir}/${file}" 2>> "${dir}/stderr.txt" || true`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'run.sh'), script);
  const r = spawnSync('unshare', ['--user', '--map-root-user', '--net', '--mount', 'sh', path.join(dir, 'run.sh')], { encoding: 'utf8', timeout: 120000, env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` } });
  if (r.status !== 0) throw new Error(`the network-namespace run failed (unprivileged user namespaces must be allowed): ${r.error?.message ?? ''}\n${r.stderr}`);
  for (const file of Object.keys(COMMANDS)) out[file] = fs.readFileSync(path.join(dir, file), 'utf8');
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Hop { zone: string; kind: string; server: string; records: Array<{ name: string; type: string; data: string }> }

/** `owner TYPE data` of dig's record lines. */
function digRecords(text: string): string[] {
  return text.split('\n').filter((l) => l && !l.startsWith(';')).map((l) => {
    const [owner, , , type, ...data] = l.split(/\s+/);
    return `${owner} ${type} ${data.join(' ')}`;
  });
}

test('+trace walks root -> test. -> example.test. over the referral chain, as dig +trace does', () => {
  const data = JSON.parse(out['trace.json']) as { outcome: string; hops: Hop[] };
  assert.equal(data.outcome, 'answer', out['trace.txt']);
  assert.deepEqual(data.hops.map((h) => [h.kind, h.zone, h.server]), [
    ['priming', '.', `127.0.0.2#${PORT}`],
    ['referral', '.', `127.0.0.2#${PORT}`],
    ['referral', 'test.', `127.0.0.3#${PORT}`],
    ['answer', 'example.test.', `127.0.0.4#${PORT}`],
  ]);
  // dig prints the same NS sets from the same servers, then the answer
  const ours = data.hops.flatMap((h) => h.records.map((r) => `${r.name} ${r.type} ${r.data}`));
  assert.deepEqual(ours, digRecords(out['dig-trace.txt']));
  assert.equal(ours.at(-1), 'example.test. NS ns1.example.test.'); // the answer's authority, as dig shows it
  const received = (t: string) => [...t.matchAll(/;; Received \d+ bytes from (\S+)/g)].map((m) => m[1]);
  assert.deepEqual(received(out['trace.txt']), received(out['dig-trace.txt']));
});

test('+trace ends with the authority\'s NXDOMAIN for a missing name', () => {
  const data = JSON.parse(out['trace-nx.json']) as { outcome: string; hops: Hop[] };
  assert.equal(data.outcome, 'nxdomain');
  assert.equal(data.hops.at(-1)!.server, `127.0.0.4#${PORT}`);
});

test('+search sends the names dig +search +showsearch sends under ndots:5, and stops where it stops', () => {
  const data = JSON.parse(out['search.json']) as { steps: Array<{ name: string; result: { status: string; answer: Array<{ data: string }> } }>; answeredBy: string };
  const digNames = [...out['dig-search.txt'].matchAll(/;; QUESTION SECTION:\n;(\S+)/g)].map((m) => m[1]);
  assert.deepEqual(data.steps.map((s) => s.name), digNames);
  assert.deepEqual(digNames, ['www.svc.example.test.', 'www.example.test.']);
  assert.equal(data.steps[0].result.status, 'NXDOMAIN');
  assert.equal(data.answeredBy, 'www.example.test.');
  assert.deepEqual(data.steps[1].result.answer.map((a) => a.data).sort(), ['192.0.2.10', '192.0.2.11']);
});

test('+compare asks the node\'s resolvers plus the one given, and flags the one that differs', () => {
  const data = JSON.parse(out['compare.json']) as { agree: boolean; rows: Array<{ server: string; differs: boolean; answer: string[] }> };
  assert.equal(data.agree, false);
  assert.deepEqual(data.rows.map((r) => [r.server, r.differs]), [[`127.0.0.1#${PORT}`, false], [`127.0.0.4#${PORT}`, false], [`127.0.0.3#${PORT}`, true]]);
  assert.deepEqual(data.rows[0].answer, ['www.example.test. A 192.0.2.10', 'www.example.test. A 192.0.2.11']);
});
