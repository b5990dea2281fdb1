// corefile/resolv-conf-loop: "forward . /etc/resolv.conf" beside "loop". On a node that runs
// systemd-resolved, /etc/resolv.conf names 127.0.0.53; inside a pod that is CoreDNS itself,
// so loop detects a forwarding loop and CoreDNS exits (CrashLoopBackOff, coredns#2087).
// That pairing is the upstream default (kubeadm, kops, k3s, minikube, the Helm chart), so on
// its own it is information; it is a warning where the danger is real: the resolv.conf in
// view lists a loopback nameserver, or the file also forwards to a loopback address. A
// loopback upstream is a warning unless it is one of this Corefile's own other servers.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import type { ServerBlock } from '../parser';
import { normalizeKey, splitTransport } from '../serverKey';
import { splitHostPort } from '../values';
import { findingAt, type RuleContext } from './context';

export const resolvConfLoop = defineRule({ id: 'corefile/resolv-conf-loop', language: 'corefile', defaultSeverity: 'warning', title: 'forward to resolv.conf or loopback beside loop' });

const isLoopback = (host: string) => /^127\./.test(host) || host === '::1' || host === 'localhost';

/** Loopback nameservers a resolv.conf lists (the first word of each `nameserver` line). */
function loopbackNameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m && isLoopback(m[1].split('%')[0])) out.push(m[1]);
  }
  return out;
}

/** Ports this Corefile's blocks listen on, except `self`'s own. */
function otherServerPorts(blocks: ServerBlock[], self: ServerBlock): Set<string> {
  const ports = new Set<string>();
  for (const b of blocks) {
    if (b === self) continue;
    for (const k of b.keys) {
      const key = normalizeKey(k.text);
      if (key.transport === 'dns' && key.port) ports.add(key.port);
    }
  }
  return ports;
}

function ownPorts(block: ServerBlock): Set<string> {
  return new Set(block.keys.map((k) => normalizeKey(k.text)).filter((k) => k.transport === 'dns').map((k) => k.port));
}

export function checkResolvConfLoop({ ast, inView }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const resolvConfs: Array<{ token: Parameters<typeof findingAt>[1]; path: string }> = [];
  let loopbackElsewhere = false;
  for (const block of ast.blocks) {
    if (!block.directives.some((d) => d.name.text === 'loop')) continue;
    const others = otherServerPorts(ast.blocks, block);
    const own = ownPorts(block);
    for (const d of block.directives) {
      if (d.name.text !== 'forward') continue;
      for (const to of d.args.slice(1)) {
        const rest = splitTransport(to.text).rest;
        const hp = splitHostPort(rest);
        const host = hp?.host ?? rest;
        const port = hp?.port || '53';
        if (rest.startsWith('/') && /resolv\.conf$/.test(rest)) {
          resolvConfs.push({ token: to, path: rest });
        } else if (isLoopback(host)) {
          // Another server block of this same CoreDNS on that port answers it: no loop.
          if (others.has(port) && !own.has(port)) continue;
          loopbackElsewhere = true;
          out.push(findingAt(resolvConfLoop.id, to, `forward to loopback ${host} with 'loop': if that address is this CoreDNS (or a stub that forwards back to it), 'loop' detects a loop and CoreDNS exits`));
        }
      }
    }
  }
  for (const { token, path } of resolvConfs) {
    const loopbacks = loopbackNameservers(inView?.(path) ?? '');
    if (loopbacks.length) {
      out.push(findingAt(resolvConfLoop.id, token, `forward to ${path} with 'loop': that file lists the loopback nameserver ${loopbacks[0]}, so CoreDNS forwards to itself (or to a stub that sends the query back) and 'loop' makes it exit (CrashLoopBackOff). Forward to upstream IPs, or point kubelet --resolv-conf at a file with real nameservers (/run/systemd/resolve/resolv.conf).`));
    } else if (loopbackElsewhere) {
      out.push(findingAt(resolvConfLoop.id, token, `forward to ${path} with 'loop', and this Corefile also forwards to a loopback address: if /etc/resolv.conf lists 127.0.0.53 (systemd-resolved), CoreDNS forwards to itself and 'loop' makes it exit (CrashLoopBackOff)`));
    } else {
      out.push(findingAt(resolvConfLoop.id, token, `forward to ${path} with 'loop' (the upstream default): fine while the node's resolv.conf lists real nameservers; on a node running systemd-resolved it lists 127.0.0.53, CoreDNS would forward to itself and 'loop' make it exit — then point kubelet --resolv-conf at /run/systemd/resolve/resolv.conf`, { severity: 'information' }));
    }
  }
  return out;
}
