import assert from 'node:assert/strict';
import test from 'node:test';
import { decodeAddress, formatIpv6, type InetSocket, parseInet } from '../../../../server/src/live/proc/netInet';
import { parseUnix } from '../../../../server/src/live/proc/netUnix';
import { formatEndpoint, formatOwners, matchesFilters, MAX_PATH_WIDTH, normalizeState, parseProtos, renderSockets, truncateMiddle } from '../../../../server/src/live/proc/readings/sockets';
import { sample } from './sample';

const LOOPBACK = 'linux-6.18-x86_64-loopback.txt';

/** ss -tanH / -uanH rows as "STATE RECVQ SENDQ LOCAL PEER", with the known /proc gaps normalised. */
function ssRows(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [state, recvQ, sendQ, local, peer] = l.trim().split(/\s+/);
      // /proc cannot tell a dual-stack "::" listener ("*") from a v6only one ("[::]").
      const norm = (a: string) => a.replace(/^\*:/, '[::]:');
      // LISTEN Send-Q is the backlog limit in ss, absent from /proc.
      return [state, recvQ, state === 'LISTEN' ? '-' : sendQ, norm(local), norm(peer)].join(' ');
    })
    .sort();
}

function ourRows(rows: InetSocket[]): string[] {
  return rows
    .map((s) => {
      const v6 = s.protocol.endsWith('6');
      return [s.state, s.recvQ, s.state === 'LISTEN' ? '-' : s.sendQ, formatEndpoint(s.local, v6), formatEndpoint(s.peer, v6)].join(' ');
    })
    .sort();
}

test('tcp + tcp6 captured with ss -tanH at the same moment: the same sockets, v4 and v6, listening and connected', () => {
  const rows = [...parseInet(sample(`net_tcp.${LOOPBACK}`), 'tcp', 'LE'), ...parseInet(sample(`net_tcp6.${LOOPBACK}`), 'tcp6', 'LE')];
  assert.deepEqual(ourRows(rows), ssRows(sample(`ss-tanH.${LOOPBACK}`)));
  assert.ok(rows.some((r) => r.local.address === '::ffff:127.0.0.1'), 'a v4-mapped row');
  assert.ok(rows.some((r) => r.local.address === '::1' && r.state === 'LISTEN'));
});

test('udp + udp6 captured with ss -uanH: UNCONN and a connect()ed ESTAB', () => {
  const rows = [...parseInet(sample(`net_udp.${LOOPBACK}`), 'udp', 'LE'), ...parseInet(sample(`net_udp6.${LOOPBACK}`), 'udp6', 'LE')];
  assert.deepEqual(ourRows(rows), ssRows(sample(`ss-uanH.${LOOPBACK}`)));
});

test('unix captured with ss -xanH: paths with spaces, abstract names with their @ padding, LISTEN by flag', () => {
  const rows = parseUnix(sample(`net_unix.${LOOPBACK}`));
  const ss = sample(`ss-xanH.${LOOPBACK}`)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\S+)\s+(\S+)\s+\d+\s+\d+\s+(.*?) (\d+)\s+\*\s+\d+\s*$/.exec(l);
      assert.ok(m, l);
      return `${m[1]} ${m[2]} ${m[3].trim()} ${m[4]}`;
    })
    .sort();
  const ours = rows.map((r) => `${r.type} ${r.state} ${r.path ?? '*'} ${r.inode}`).sort();
  for (const row of ours) assert.ok(ss.includes(row), `ss lists ${row}`);
  // The only extras in ss are the unnamed socketpairs Node created for ss's own stdio after
  // /proc was read.
  assert.deepEqual(ss.filter((row) => !ours.includes(row)).map((row) => row.replace(/\d+$/, 'N')), Array(6).fill('u_str ESTAB * N'));
  const spaced = rows.find((r) => r.path?.includes(' '));
  assert.equal(spaced?.path, '/tmp/sock dir/with space.sock');
  assert.equal(spaced?.listening, true);
  assert.match(rows.find((r) => r.path?.startsWith('@'))?.path ?? '', /^@infra-lens-abstract@+$/);
});

