// loadavg, uptime, stat (+ CPU utilisation), auxv, cpuinfo, version, net/dev on samples.

import assert from 'node:assert/strict';
import test from 'node:test';
import { AT_CLKTCK, AT_PAGESZ, parseAuxv } from '../../../../server/src/live/proc/auxv';
import { parseCpuinfo, summarizeCpuinfo } from '../../../../server/src/live/proc/cpuinfo';
import { humanBytes, humanDuration } from '../../../../server/src/live/proc/format';
import { parseLoadavg } from '../../../../server/src/live/proc/loadavg';
import { parseNetDev } from '../../../../server/src/live/proc/netDev';
import { ratesBetween, renderInterfaces } from '../../../../server/src/live/proc/readings/interfaces';
import { renderLoad } from '../../../../server/src/live/proc/readings/load';
import { cpuUsage, parseStat, usageBetween } from '../../../../server/src/live/proc/stat';
import { parseUptime } from '../../../../server/src/live/proc/uptime';
import { parseVersion } from '../../../../server/src/live/proc/version';
import { sample, sampleBytes } from './sample';

test('loadavg: averages, running/total, last pid; garbage is undefined', () => {
  assert.deepEqual(parseLoadavg(sample('loadavg.linux-6.18-x86_64.txt')), { load1: 1.79, load5: 1.15, load15: 0.53, running: 1, total: 94, lastPid: 14452 });
  assert.equal(parseLoadavg('n/a\n'), undefined);
  assert.equal(parseLoadavg(''), undefined);
});

test('uptime: seconds since boot and idle CPU-seconds (which can exceed uptime)', () => {
  assert.deepEqual(parseUptime(sample('uptime.linux-6.18-x86_64.txt')), { uptimeSeconds: 1069.15, idleSeconds: 1729.96 });
  assert.equal(parseUptime('x y'), undefined);
  assert.equal(humanDuration(93784), '1 day, 2:03');
  assert.equal(humanDuration(1250), '20 min');
  assert.equal(humanDuration(3 * 86400 + 59), '3 days, 0 min');
});

test('stat 6.18: aggregate and per-CPU times, btime and scheduler counters', () => {
  const s = parseStat(sample('stat.linux-6.18-x86_64.txt'));
  assert.deepEqual(s.cpus.map((c) => c.name), ['cpu', 'cpu0', 'cpu1']);
  assert.deepEqual(s.cpus[0], { name: 'cpu', user: 27807, nice: 0, system: 10290, idle: 172996, iowait: 1076, irq: 0, softirq: 210, steal: 434, guest: 0, guestNice: 0 });
  assert.equal(typeof s.btime, 'number');
  assert.ok((s.ctxt ?? 0) > 0);
});

test('stat 2.6.9: seven columns, the missing ones are 0', () => {
  const s = parseStat(sample('stat.linux-2.6.9.txt'));
  assert.equal(s.cpus.length, 3);
  assert.equal(s.cpus[1].softirq, 438);
  assert.equal(s.cpus[1].steal, 0);
  assert.equal(s.btime, 1062191376);
  assert.equal(s.processes, 2915);
});

test('stat with cpu1 offline: the gap is kept, usage is per CPU present in both samples', () => {
  const before = parseStat(sample('stat.linux-6.1-cpu1-offline.txt'));
  assert.deepEqual(before.cpus.map((c) => c.name), ['cpu', 'cpu0', 'cpu2']);
  const after = parseStat(sample('stat.linux-6.18-x86_64.txt'));
  assert.deepEqual(usageBetween(before, after).map((u) => u.name), ['cpu', 'cpu0']);
});

test('utilisation: guest is not counted twice, iowait is not busy, resets clamp to 0', () => {
  const zero = { name: 'cpu0', user: 0, nice: 0, system: 0, idle: 0, iowait: 0, irq: 0, softirq: 0, steal: 0, guest: 0, guestNice: 0 };
  const u = cpuUsage(zero, { ...zero, user: 30, nice: 10, system: 10, irq: 5, softirq: 5, idle: 30, iowait: 10, guest: 20 });
  assert.equal(u.user, 40);
  assert.equal(u.system, 20);
  assert.equal(u.idle, 30);
  assert.equal(u.iowait, 10);
  assert.equal(u.busy, 60);
  const reset = cpuUsage({ ...zero, user: 1000, idle: 1000 }, { ...zero, user: 10, idle: 90 });
  assert.equal(reset.busy, 0);
  assert.equal(cpuUsage(zero, zero).busy, 0);
  const text = renderLoad({ intervalMs: 1000, usage: [u], userHz: 100, unreadable: [], loadavg: { load1: 1, load5: 2, load15: 3, running: 1, total: 9, lastPid: 5 } });
  assert.match(text, /Load average: 1\.00, 2\.00, 3\.00/);
  assert.match(text, /cpu0\s+60\.0%\s+40\.0%\s+20\.0%\s+10\.0%\s+0\.0%\s+30\.0%/);
});

