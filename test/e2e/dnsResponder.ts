// A tiny authoritative DNS server on 127.0.0.1 (UDP, a free high port) for the "DNS
// Lookup…" scenario: the e2e suite sends no query beyond loopback.

import * as dgram from 'node:dgram';
import * as dnsPacket from 'dns-packet';

export const PROBE_NAME = 'probe.infra-lens.test';
export const PROBE_ADDRESS = '192.0.2.53';

export class DnsResponder {
  private readonly socket = dgram.createSocket('udp4');
  port = 0;
  queries = 0;

  async start(): Promise<void> {
    this.socket.on('message', (message, peer) => {
      let query: dnsPacket.Packet;
      try {
        query = dnsPacket.decode(message);
      } catch {
        return;
      }
      this.queries++;
      const question = query.questions?.[0];
      const known = question?.name.toLowerCase() === PROBE_NAME;
      const answers: dnsPacket.Answer[] = known && question?.type === 'A' ? [{ type: 'A', name: PROBE_NAME, ttl: 300, class: 'IN', data: PROBE_ADDRESS }] : [];
      const reply = dnsPacket.encode({
        id: query.id,
        type: 'response',
        flags: dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | (known ? 0 : 3),
        questions: query.questions,
        answers,
      });
      this.socket.send(reply, peer.port, peer.address);
    });
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    this.port = this.socket.address().port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
