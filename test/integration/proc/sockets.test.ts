// sockets vs ss -tanH / -uanH / -tanpH on sockets this test opens itself on loopback:
// TCP listening and connected, v4, v6 and v4-mapped; UDP bound and connect()ed.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as net from 'node:net';
import test from 'node:test';
import type { SocketRow, SocketsData } from '../../../server/src/live/proc/readings/sockets';
import { formatEndpoint, formatOwners } from '../../../server/src/live/proc/readings/sockets';
import { cliPath } from '../../helpers';
import { reading, run } from './oracle';

interface Opened {
  ports: Set<number>;
  close: () => Promise<void>;
}

async function openSockets(): Promise<Opened> {
  const servers: net.Server[] = [];
  const clients: net.Socket[] = [];
  const accepted: net.Socket[] = [];
  const udps: dgram.Socket[] = [];
  const listen = (host: string, ipv6Only = false) =>
    new Promise<net.Server>((resolve) => {
      const s = net.createServer((c) => accepted.push(c));
      servers.push(s);
      s.listen({ host, port: 0, ipv6Only }, () => resolve(s));
    });
  const connect = (port: number, host: string) =>
    new Promise<net.Socket>((resolve) => {
      const c = net.connect(port, host, () => resolve(c));
      clients.push(c);
    });
  const v4 = await listen('127.0.0.1');
  const v6 = await listen('::1');
  const dual = await listen('::');
  const port = (s: net.Server) => (s.address() as net.AddressInfo).port;
  await connect(port(v4), '127.0.0.1');
  await connect(port(v6), '::1');
  await connect(port(dual), '127.0.0.1'); // the accepted end is v4-mapped
  const bind = (type: 'udp4' | 'udp6', host: string) =>
    new Promise<dgram.Socket>((resolve) => {
      const u = dgram.createSocket(type);
      udps.push(u);
      u.bind(0, host, () => resolve(u));
    });
  const u4 = await bind('udp4', '127.0.0.1');
  const u6 = await bind('udp6', '::1');
  const u4c = await bind('udp4', '127.0.0.1');
  await new Promise<void>((resolve) => u4c.connect(u4.address().port, '127.0.0.1', () => resolve()));
  await new Promise((r) => setTimeout(r, 50)); // let the accepts land
  const ports = new Set<number>([port(v4), port(v6), port(dual), u4.address().port, u6.address().port, u4c.address().port]);
  for (const c of clients) ports.add(c.localPort as number);
  return {
    ports,
    close: async () => {
      for (const c of [...clients, ...accepted]) c.destroy();
      for (const u of udps) u.close();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

/**
 * "STATE RECVQ SENDQ LOCAL PEER [users]" with the known /proc gaps normalised (research §6.4),
 * for the rows this process owns (ss -p says pid=<ours>), or for every row of `keys`.
 * Selecting by owner, not by port: other tests leave TIME-WAIT rows on reused port numbers.
 */
function ssRows(out: string, select: { owner: number } | { keys: Set<string> }, withUsers: boolean): string[] {
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map(([state, recvQ, sendQ, local, peer, ...users]) => {
      const norm = (a: string) => a.replace(/^\*:/, '[::]:');
      return { key: `${norm(local)} ${norm(peer)}`, row: [state, recvQ, state === 'LISTEN' ? '-' : sendQ, norm(local), norm(peer), ...(withUsers ? [users.join(' ')] : [])].join(' '), users: users.join(' ') };
    })
    .filter((r) => ('owner' in select ? r.users.includes(`pid=${select.owner},`) : select.keys.has(r.key)))
    .map((r) => r.row)
    .sort();
}

function ours(rows: SocketRow[], withUsers: boolean): { rows: string[]; keys: Set<string> } {
  const mine = rows.flatMap((s) => (s.protocol !== 'unix' && s.owners.some((o) => o.pid === process.pid) ? [s] : []));
  const fmt = (s: (typeof mine)[number]) => {
    const v6 = s.protocol.endsWith('6');
    return [formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6)];
  };
  return {
    rows: mine
      .map((s) => [s.state, String(s.recvQ), s.state === 'LISTEN' ? '-' : String(s.sendQ), ...fmt(s), ...(withUsers ? [formatOwners([...s.owners].sort((a, b) => a.fd - b.fd))] : [])].join(' '))
      .sort(),
    keys: new Set(mine.map((s) => fmt(s).join(' '))),
  };
}

test('TCP and UDP sockets match ss, and their owner matches ss -p', async () => {
  const opened = await openSockets();
  try {
    const tcp = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'tcp' } })).data;
    const ssTcp = run('ss', ['-tanH']);
    const ssTcpP = run('ss', ['-tanpH']);
    const mineTcp = ours(tcp.sockets, false);
    assert.equal(mineTcp.rows.length, 9, `3 listeners + 3 connections × 2 ends:\n${mineTcp.rows.join('\n')}`);
    assert.deepEqual(mineTcp.rows, ssRows(ssTcp, { keys: mineTcp.keys }, false), 'ss -tanH');
    assert.deepEqual(ours(tcp.sockets, true).rows, ssRows(ssTcpP, { owner: process.pid }, true), 'ss -tanpH');
    assert.ok(mineTcp.rows.some((r) => r.includes('[::ffff:127.0.0.1]')), 'v4-mapped');
    assert.ok(mineTcp.rows.some((r) => r.startsWith('LISTEN') && r.includes('[::1]')), 'v6 listener');

    const udp = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'udp' } })).data;
    const mineUdp = ours(udp.sockets, false);
    assert.equal(mineUdp.rows.length, 3);
    assert.deepEqual(mineUdp.rows, ssRows(run('ss', ['-uanH']), { keys: mineUdp.keys }, false), 'ss -uanH');
    assert.deepEqual(ours(udp.sockets, true).rows, ssRows(run('ss', ['-uanpH']), { owner: process.pid }, true), 'ss -uanpH');
    assert.ok(mineUdp.rows.some((r) => r.startsWith('ESTAB')) && mineUdp.rows.some((r) => r.startsWith('UNCONN')));
    assert.ok(opened.ports.size >= 6);
  } finally {
    await opened.close();
  }
});

