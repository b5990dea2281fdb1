// load, uptime, cpu, kernel, interfaces vs uptime, getconf, nproc/lscpu, uname, ip -s link.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import test from 'node:test';
import type { CpuData } from '../../../server/src/live/proc/readings/cpu';
import type { InterfacesData } from '../../../server/src/live/proc/readings/interfaces';
import type { KernelData } from '../../../server/src/live/proc/readings/kernel';
import type { LoadData } from '../../../server/src/live/proc/readings/load';
import type { UptimeData } from '../../../server/src/live/proc/readings/uptime';
import { reading, run } from './oracle';

test('load vs /proc/loadavg and uptime (two decimals), USER_HZ vs getconf CLK_TCK', async () => {
  for (let attempt = 0; ; attempt++) {
    const before = run('uptime', []);
    const data = (await reading<LoadData>({ reading: 'load', options: { interval: '200' } })).data;
    const after = run('uptime', []);
    const m = /load average: ([\d.]+), ([\d.]+), ([\d.]+)/.exec(before);
    assert.ok(m, `uptime printed ${before}`);
    const ours = [data.loadavg?.load1, data.loadavg?.load5, data.loadavg?.load15].map((v) => v?.toFixed(2));
    // The kernel updates the averages every 5 s: retry when an update fell between the reads.
    if (!after.includes(m[0]) && attempt < 3) continue;
    assert.deepEqual(ours, m.slice(1, 4).map((v) => Number(v).toFixed(2)));
    break;
  }
  const data = (await reading<LoadData>({ reading: 'load', options: { interval: '200' } })).data;
  assert.equal(data.userHz, Number(run('getconf', ['CLK_TCK']).trim()));
  const online = Number(run('nproc', ['--all']).trim());
  assert.equal(data.usage.length, online + 1, 'the aggregate plus one row per online CPU');
  for (const u of data.usage) {
    assert.ok(u.busy >= 0 && u.busy <= 100.0001);
    assert.ok(Math.abs(u.user + u.system + u.iowait + u.steal + u.idle - 100) < 0.01 || u.busy === 0);
  }
});

test('uptime vs /proc/uptime and uptime -s', async () => {
  const data = (await reading<UptimeData>({ reading: 'uptime' })).data;
  const raw = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  assert.ok(Math.abs(raw - data.uptimeSeconds) < 1, `${data.uptimeSeconds} vs ${raw}`);
  // uptime -s prints local time to the second; btime is exact, uptime -s derives it (±1 s).
  const since = run('uptime', ['-s'], { ...process.env, TZ: 'UTC', LC_ALL: 'C' }).trim();
  const oracle = Date.parse(since.replace(' ', 'T') + 'Z');
  assert.ok(Math.abs(Date.parse(data.bootTime) - oracle) <= 1000, `${data.bootTime} vs uptime -s ${since}`);
});

test('cpu vs nproc --all and lscpu', async () => {
  const data = (await reading<CpuData>({ reading: 'cpu' })).data;
  assert.equal(data.threads, Number(run('nproc', ['--all']).trim()));
  const lscpu = run('lscpu', []);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(lscpu)?.[1].trim();
  if (data.architecture === 'x86') assert.equal(data.model, field('Model name'));
  assert.equal(data.sockets, Number(field('Socket\\(s\\)')));
  assert.equal(data.cores / data.sockets, Number(field('Core\\(s\\) per socket')));
});

test('kernel vs uname -r and uname -v', async () => {
  const data = (await reading<KernelData>({ reading: 'kernel' })).data;
  assert.equal(data.release, run('uname', ['-r']).trim());
  assert.equal(data.build, run('uname', ['-v']).trim());
  assert.equal(data.hostname, run('uname', ['-n']).trim());
});

test('interfaces vs ip -s link: same interfaces, loopback counters never behind ip', async () => {
  const before = run('ip', ['-s', '-o', 'link']);
  const data = (await reading<InterfacesData>({ reading: 'interfaces', options: { interval: '200' } })).data;
  const names = [...before.matchAll(/^\d+:\s+([^:@\s]+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(data.interfaces.map((d) => d.name).sort(), names);
  // ip -s -o link: "RX: bytes packets errors dropped missed mcast \    <numbers>"
  const lo = before.split('\n').find((l) => /^\d+:\s+lo:/.test(l)) ?? '';
  const rx = /RX:[^\\]*\\\s+(\d+)\s+(\d+)/.exec(lo);
  assert.ok(rx, `ip -s -o link printed ${lo}`);
  const ours = data.interfaces.find((d) => d.name === 'lo');
  assert.ok(ours?.rx && ours.rates);
  assert.ok(ours.rx.bytes >= Number(rx[1]) && ours.rx.packets >= Number(rx[2]), 'read after ip: counters only grow');
  // Interfaces that did not move while we read must match ip exactly.
  const after = run('ip', ['-s', '-o', 'link']);
  const counters = (out: string) =>
    new Map(
      out.split('\n').flatMap((l) => {
        const m = /^\d+:\s+([^:@\s]+).*?RX:[^\\]*\\\s+(\d+)\s+(\d+).*?TX:[^\\]*\\\s+(\d+)\s+(\d+)/.exec(l);
        return m ? [[m[1], m.slice(2, 6).join(' ')] as const] : [];
      }),
    );
  const [ipBefore, ipAfter] = [counters(before), counters(after)];
  let idle = 0;
  for (const d of data.interfaces) {
    if (!d.rx || !d.tx || ipBefore.get(d.name) !== ipAfter.get(d.name)) continue;
    idle++;
    assert.equal(`${d.rx.bytes} ${d.rx.packets} ${d.tx.bytes} ${d.tx.packets}`, ipBefore.get(d.name), d.name);
  }
  assert.ok(idle > 0 || data.interfaces.length === ipBefore.size, 'compared at least one idle interface exactly');
});
