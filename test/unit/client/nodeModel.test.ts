import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildNodeTree, deletedFileItems, type DeletedFile, type NodeItem, type Process, socketGroups, type Socket } from '../../../client/src/views/nodeModel';

const proc = (pid: number, ppid: number, cpu: number, rss: number, comm = `p${pid}`): Process => ({ pid, ppid, user: 'root', state: 'S', rssBytes: rss, command: comm, comm, cpuPercent: cpu });
const processes = [proc(1, 0, 0.5, 50e6, 'init'), proc(2, 0, 0, 0, 'kthreadd'), proc(3, 2, 9, 0, 'kworker/0:1'), proc(100, 1, 30, 10e6, 'busy'), proc(200, 1, 1, 900e6, 'fat')];
const find = (items: NodeItem[], id: string) => items.find((i) => i.id === id)!;

test('processes sort by CPU or by RSS, kernel threads hidden until asked', () => {
  const byCpu = find(buildNodeTree({ processes: { processes } }, { sort: 'cpu', kernelThreads: false, processLimit: 50 }), 'processes');
  assert.deepEqual(byCpu.children!.map((c) => c.pid), [100, 200, 1]);
  assert.match(byCpu.description!, /2 kernel threads hidden/);
  const byRss = find(buildNodeTree({ processes: { processes } }, { sort: 'rss', kernelThreads: false, processLimit: 50 }), 'processes');
  assert.deepEqual(byRss.children!.map((c) => c.pid), [200, 1, 100]);
  const all = find(buildNodeTree({ processes: { processes } }, { sort: 'cpu', kernelThreads: true, processLimit: 50 }), 'processes');
  assert.deepEqual(all.children!.map((c) => c.pid), [100, 3, 200, 1, 2]);
  assert.equal(all.children![0].contextValue, 'process');
});

test('sockets group into listening and established, then by protocol', () => {
  const s = (protocol: string, state: string, port: number, pid?: number): Socket => ({ protocol, state, local: { address: '0.0.0.0', port }, peer: { address: '10.0.0.2', port: 5000 }, owners: pid ? [{ pid, command: 'srv', fd: 3 }] : [] });
  const groups = socketGroups([s('tcp', 'LISTEN', 53, 7), s('udp', 'UNCONN', 53, 7), s('tcp', 'ESTAB', 40000, 8), s('tcp', 'TIME-WAIT', 40001), { protocol: 'unix', state: 'LISTEN', listening: true, path: '/run/x.sock', owners: [] }]);
  assert.deepEqual(groups.map((g) => [g.label, g.description]), [['Listening', '3'], ['Established', '1']]);
  assert.deepEqual(groups[0].children!.map((c) => `${c.label} ${c.description}`), ['tcp 1', 'udp 1', 'unix 1']);
  assert.equal(groups[1].children![0].children![0].label, '0.0.0.0:40000 → 10.0.0.2:5000');
  assert.equal(groups[0].children![0].children![0].pid, 7);
});

test('deleted files: files on disk first by size, memfd regions collapsed into one group', () => {
  const f = (path: string, size: number, memfd = false): DeletedFile => ({ path, size, memfd, holders: [{ pid: 9, command: 'app', fd: '4' }] });
  const items = deletedFileItems([f('/memfd:a', 10, true), f('/tmp/small (deleted)', 5), f('/memfd:b', 20, true), f('/var/log/big (deleted)', 5000)]);
  assert.deepEqual(items.map((i) => i.label), ['/var/log/big (deleted)', '/tmp/small (deleted)', 'memfd regions']);
  assert.equal(items[2].collapsed, true);
  assert.equal(items[2].children!.length, 2);
});

test('a reading that failed shows why; a reading that does not exist leaves its node out', () => {
  const tree = buildNodeTree({ errors: { memory: 'cannot read /proc/meminfo' } }, { sort: 'cpu', kernelThreads: false, processLimit: 5 });
  assert.deepEqual(tree.map((t) => [t.label, t.description]), [['Memory', 'cannot read /proc/meminfo']]);
  assert.equal(tree.find((t) => t.id === 'containers'), undefined);
});

test('containers: workloads listed with their pod, sandbox containers left out', () => {
  const tree = buildNodeTree({ containers: { containers: [
    { key: 'pod1/abc', name: 'coredns', pod: { namespace: 'kube-system', name: 'coredns-5d78c9869d-x' }, pids: [4100, 4101], commands: ['coredns'], sandbox: false },
    { key: 'pod1/pause', pids: [4000], commands: ['pause'], sandbox: true },
  ] } }, { sort: 'cpu', kernelThreads: false, processLimit: 5 });
  const c = find(tree, 'containers');
  assert.deepEqual(c.children!.map((i) => [i.label, i.description, i.pid]), [['coredns', 'kube-system/coredns-5d78c9869d-x · 2 processes', 4100]]);
});