test('the 6.18 idle-node sample: TIME_WAIT-free listener table, header skipped', () => {
  const rows = parseInet(sample('net_tcp.linux-6.18-x86_64.txt'), 'tcp', 'LE');
  assert.deepEqual(rows.map((r) => [r.state, `${r.local.address}:${r.local.port}`, r.inode]), [['LISTEN', '0.0.0.0:2024', 637]]);
});

test('big-endian hosts print addresses in natural order', () => {
  assert.equal(decodeAddress('7F000001', 'BE'), '127.0.0.1');
  assert.equal(decodeAddress('0100007F', 'LE'), '127.0.0.1');
  assert.equal(decodeAddress('00000000000000000000000000000001', 'BE'), '::1');
  assert.equal(decodeAddress('00000000000000000000FFFF7F000001', 'BE'), '::ffff:127.0.0.1');
  const be = '   0: 7F000001:1F90 0A000002:C350 01 00000010:00000020 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1';
  const [row] = parseInet(be, 'tcp', 'BE');
  assert.deepEqual([row.local, row.peer, row.sendQ, row.recvQ, row.uid, row.inode], [{ address: '127.0.0.1', port: 8080 }, { address: '10.0.0.2', port: 50000 }, 16, 32, 1000, 4242]);
});

test('IPv6 text as inet_ntop prints it: RFC 5952 compression, lower case, mapped and compatible v4', () => {
  const hex = (s: string) => Buffer.from(s.replace(/:/g, ''), 'hex');
  assert.equal(formatIpv6(hex('2001:0db8:0000:0000:0000:0000:0000:0001')), '2001:db8::1');
  assert.equal(formatIpv6(hex('2001:0db8:0000:0001:0000:0000:0000:0001')), '2001:db8:0:1::1', 'the longest run wins');
  assert.equal(formatIpv6(hex('2001:0db8:0000:0000:0001:0000:0000:0001')), '2001:db8::1:0:0:1', 'the first of equal runs wins');
  assert.equal(formatIpv6(hex('2001:0db8:0000:0001:0001:0001:0001:0001')), '2001:db8:0:1:1:1:1:1', 'a single zero is not compressed');
  assert.equal(formatIpv6(hex('fe80:0000:0000:0000:abcd:00ff:fe00:0001')), 'fe80::abcd:ff:fe00:1');
  assert.equal(formatIpv6(Buffer.alloc(16)), '::');
  assert.equal(formatIpv6(hex('0000:0000:0000:0000:0000:ffff:0a00:0001')), '::ffff:10.0.0.1');
  assert.equal(formatIpv6(hex('0000:0000:0000:0000:0000:0000:0a00:0001')), '::10.0.0.1');
  assert.equal(decodeAddress('zz'), undefined);
});

test('rows that do not parse are skipped, the rest kept; unknown states shown in hex', () => {
  const text = 'garbage\n   0: 0100007F:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1\n   1: XYZ:0035 00000000:0000 0A 0:0 0 0 0 0 2\n   2: 0100007F:0036 00000000:0000 1F 00000000:00000000 00:00000000 00000000 0 0 3\n';
  const rows = parseInet(text, 'tcp', 'LE');
  assert.deepEqual(rows.map((r) => [r.local.port, r.state]), [[53, 'LISTEN'], [54, '0x1F']]);
  assert.deepEqual(parseUnix('Num RefCount\nnot a row\n'), []);
});