test('--state and --port filter like ss state/sport filters; the CLI prints the same data as JSON', async () => {
  const opened = await openSockets();
  try {
    const [listenPort] = opened.ports;
    const data = (await reading<SocketsData>({ reading: 'sockets', options: { state: 'LISTEN', port: String(listenPort) } })).data;
    assert.deepEqual(data.sockets.map((s) => s.state), ['LISTEN']);
    const ss = run('ss', ['-tanH', 'state', 'listening', 'sport', `= :${listenPort}`]);
    assert.equal(ss.trim().split('\n').length, 1);
    const cli = JSON.parse(execFileSync(process.execPath, [cliPath, 'proc', 'sockets', '--state', 'ESTABLISHED', '--port', String(listenPort), '--json'], { encoding: 'utf8' })) as SocketsData;
    assert.equal(cli.sockets.length, 2, 'both ends of the one connection to the listener');
    assert.ok(cli.sockets.every((s) => s.state === 'ESTAB'));
  } finally {
    await opened.close();
  }
});

test('a /proc/net/tcp far past 64 KiB is read whole (the truncation @stroncium/procfs has)', async () => {
  const accepted: net.Socket[] = [];
  const server = net.createServer((c) => accepted.push(c));
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0, backlog: 1024 }, () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const clients: net.Socket[] = [];
  try {
    for (let batch = 0; batch < 7; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, () => new Promise<void>((resolve, reject) => {
          const c = net.connect(port, '127.0.0.1', () => resolve());
          c.once('error', reject);
          clients.push(c);
        })),
      );
    }
    while (accepted.length < 700) await new Promise((r) => setTimeout(r, 20));
    const size = fs.readFileSync('/proc/net/tcp').length;
    assert.ok(size > 128 * 1024, `/proc/net/tcp is ${size} bytes`);
    const data = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'tcp4', port: String(port) } })).data;
    const ss = run('ss', ['-tanH', `( sport = :${port} or dport = :${port} )`]).trim().split('\n');
    assert.equal(data.sockets.length, 1401, '1 listener + 700 connections × 2 ends');
    assert.equal(ss.length, data.sockets.length);
    assert.equal(new Set(data.sockets.map((s) => s.inode)).size, 1401, 'no row twice');
    assert.ok(data.sockets.every((s) => s.owners.length === 1 && s.owners[0].pid === process.pid));
  } finally {
    for (const c of [...clients, ...accepted]) c.destroy();
    await new Promise((r) => server.close(r));
  }
});

test('--no-processes: the same rows as ss -tan (no owners looked up, no Process column)', async () => {
  const opened = await openSockets();
  try {
    const withOwners = ours((await reading<SocketsData>({ reading: 'sockets', options: { proto: 'tcp' } })).data.sockets, false);
    const bare = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'tcp', 'no-processes': true } })).data;
    assert.equal(bare.processes, false);
    assert.ok(bare.sockets.every((s) => s.owners.length === 0), 'no owners');
    const rows = bare.sockets
      .flatMap((s) => (s.protocol === 'unix' ? [] : [s]))
      .map((s) => {
        const v6 = s.protocol.endsWith('6');
        return { key: `${formatEndpoint(s.local, v6)} ${formatEndpoint(s.peer, v6)}`, row: [s.state, String(s.recvQ), s.state === 'LISTEN' ? '-' : String(s.sendQ), formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6)].join(' ') };
      })
      .filter((r) => withOwners.keys.has(r.key))
      .map((r) => r.row)
      .sort();
    assert.equal(rows.length, 9);
    assert.deepEqual(rows, ssRows(run('ss', ['-tanH']), { keys: withOwners.keys }, false), 'ss -tanH');
    const text = execFileSync(process.execPath, [cliPath, 'proc', 'sockets', '--proto', 'tcp', '--no-processes'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.match(text, /^Netid +State +Recv-Q +Send-Q +Local Address:Port +Peer Address:Port\n/);
    assert.doesNotMatch(text, /users:\(/);
  } finally {
    await opened.close();
  }
});