test('auxv: USER_HZ and page size from the captured vector, both word orders', () => {
  const aux = parseAuxv(sampleBytes('auxv.linux-6.18-x86_64.bin'), 8, 'LE');
  assert.equal(aux.get(AT_CLKTCK), 100n);
  assert.equal(aux.get(AT_PAGESZ), 4096n);
  const be = Buffer.alloc(32);
  be.writeBigUInt64BE(17n, 0);
  be.writeBigUInt64BE(1024n, 8); // alpha's USER_HZ
  assert.equal(parseAuxv(be, 8, 'BE').get(AT_CLKTCK), 1024n);
  const w32 = Buffer.alloc(16);
  w32.writeUInt32LE(6, 0);
  w32.writeUInt32LE(65536, 4);
  assert.equal(parseAuxv(w32, 4, 'LE').get(AT_PAGESZ), 65536n);
  assert.equal(parseAuxv(Buffer.alloc(5), 8, 'LE').size, 0);
});

test('cpuinfo x86 (captured): model, topology, flags', () => {
  const c = summarizeCpuinfo(parseCpuinfo(sample('cpuinfo.linux-6.18-x86_64.txt')));
  assert.equal(c.architecture, 'x86');
  assert.equal(c.model, 'AMD EPYC');
  assert.equal(c.vendor, 'AuthenticAMD');
  assert.deepEqual([c.sockets, c.cores, c.threads], [1, 2, 2]);
  assert.ok(c.flags.includes('avx2'));
});

test('cpuinfo arm64 has no model name: the implementer/part table names it', () => {
  const c = summarizeCpuinfo(parseCpuinfo(sample('cpuinfo.linux-5.10-arm64-neoverse-n1.txt')));
  assert.equal(c.architecture, 'arm64');
  assert.equal(c.model, 'Neoverse-N1');
  assert.equal(c.vendor, 'ARM');
  assert.equal(c.threads, 2);
  assert.ok(c.flags.includes('asimd'));
  const unknown = summarizeCpuinfo(parseCpuinfo('processor\t: 0\nCPU implementer\t: 0x99\nCPU architecture: 8\nCPU part\t: 0x123\n'));
  assert.equal(unknown.model, 'implementer 0x99 part 0x123');
});

test('cpuinfo armv7 (Raspberry Pi): four CPUs plus the machine block', () => {
  const c = summarizeCpuinfo(parseCpuinfo(sample('cpuinfo.linux-5.15-armv7-raspberrypi.txt')));
  assert.equal(c.architecture, 'arm');
  assert.equal(c.model, 'ARMv7 Processor rev 4 (v7l)');
  assert.equal(c.threads, 4);
  assert.equal(c.machine.Hardware, 'BCM2835');
  assert.equal(c.machine.Model, 'Raspberry Pi 3 Model B Rev 1.2');
});

test('cpuinfo ppc64le: cpu line as the model, platform block kept', () => {
  const c = summarizeCpuinfo(parseCpuinfo(sample('cpuinfo.linux-5.14-ppc64le.txt')));
  assert.equal(c.architecture, 'ppc64');
  assert.equal(c.model, 'POWER9 (architected), altivec supported');
  assert.equal(c.threads, 2);
  assert.equal(c.machine.platform, 'pSeries');
});

test('version: release is the third token, the build string follows "#"', () => {
  const v = parseVersion(sample('version.linux-6.18-x86_64.txt'));
  assert.equal(v?.release, '6.18.44-fc-v657');
  assert.equal(v?.build, '#1 SMP PREEMPT_DYNAMIC @0');
  assert.equal(parseVersion('Linux version 4.19.0-21-amd64 (debian-kernel@lists.debian.org) (gcc version 8.3.0 (Debian 8.3.0-6)) #1 SMP Debian 4.19.249-2 (2022-06-30)\n')?.build, '#1 SMP Debian 4.19.249-2 (2022-06-30)');
  assert.equal(parseVersion('garbage'), undefined);
});

test('net/dev 6.18 (captured): sixteen counters per interface', () => {
  const devs = parseNetDev(sample('net_dev.linux-6.18-x86_64.txt'));
  assert.deepEqual(devs.map((d) => d.name), ['lo', 'ifb0', 'ifb1', 'eth0']);
  assert.equal(devs[0].rx?.bytes, devs[0].tx?.bytes, 'loopback sends what it receives');
});

test('net/dev 2.6.18: a counter touching the colon, and a device without statistics', () => {
  const devs = parseNetDev(sample('net_dev.linux-2.6.18.txt'));
  assert.deepEqual(devs.map((d) => d.name), ['lo', 'eth0', 'sit0']);
  assert.equal(devs[1].rx?.bytes, 4123456789);
  assert.equal(devs[1].rx?.drop, 2);
  assert.equal(devs[1].rx?.multicast, 123);
  assert.equal(devs[1].tx?.packets, 876543);
  assert.equal(devs[2].rx, undefined);
  const rates = ratesBetween(devs, devs.map((d) => (d.rx && d.tx ? { ...d, rx: { ...d.rx, bytes: d.rx.bytes + 2048 }, tx: { ...d.tx, bytes: d.tx.bytes - 1 } } : d)), 2000);
  assert.equal(rates[1].rates?.rxBytes, 1024);
  assert.equal(rates[1].rates?.txBytes, 0, 'a counter going backwards is a reset, not a negative rate');
  assert.match(renderInterfaces({ intervalMs: 2000, interfaces: rates }), /sit0\s+no statistics/);
  assert.equal(humanBytes(1536), '1.5 KiB');
});
