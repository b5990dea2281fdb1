// corefile/resolv-conf-loop: "forward . /etc/resolv.conf" beside "loop". On a node that runs
// systemd-resolved, /etc/resolv.conf names 127.0.0.53; inside a pod that is CoreDNS itself,
// so loop detects a forwarding loop and CoreDNS exits (CrashLoopBackOff, coredns#2087).
// A loopback upstream next to loop is the same risk.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { splitTransport } from '../serverKey';
import { splitHostPort } from '../values';
import { findingAt, type RuleContext } from './context';

export const resolvConfLoop = defineRule({ id: 'corefile/resolv-conf-loop', language: 'corefile', defaultSeverity: 'warning', title: 'forward to resolv.conf or loopback beside loop' });

const isLoopback = (host: string) => /^127\./.test(host) || host === '::1' || host === 'localhost';

export function checkResolvConfLoop({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    if (!block.directives.some((d) => d.name.text === 'loop')) continue;
    for (const d of block.directives) {
      if (d.name.text !== 'forward') continue;
      for (const to of d.args.slice(1)) {
        const rest = splitTransport(to.text).rest;
        const host = splitHostPort(rest)?.host ?? rest;
        if (rest.startsWith('/') && /resolv\.conf$/.test(rest)) {
          out.push(findingAt(resolvConfLoop.id, to, `forward to ${rest} with 'loop': on a node running systemd-resolved this file lists 127.0.0.53, CoreDNS forwards to itself and 'loop' makes it exit (CrashLoopBackOff). Point kubelet --resolv-conf at /run/systemd/resolve/resolv.conf or forward to upstream IPs.`));
        } else if (isLoopback(host)) {
          out.push(findingAt(resolvConfLoop.id, to, `forward to loopback ${host} with 'loop': if that address is this CoreDNS (or a stub that forwards back to it), 'loop' detects a loop and CoreDNS exits`));
        }
      }
    }
  }
  return out;
}
