// sockets vs ss -tanH / -uanH / -tanpH on sockets this test opens itself on loopback:
// TCP listening and connected, v4, v6 and v4-mapped; UDP bound and connect()ed.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as dgram from 'node:dgram';
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

const mine = (ports: Set<number>) => (local: string, peer: string) => {
  const p = (a: string) => Number(a.slice(a.lastIndexOf(':') + 1));
  return ports.has(p(local)) || ports.has(p(peer));
};

/** "STATE RECVQ SENDQ LOCAL PEER [users]" with the known /proc gaps normalised (see research §6.4). */
function ssRows(out: string, ports: Set<number>, withUsers: boolean): string[] {
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter(([, , , local, peer]) => mine(ports)(local, peer))
    .map(([state, recvQ, sendQ, local, peer, ...users]) => {
      const norm = (a: string) => a.replace(/^\*:/, '[::]:');
      const row = [state, recvQ, state === 'LISTEN' ? '-' : sendQ, norm(local), norm(peer)];
      if (withUsers) row.push(users.join(' '));
      return row.join(' ');
    })
    .sort();
}

function ourRows(rows: SocketRow[], ports: Set<number>, withUsers: boolean): string[] {
  return rows
    .flatMap((s) => (s.protocol === 'unix' ? [] : [s]))
    .map((s) => {
      const v6 = s.protocol.endsWith('6');
      const row = [s.state, String(s.recvQ), s.state === 'LISTEN' ? '-' : String(s.sendQ), formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6)];
      if (withUsers) row.push(formatOwners([...s.owners].sort((a, b) => a.fd - b.fd)));
      return row;
    })
    .filter(([, , , local, peer]) => mine(ports)(local, peer))
    .map((r) => r.join(' '))
    .sort();
}

test('TCP and UDP sockets match ss, and their owner matches ss -p', async () => {
  const opened = await openSockets();
  try {
    const tcp = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'tcp' } })).data;
    const ssTcp = run('ss', ['-tanH']);
    const ours = ourRows(tcp.sockets, opened.ports, false);
    assert.equal(ours.length, 9, `3 listeners + 3 connections × 2 ends:\n${ours.join('\n')}`);
    assert.deepEqual(ours, ssRows(ssTcp, opened.ports, false));
    assert.ok(ours.some((r) => r.includes('[::ffff:127.0.0.1]')), 'v4-mapped');
    assert.ok(ours.some((r) => r.startsWith('LISTEN') && r.includes('[::1]')), 'v6 listener');

    const udp = (await reading<SocketsData>({ reading: 'sockets', options: { proto: 'udp' } })).data;
    const ourUdp = ourRows(udp.sockets, opened.ports, false);
    assert.equal(ourUdp.length, 3);
    assert.deepEqual(ourUdp, ssRows(run('ss', ['-uanH']), opened.ports, false));
    assert.ok(ourUdp.some((r) => r.startsWith('ESTAB')) && ourUdp.some((r) => r.startsWith('UNCONN')));

    const withUsers = ourRows(tcp.sockets, opened.ports, true);
    assert.deepEqual(withUsers, ssRows(run('ss', ['-tanpH']), opened.ports, true));
    assert.ok(withUsers.every((r) => r.includes(`pid=${process.pid},`)), 'every test socket is ours');
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
