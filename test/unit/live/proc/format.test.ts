// table() against the straightforward implementation it replaced (padStart/padEnd per cell,
// trimEnd when the line ends in a blank, one join): the same text for any rows.

import assert from 'node:assert/strict';
import test from 'node:test';
import { type Align, table } from '../../../../server/src/live/proc/format';

function referenceTable(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], (r[i] ?? '').length);
  const line = (cells: string[]): string => {
    let last = cells.length - 1;
    while (last > 0 && cells[last] === '') last--;
    const parts: string[] = [];
    for (let i = 0; i <= last; i++) parts.push(align[i] === 'right' ? cells[i].padStart(widths[i]) : i === last ? cells[i] : cells[i].padEnd(widths[i]));
    return parts.join('  ').trimEnd();
  };
  return [header, ...rows].map(line).join('\n') + '\n';
}

test('table is the reference layout for random rows: empty cells, right-aligned columns, trailing and Unicode blanks, ragged rows', () => {
  const pieces = ['', '', 'x', 'tcp', 'ESTAB', '0', '12345', '127.0.0.1:80', '[::1]:*', 'users:(("a",pid=1,fd=3))', ' ', 'a ', ' b', '\t', '\u00a0', 'v\u3000', 'ü', 'wide value here', 'x'.repeat(300)];
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const columns = 1 + rand(7);
    const header = Array.from({ length: columns }, (_, i) => (rand(4) === 0 ? '' : `Col${i}`));
    const align: Align[] = Array.from({ length: columns }, () => (rand(3) === 0 ? 'right' : 'left'));
    // Some rows a cell short of the header, a few with no cells at all; enough rows to cross the join batches.
    const count = rand(5) === 0 ? 600 + rand(1200) : rand(20);
    const rows = Array.from({ length: count }, () => Array.from({ length: rand(12) === 0 ? rand(columns) : columns }, () => pieces[rand(pieces.length)]));
    assert.equal(table(header, rows, align), referenceTable(header, rows, align), `round ${round}`);
  }
});

test('inetTable lays out TCP/UDP rows exactly as table() does, with and without the Process column', async () => {
  const { formatEndpoint, formatOwners, inetTable } = await import('../../../../server/src/live/proc/readings/sockets');
  const header = ['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:Port', 'Peer Address:Port', 'Process'];
  const align: Align[] = ['left', 'left', 'right', 'right', 'left', 'left', 'left'];
  const addresses = ['127.0.0.1', '0.0.0.0', '10.200.30.4', '::', '::1', '2001:db8:1234:5678:9abc:def0:1234:5678', '::ffff:192.168.100.200'];
  const states = ['ESTAB', 'LISTEN', 'TIME-WAIT', 'UNCONN', 'CLOSE-WAIT', 'BOUND-INACTIVE', '0x1F'];
  let seed = 99;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 60; round++) {
    const sockets = Array.from({ length: rand(4) === 0 ? 1 + rand(3) : 50 + rand(1500) }, () => {
      const protocol = (['tcp', 'tcp6', 'udp', 'udp6'] as const)[rand(4)];
      const v6 = protocol.endsWith('6');
      const address = () => (v6 ? addresses[rand(addresses.length)] : addresses[rand(3)]);
      const port = () => [0, 1, 53, 443, 8080, 65535, rand(65536)][rand(7)];
      const queue = () => [0, 0, 7, 1234567, 4294967295][rand(5)];
      const owners = Array.from({ length: rand(3) === 0 ? 0 : 1 + rand(2) }, () => ({ pid: 1 + rand(4000000), command: ['node', 'a b', 'systemd-resolve', 'x'][rand(4)], fd: rand(100000) }));
      return { protocol, state: states[rand(states.length)], stateCode: 1, local: { address: address(), port: port() }, peer: { address: address(), port: port() }, recvQ: queue(), sendQ: queue(), uid: 0, inode: rand(1e9), owners };
    });
    for (const processes of [true, false]) {
      const rows = sockets.map((s) => {
        const v6 = s.protocol.endsWith('6');
        const r = [s.protocol, s.state, String(s.recvQ), String(s.sendQ), formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6), formatOwners(s.owners)];
        return processes ? r : r.slice(0, 6);
      });
      assert.equal(inetTable(sockets, processes), table(processes ? header : header.slice(0, 6), rows, align), `round ${round}, processes ${processes}`);
    }
  }
});