test('filters: ss and kernel state names, port on either end, protocol families', () => {
  assert.equal(normalizeState('listen'), 'LISTEN');
  assert.equal(normalizeState('ESTABLISHED'), 'ESTAB');
  assert.equal(normalizeState('time_wait'), 'TIME-WAIT');
  assert.equal(normalizeState('fin-wait1'), 'FIN-WAIT-1');
  assert.equal(normalizeState('unconn'), 'UNCONN');
  assert.equal(normalizeState('nope'), undefined);
  assert.deepEqual(parseProtos('tcp'), ['tcp', 'tcp6']);
  assert.deepEqual(parseProtos('udp4,unix'), ['udp', 'unix']);
  assert.match(String(parseProtos('sctp')), /unknown protocol 'sctp'/);
  const rows = parseInet(sample(`net_tcp.${LOOPBACK}`), 'tcp', 'LE');
  const port = rows[0].local.port;
  assert.ok(rows.filter((r) => matchesFilters(r, undefined, port)).length >= 3, 'the listener and both ends of its connection');
  assert.deepEqual(rows.filter((r) => matchesFilters(r, 'LISTEN', undefined)).map((r) => r.state), ['LISTEN', 'LISTEN']);
  assert.equal(matchesFilters(parseUnix(sample(`net_unix.${LOOPBACK}`))[0], undefined, 53), false);
});

test('rendering: ss columns, owners as ss -p prints them, filters named', () => {
  assert.equal(formatOwners([{ pid: 7, command: 'coredns', fd: 3 }, { pid: 9, command: 'a b', fd: 4 }]), 'users:(("coredns",pid=7,fd=3),("a b",pid=9,fd=4))');
  const rows = parseInet(sample(`net_tcp.${LOOPBACK}`), 'tcp', 'LE').map((r) => ({ ...r, owners: [{ pid: 1, command: 'node', fd: 5 }] }));
  const text = renderSockets({ sockets: rows, filters: { state: 'LISTEN' }, processes: true, ownersUnreadable: [12], unreadable: [] });
  assert.match(text, /^Netid\s+State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port\s+Process/);
  assert.match(text, /tcp\s+LISTEN\s+0\s+0\s+127\.0\.0\.1:42681\s+0\.0\.0\.0:\*\s+users:\(\("node",pid=1,fd=5\)\)/);
  assert.match(text, /\(state LISTEN\)/);
  assert.match(text, /1 processes whose fds this user cannot read/);
  assert.match(renderSockets({ sockets: [], filters: {}, processes: true, ownersUnreadable: [], unreadable: [] }), /No sockets match/);
});

test('TIME_WAIT rows (captured): fewer columns, inode and uid 0, kept; CLOSE-WAIT and FIN-WAIT-2 named as ss names them', () => {
  const rows = parseInet(sample('net_tcp.linux-6.18-x86_64-time-wait.txt'), 'tcp', 'LE');
  assert.equal(rows.length, 32, 'every row, TIME_WAIT included');
  const tw = rows.filter((r) => r.state === 'TIME-WAIT');
  assert.ok(tw.length >= 10);
  assert.ok(tw.every((r) => r.inode === 0 && r.uid === 0));
  const closeWait = rows.find((r) => r.state === 'CLOSE-WAIT');
  assert.deepEqual([closeWait?.recvQ, closeWait?.local.port], [1, 0x9d42]);
  assert.equal(rows.filter((r) => r.state === 'FIN-WAIT-2').length, 1);
  assert.deepEqual(new Set(rows.map((r) => r.state)), new Set(['LISTEN', 'TIME-WAIT', 'CLOSE-WAIT', 'ESTAB', 'FIN-WAIT-2']));
});

test('idle-node samples (captured): header-only tables give no rows, unix rows without paths', () => {
  assert.deepEqual(parseInet(sample('net_tcp6.linux-6.18-x86_64.txt'), 'tcp6', 'LE'), []);
  assert.deepEqual(parseInet(sample('net_udp.linux-6.18-x86_64.txt'), 'udp', 'LE'), []);
  assert.deepEqual(parseInet(sample('net_udp6.linux-6.18-x86_64.txt'), 'udp6', 'LE'), []);
  const unix = parseUnix(sample('net_unix.linux-6.18-x86_64.txt'));
  assert.deepEqual(unix.map((u) => [u.type, u.state, u.path, u.inode]), [['u_str', 'ESTAB', undefined, 1056], ['u_str', 'ESTAB', undefined, 1057]]);
});

