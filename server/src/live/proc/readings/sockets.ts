// `sockets`: tcp, tcp6, udp, udp6 and unix sockets as `ss -anp` shows them, with the owning
// processes found through /proc/*/fd. Filters: --state, --port, --proto; --no-processes
// skips the owner walk (ss without -p), which is most of the cost on a busy host.

import { failedReport } from '../../../core/command';
import { scanSocketOwners } from '../fdScan';
import { type Align, blanks, notes, table } from '../format';
import { type Endpoint, INET_PROTOCOLS, type InetProtocol, type InetSocket, readInetSync, SOCKET_STATES } from '../netInet';
import { readUnixSync, type UnixSocket } from '../netUnix';
import { flagOption, okReport, type Reading, type ReadingInput, stringOption } from '../report';

export interface SocketOwner {
  pid: number;
  command: string;
  fd: number;
}

export type SocketRow = (InetSocket | UnixSocket) & { owners: SocketOwner[] };

export interface SocketsData {
  sockets: SocketRow[];
  filters: { state?: string; port?: number; proto?: string[] };
  /** false with --no-processes: owners were not looked up (every owners list is empty). */
  processes: boolean;
  /** pids whose sockets could not be attributed (other users' fd directories). */
  ownersUnreadable: number[];
  unreadable: string[];
}

type Proto = InetProtocol | 'unix';
const ALL_PROTOS: Proto[] = [...INET_PROTOCOLS, 'unix'];

/** --proto tcp,udp6,unix: "tcp" means both families, as ss -t does; tcp4 only IPv4. */
export function parseProtos(value: string | undefined): Proto[] | string {
  if (value === undefined) return ALL_PROTOS;
  const out = new Set<Proto>();
  for (const p of value.toLowerCase().split(/[,\s]+/).filter(Boolean)) {
    if (p === 'tcp' || p === 'udp') [p, `${p}6` as Proto].forEach((x) => out.add(x as Proto));
    else if (p === 'tcp4' || p === 'udp4') out.add(p.slice(0, 3) as Proto);
    else if (p === 'inet') INET_PROTOCOLS.forEach((x) => out.add(x));
    else if (ALL_PROTOS.includes(p as Proto)) out.add(p as Proto);
    else return `unknown protocol '${p}' (tcp, tcp4, tcp6, udp, udp4, udp6, unix)`;
  }
  return [...out];
}

/** --state accepts ss names (ESTAB, TIME-WAIT, UNCONN) and kernel names (ESTABLISHED, TIME_WAIT). */
export function normalizeState(value: string): string | undefined {
  const v = value.toUpperCase().replace(/_/g, '-');
  for (const { kernel, ss } of Object.values(SOCKET_STATES)) {
    if (v === ss || v === kernel.replace(/_/g, '-') || v === kernel.replace(/_/g, '')) return ss;
  }
  if (v === 'FIN-WAIT1') return 'FIN-WAIT-1';
  if (v === 'FIN-WAIT2') return 'FIN-WAIT-2';
  if (v === 'CLOSE') return 'UNCONN';
  return undefined;
}

export function matchesFilters(row: InetSocket | UnixSocket, state: string | undefined, port: number | undefined): boolean {
  if (state !== undefined && row.state !== state) return false;
  if (port !== undefined) {
    if (row.protocol === 'unix') return false;
    if (row.local.port !== port && row.peer.port !== port) return false;
  }
  return true;
}

/** ss's address:port: IPv6 in brackets, port 0 as '*'. */
export function formatEndpoint(e: Endpoint, v6: boolean): string {
  return `${v6 ? `[${e.address}]` : e.address}:${e.port === 0 ? '*' : e.port}`;
}

export function formatOwners(owners: SocketOwner[]): string {
  if (owners.length === 0) return '';
  // A loop, not map/join: one call per socket, 10,000 of them, run once (cold).
  let s = 'users:(';
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i];
    s += `${i ? ',' : ''}("${o.command}",pid=${o.pid},fd=${o.fd})`;
  }
  return `${s})`;
}

