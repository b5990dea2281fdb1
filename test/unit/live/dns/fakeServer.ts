// A scriptable DNS server on loopback for the client tests: UDP and TCP on one port.
// The handler sees each query (raw and decoded) and returns the datagrams/frames to send.

import * as dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import * as net from 'node:net';

export interface FakeQuery {
  raw: Buffer;
  packet: dnsPacket.DecodedPacket;
  transport: 'udp' | 'tcp';
  from: { address: string; port: number };
}

/** Replies to send: nothing (drop), buffers (UDP datagrams / TCP payloads, framed for TCP);
 * a number between them pauses that many milliseconds (UDP), so a flood is not all dropped
 * by the kernel's receive buffer. */
export type Handler = (q: FakeQuery) => Array<Buffer | number> | Promise<Array<Buffer | number>>;

export interface FakeServer {
  address: string;
  port: number;
  queries: FakeQuery[];
  close: () => Promise<void>;
}

export async function startFakeServer(handler: Handler, address = '127.0.0.1', port = 0, tcpRaw?: (q: FakeQuery, socket: net.Socket) => void): Promise<FakeServer> {
  // A random UDP port's TCP twin may be taken by another process: try other ports rather
  // than leave the UDP socket open (an open handle would keep the test process alive).
  for (let attempt = 1; ; attempt++) {
    try {
      return await startFakeServerOnce(handler, address, port, tcpRaw);
    } catch (e) {
      if (port !== 0 || attempt >= 20 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
}

async function startFakeServerOnce(handler: Handler, address: string, port: number, tcpRaw?: (q: FakeQuery, socket: net.Socket) => void): Promise<FakeServer> {
  const queries: FakeQuery[] = [];
  const udp = dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, address, () => resolve());
  });
  const boundPort = udp.address().port;
  udp.on('message', async (raw, rinfo) => {
    let packet: dnsPacket.DecodedPacket;
    try { packet = dnsPacket.decode(raw); } catch { return; }
    const q: FakeQuery = { raw, packet, transport: 'udp', from: { address: rinfo.address, port: rinfo.port } };
    queries.push(q);
    for (const reply of await handler(q)) {
      if (typeof reply === 'number') await new Promise((r) => setTimeout(r, reply));
      else udp.send(reply, rinfo.port, rinfo.address);
    }
  });
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    socket.on('data', async (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const raw = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
        buffered = buffered.subarray(2 + raw.length);
        const q: FakeQuery = { raw, packet: dnsPacket.decode(raw), transport: 'tcp', from: { address: socket.remoteAddress!, port: socket.remotePort! } };
        queries.push(q);
        if (tcpRaw) { tcpRaw(q, socket); continue; }
        for (const reply of await handler(q)) {
          if (typeof reply === 'number') continue;
          const len = Buffer.alloc(2);
          len.writeUInt16BE(reply.length);
          socket.write(Buffer.concat([len, reply]));
        }
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(boundPort, address, () => resolve());
    });
  } catch (e) {
    udp.close();
    throw e;
  }
  return {
    address, port: boundPort, queries,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise<void>((r) => udp.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
    },
  };
}

/** A response to `q` built with dns-packet (answers etc. in dns-packet's shapes). */
export function reply(q: FakeQuery, fields: Partial<dnsPacket.Packet> & { rcode?: number } = {}): Buffer {
  const { rcode = 0, ...rest } = fields;
  return dnsPacket.encode({
    type: 'response', id: q.packet.id, flags: (rest.flags ?? dnsPacket.AUTHORITATIVE_ANSWER) | rcode,
    questions: q.packet.questions, ...rest,
  } as dnsPacket.Packet);
}