test('a long unix socket path is shortened in the middle, so the process column stays in view', () => {
  const long = `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${'a'.repeat(64)}/shim.sock`;
  const short = truncateMiddle(long);
  assert.equal(short.length, MAX_PATH_WIDTH);
  assert.ok(short.startsWith('/run/containerd/') && short.endsWith('/shim.sock') && short.includes('…'), short);
  assert.equal(truncateMiddle('/run/dbus/system_bus_socket'), '/run/dbus/system_bus_socket');
});

test('--no-processes rendering: no Process column, as ss without -p', () => {
  const rows = parseInet(sample(`net_tcp.${LOOPBACK}`), 'tcp', 'LE').map((r) => ({ ...r, owners: [] }));
  const text = renderSockets({ sockets: rows, filters: {}, processes: false, ownersUnreadable: [], unreadable: [] });
  assert.match(text, /^Netid\s+State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port\n/);
  assert.doesNotMatch(text, /Process|users:/);
  assert.match(text, /tcp\s+LISTEN\s+0\s+0\s+127\.0\.0\.1:42681\s+0\.0\.0\.0:\*\n/);
});

test('parseInet (one regular expression over the table) skips malformed rows and keeps good ones around them', () => {
  const good = '   0: 0100007F:0035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0 4242 1 0000000000000000 100 0 0 10 0';
  const table = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    good,
    '   1: 0100007F:0035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0', // cut short: no inode
    '   2: 0100007G:0035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0 7', // not hex
    '   3: 0100007F:035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0 7', // 3-digit port
    '   4: 0100007F:0035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0 7x', // inode glued to text
    'x5: 0100007F:0035 00000000:0000 0A 00000000:00000001 00:00000000 00000000   101        0 7', // sl not digits
    '\t6:\t0100007f:01bb\t0200007F:D431\t01\t0000000A:00000002\t00:00000000\t00000000\t0\t0\t99', // tabs, lower-case hex, no trailing fields
    good.replace('4242', '4343'),
  ].join('\r\n'); // CRLF as a copied file might have
  const rows = parseInet(table, 'tcp', 'LE');
  assert.deepEqual(rows.map((r) => r.inode), [4242, 99, 4343]);
  assert.deepEqual(rows[0], { protocol: 'tcp', state: 'LISTEN', stateCode: 10, local: { address: '127.0.0.1', port: 53 }, peer: { address: '0.0.0.0', port: 0 }, recvQ: 1, sendQ: 0, uid: 101, inode: 4242 });
  assert.deepEqual([rows[1].local, rows[1].peer, rows[1].state, rows[1].sendQ, rows[1].recvQ], [{ address: '127.0.0.1', port: 443 }, { address: '127.0.0.2', port: 0xd431 }, 'ESTAB', 10, 2]);
  assert.deepEqual(parseInet('', 'tcp', 'LE'), []);
  assert.deepEqual(parseInet(good.replace(' 0A ', ' 7F '), 'tcp', 'LE')[0].state, '0x7F', 'an unknown state is shown as its code');
});

test('formatOwners lists every holder in order, as ss -p does', () => {
  assert.equal(formatOwners([]), '');
  assert.equal(formatOwners([{ pid: 1, command: 'a', fd: 3 }, { pid: 7, command: 'b c', fd: 10 }]), 'users:(("a",pid=1,fd=3),("b c",pid=7,fd=10))');
});

test('table pads only up to the last non-empty cell and trims what a cell itself ends with', async () => {
  const { table } = await import('../../../../server/src/live/proc/format');
  const text = table(['A', 'B', 'C'], [['x', 'long value', ''], ['yy', 'b', 'c'], ['z ', '', ''], ['w', 'v\u00a0', '']], ['left', 'left', 'left']);
  assert.deepEqual(text.split('\n'), ['A   B           C', 'x   long value', 'yy  b           c', 'z', 'w   v', '']);
});