/** Long unix socket paths keep their start and end, so the process column stays in view. */
export const MAX_PATH_WIDTH = 48;
export function truncateMiddle(text: string, width = MAX_PATH_WIDTH): string {
  if (text.length <= width) return text;
  const tail = Math.floor((width - 1) / 2);
  return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`;
}

const HEADER = ['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:Port', 'Peer Address:Port', 'Process'];
const ALIGN: Align[] = ['left', 'left', 'right', 'right', 'left', 'left', 'left'];

/** Decimal digits of a port (0-65535). */
function portDigits(port: number): number {
  return port < 10 ? 1 : port < 100 ? 2 : port < 1000 ? 3 : port < 10000 ? 4 : String(port).length;
}

/** formatEndpoint(e, v6).length, without making the string. */
function endpointWidth(e: Endpoint, v6: boolean): number {
  return e.address.length + (v6 ? 2 : 0) + 1 + (e.port === 0 ? 1 : portDigits(e.port));
}

/**
 * table(HEADER, rows, ALIGN) for TCP/UDP rows only, without a cell array per row: the widths
 * come from the numbers, and each line is made once. The same text (a test holds the two
 * equal); `proc sockets --proto tcp` lays out 10,000 rows with it, once, before the JIT warms up.
 */
export function inetTable(sockets: Array<InetSocket & { owners: SocketOwner[] }>, processes: boolean): string {
  const columns = processes ? 7 : 6;
  const w = HEADER.slice(0, columns).map((h) => h.length);
  for (const s of sockets) {
    const v6 = s.protocol.endsWith('6');
    if (s.protocol.length > w[0]) w[0] = s.protocol.length;
    if (s.state.length > w[1]) w[1] = s.state.length;
    const recv = String(s.recvQ).length;
    if (recv > w[2]) w[2] = recv;
    const send = String(s.sendQ).length;
    if (send > w[3]) w[3] = send;
    const local = endpointWidth(s.local, v6);
    if (local > w[4]) w[4] = local;
    const peer = endpointWidth(s.peer, v6);
    if (peer > w[5]) w[5] = peer;
  }
  const left = (text: string, width: number) => (text.length < width ? text + blanks(width - text.length) : text);
  const right = (text: string, width: number) => (text.length < width ? blanks(width - text.length) + text : text);
  // The header: every cell non-empty, the last one unpadded.
  let head = `${left(HEADER[0], w[0])}  ${left(HEADER[1], w[1])}  ${right(HEADER[2], w[2])}  ${right(HEADER[3], w[3])}  ${left(HEADER[4], w[4])}  `;
  head += processes ? `${left(HEADER[5], w[5])}  ${HEADER[6]}` : HEADER[5];
  // Most rows repeat their first four cells (tcp ESTAB 0 0), their address and their owner's
  // "comm",pid: each is made once and reused, so a line is six pieces, not a dozen, and the
  // cold run makes (and later collects) far fewer intermediate strings.
  const prefixes = new Map<string, Map<string, string>>();
  const prefixOf = (s: InetSocket): string => {
    const recv = String(s.recvQ);
    const send = String(s.sendQ);
    const make = () => s.protocol + blanks(w[0] - s.protocol.length + 2) + s.state + blanks(w[1] - s.state.length + 2 + w[2] - recv.length) + recv + blanks(2 + w[3] - send.length) + send + '  ';
    if (s.recvQ !== 0 || s.sendQ !== 0) return make();
    let byState = prefixes.get(s.protocol);
    if (!byState) prefixes.set(s.protocol, (byState = new Map()));
    let prefix = byState.get(s.state);
    if (prefix === undefined) byState.set(s.state, (prefix = make()));
    return prefix;
  };
  const heads4 = new Map<string, string>();
  const heads6 = new Map<string, string>();
  const endpoint = (e: Endpoint, v6: boolean): string => {
    const heads = v6 ? heads6 : heads4;
    let head = heads.get(e.address);
    if (head === undefined) heads.set(e.address, (head = v6 ? `[${e.address}]:` : `${e.address}:`));
    return e.port === 0 ? head + '*' : head + e.port;
  };
  const ownerHeads = new Map<number, { command: string; head: string }>();
  const owners = (list: SocketOwner[]): string => {
    if (list.length === 0) return '';
    let text = 'users:(';
    for (let i = 0; i < list.length; i++) {
      const o = list[i];
      // One pid has one comm in a scan (read once per process); compared all the same.
      let cached = ownerHeads.get(o.pid);
      if (cached === undefined || cached.command !== o.command) ownerHeads.set(o.pid, (cached = { command: o.command, head: `("${o.command}",pid=${o.pid},fd=` }));
      text += i ? `,${cached.head}${o.fd})` : `${cached.head}${o.fd})`;
    }
    return `${text})`;
  };
  const chunks: string[] = [];
  let lines: string[] = [head];
  for (const s of sockets) {
    const v6 = s.protocol.endsWith('6');
    const local = endpoint(s.local, v6);
    // Each gap is one run of blanks: a cell's padding, the two-blank separator and the next
    // (right-aligned) cell's padding together.
    let line = prefixOf(s) + local;
    // As table() does: an empty Process cell ends the line at the peer, unpadded.
    const process = processes ? owners(s.owners) : '';
    const peer = endpoint(s.peer, v6);
    line += process ? blanks(w[4] - local.length + 2) + peer + blanks(w[5] - peer.length + 2) + process : blanks(w[4] - local.length + 2) + peer;
    // The line ends in ")" or a port (or "*"): nothing for table()'s trimEnd to take off.
    lines.push(line);
    if (lines.length === 512) {
      chunks.push(lines.join('\n'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(lines.join('\n'));
  return chunks.join('\n') + '\n';
}

export function renderSockets(data: SocketsData): string {
  let text: string;
  if (data.sockets.length === 0) text = 'No sockets match.\n';
  else if (data.sockets.every((s) => s.protocol !== 'unix')) text = inetTable(data.sockets as Array<InetSocket & { owners: SocketOwner[] }>, data.processes !== false);
  else {
    const rows = data.sockets.map((s) => {
      if (s.protocol === 'unix') {
        return [s.type, s.state, '', '', `${truncateMiddle(s.path ?? '*')} ${s.inode}`, '*', formatOwners(s.owners)];
      }
      const v6 = s.protocol.endsWith('6');
      return [s.protocol, s.state, String(s.recvQ), String(s.sendQ), formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6), formatOwners(s.owners)];
    });
    const header = [...HEADER];
    // Without owners there is no Process column, as in ss without -p.
    if (data.processes === false) {
      header.pop();
      for (const r of rows) r.pop();
    }
    text = table(header, rows, ALIGN);
  }
  const f = data.filters;
  const shown = [f.state && `state ${f.state}`, f.port !== undefined && `port ${f.port}`, f.proto && `protocols ${f.proto.join(',')}`].filter(Boolean);
  text += `\n${data.sockets.length} socket${data.sockets.length === 1 ? '' : 's'}${shown.length ? ` (${shown.join(', ')})` : ''}.`;
  text += ' For LISTEN rows Send-Q is the kernel tx_queue; ss shows the backlog limit there, which /proc does not have.\n';
  if (data.ownersUnreadable.length) text += `Owners unknown for sockets of ${data.ownersUnreadable.length} processes whose fds this user cannot read (ss -p has the same limit).\n`;
  return text + notes(data.unreadable);
}

function collect(protos: Proto[]): { rows: Array<InetSocket | UnixSocket>; unreadable: string[] } {
  const unreadable: string[] = [];
  // Synchronous reads: tens of milliseconds for 10,000 rows, all of it the kernel's.
  const tables = protos.map((p) => {
    const result = p === 'unix' ? readUnixSync() : readInetSync(p);
    if (result.ok) return result.value as Array<InetSocket | UnixSocket>;
    unreadable.push(result.error.message);
    return [];
  });
  // Tables in ss's order (tcp, tcp6, udp, udp6, unix). A table read in several chunks can
  // repeat a row; one inode is one socket (inode 0 rows are TIME_WAIT and request sockets,
  // which are kept whole).
  const order = protos.map((p, i) => [ALL_PROTOS.indexOf(p), i]).sort((a, b) => a[0] - b[0]);
  const rows: Array<InetSocket | UnixSocket> = [];
  for (const [, i] of order) {
    const seen = new Set<number>();
    for (const r of tables[i]) {
      if (r.inode !== 0) {
        if (seen.has(r.inode)) continue;
        seen.add(r.inode);
      }
      rows.push(r);
    }
  }
  return { rows, unreadable };
}

export async function socketsData(input: ReadingInput): Promise<SocketsData | string> {
  const protos = parseProtos(stringOption(input, 'proto') ?? stringOption(input, 'protocol'));
  if (typeof protos === 'string') return protos;
  const stateOption = stringOption(input, 'state');
  const state = stateOption === undefined ? undefined : normalizeState(stateOption);
  if (stateOption !== undefined && !state) return `unknown state '${stateOption}' (e.g. LISTEN, ESTAB, TIME-WAIT, UNCONN, CLOSE-WAIT, SYN-SENT)`;
  const portOption = stringOption(input, 'port');
  const port = portOption === undefined ? undefined : Number(portOption);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) return `--port needs a number 0-65535, not '${portOption}'`;
  const processes = !flagOption(input, 'no-processes');
  const { rows, unreadable } = collect(protos);
  const scan = processes ? await scanSocketOwners() : undefined;
  let owners = new Map<number, SocketOwner[]>();
  const ownersUnreadable: number[] = [];
  if (scan?.ok) {
    owners = scan.value.owners;
    ownersUnreadable.push(...scan.value.unreadable);
  } else if (scan) unreadable.push(scan.error.message);
  const none: SocketOwner[] = [];
  const sockets: SocketRow[] = [];
  // The rows are fresh objects from this read: give them their owners in place, no copy.
  for (const r of rows) {
    if (!matchesFilters(r, state, port)) continue;
    const row = r as SocketRow;
    row.owners = (r.inode && owners.get(r.inode)) || none;
    sockets.push(row);
  }
  const filters = { state, port, proto: stringOption(input, 'proto') || stringOption(input, 'protocol') ? protos : undefined };
  if (unreadable.length === protos.length) return unreadable.join('; ');
  return { sockets, filters, processes, ownersUnreadable, unreadable };
}

export const socketsReading: Reading = async (input) => {
  const data = await socketsData(input);
  if (typeof data === 'string') return failedReport('Sockets', data, /^unknown|^--port/.test(data) ? 2 : 1);
  return okReport('Sockets', renderSockets(data), data);
};
