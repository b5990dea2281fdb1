// The containers reading over fake nodes: cgroup v2 trees in the layouts of the systemd and
// cgroupfs drivers for containerd, CRI-O and Docker, the kubelet's files for names, a
// container whose cgroup goes away mid-read, and a container's own resolv.conf.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { runProcCommand } from '../../../../server/src/live/proc/command';
import type { ContainerInfo } from '../../../../server/src/live/proc/containerScan';
import type { ContainersData } from '../../../../server/src/live/proc/readings/containers';
import type { Report } from '../../../../server/src/protocol';
import { cliPath } from '../../../helpers';
import { testContext } from './context';
import { fakeNode, type FakeNode, writeProcess, writeV2Container } from './nodeFixture';

const hex = (c: string) => c.repeat(64);
const UIDS = {
  web: '11111111-aaaa-4bbb-8ccc-000000000001',
  db: '11111111-aaaa-4bbb-8ccc-000000000002',
  batch: '11111111-aaaa-4bbb-8ccc-000000000003',
};
const us = (uid: string) => uid.replace(/-/g, '_');

interface Layout {
  driver: string;
  runtime: string;
  /** Container cgroup path for a pod UID, QoS and container id. */
  path: (uid: string, qos: 'guaranteed' | 'burstable' | 'besteffort', id: string) => string;
  expectedRuntime: string | undefined;
}

const systemdPod = (uid: string, qos: string) => (qos === 'guaranteed' ? `/kubepods.slice/kubepods-pod${us(uid)}.slice` : `/kubepods.slice/kubepods-${qos}.slice/kubepods-${qos}-pod${us(uid)}.slice`);
const cgroupfsPod = (uid: string, qos: string) => (qos === 'guaranteed' ? `/kubepods/pod${uid}` : `/kubepods/${qos}/pod${uid}`);

const LAYOUTS: Layout[] = [
  { driver: 'systemd', runtime: 'containerd', path: (u, q, id) => `${systemdPod(u, q)}/cri-containerd-${id}.scope`, expectedRuntime: 'containerd' },
  { driver: 'systemd', runtime: 'cri-o', path: (u, q, id) => `${systemdPod(u, q)}/crio-${id}.scope`, expectedRuntime: 'cri-o' },
  { driver: 'systemd', runtime: 'docker', path: (u, q, id) => `${systemdPod(u, q)}/docker-${id}.scope`, expectedRuntime: 'docker' },
  { driver: 'cgroupfs', runtime: 'containerd', path: (u, q, id) => `${cgroupfsPod(u, q)}/${id}`, expectedRuntime: undefined },
  { driver: 'cgroupfs', runtime: 'cri-o', path: (u, q, id) => `${cgroupfsPod(u, q)}/crio-${id}`, expectedRuntime: 'cri-o' },
  { driver: 'cgroupfs', runtime: 'docker', path: (u, q, id) => `${cgroupfsPod(u, q)}/${id}`, expectedRuntime: undefined },
];

async function containers(node: FakeNode, args: { pid?: number; options?: Record<string, string> } = {}): Promise<Report<ContainersData>> {
  const restore = node.use();
  try {
    return (await runProcCommand({ reading: 'containers', ...args }, testContext())) as Report<ContainersData>;
  } finally {
    restore();
  }
}

function byId(d: ContainersData, id: string): ContainerInfo {
  const c = d.containers.find((x) => x.cgroup.containerId === id);
  assert.ok(c, `container ${id.slice(0, 12)} found among ${d.containers.map((x) => x.key).join(', ')}`);
  return c;
}

/** Three pods: web (burstable, app + sandbox), db (guaranteed), batch (besteffort). */
function buildNode(layout: Layout): FakeNode {
  const node = fakeNode();
  const web = layout.path(UIDS.web, 'burstable', hex('a'));
  const pause = layout.path(UIDS.web, 'burstable', hex('e'));
  const db = layout.path(UIDS.db, 'guaranteed', hex('b'));
  const batch = layout.path(UIDS.batch, 'besteffort', hex('c'));
  writeV2Container(node, web, { memoryMax: '1073741824', memoryCurrent: '536870912', memoryPeak: '603979776', oomKill: 0, cpuMax: '100000 100000', cpuWeight: '79', nrThrottled: 38, pidsMax: '4096', pidsCurrent: '2' });
  writeV2Container(node, pause, { memoryMax: 'max', memoryCurrent: '372736', oomKill: 0, cpuMax: 'max 100000', cpuWeight: '1', pidsMax: 'max', pidsCurrent: '1' });
  writeV2Container(node, db, { memoryMax: '2147483648', memoryCurrent: '2100000000', memoryPeak: '2147483648', oomKill: 3, cpuMax: '200000 100000', pidsMax: '1024', pidsCurrent: '1' });
  writeV2Container(node, batch, { memoryMax: 'max', memoryCurrent: '10485760', oomKill: 0, cpuMax: 'max 100000', cpuWeight: '1', pidsMax: 'max', pidsCurrent: '1' });
  writeProcess(node, 1, 'systemd', '/init.scope');
  writeProcess(node, 100, 'kubelet', '/system.slice/kubelet.service');
  writeProcess(node, 200, 'pause', pause);
  writeProcess(node, 201, 'nginx', web, 'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n');
  writeProcess(node, 202, 'nginx', web);
  writeProcess(node, 300, 'postgres', db);
  writeProcess(node, 400, 'job', batch);
  // The kubelet's files name two of the three pods; batch's logs are gone.
  node.write(`var/log/pods/default_web-7d9f8b6c4-x2k9p_${UIDS.web}/nginx/0.log`, '');
  node.write(`var/log/pods/data_db-0_${UIDS.db}/postgres/0.log`, '');
  fs.symlinkSync('/dev/null', path.join(node.env.INFRA_LENS_CONTAINER_LOGS_ROOT, `web-7d9f8b6c4-x2k9p_default_nginx-${hex('a')}.log`));
  fs.symlinkSync('/dev/null', path.join(node.env.INFRA_LENS_CONTAINER_LOGS_ROOT, `db-0_data_postgres-${hex('b')}.log`));
  node.write(`var/lib/kubelet/pods/${UIDS.batch}/containers/job/abc123`, '');
  return node;
}

for (const layout of LAYOUTS) {
  test(`containers: cgroup v2, ${layout.driver} driver, ${layout.runtime}: names, QoS, limits and use as the files say`, async () => {
    const node = buildNode(layout);
    try {
      const r = await containers(node);
      assert.equal(r.ok, true, r.error);
      const d = r.data;
      assert.equal(d.containers.length, 4, 'web, its sandbox, db and batch; systemd and the kubelet are not containers');
      assert.deepEqual(d.cgroupVersions, [2]);

      const web = byId(d, hex('a'));
      assert.equal(web.cgroup.driver, layout.driver);
      assert.equal(web.cgroup.runtime, layout.expectedRuntime);
      assert.equal(web.cgroup.qos, 'burstable');
      assert.equal(web.cgroup.podUid, UIDS.web);
      assert.deepEqual(web.pod, { namespace: 'default', name: 'web-7d9f8b6c4-x2k9p' });
      assert.equal(web.name, 'nginx');
      assert.deepEqual(web.pids, [201, 202]);
      assert.equal(web.version, 2);
      assert.deepEqual(web.limits.memory, { limitBytes: 1073741824, usageBytes: 536870912, peakBytes: 603979776, oomKills: 0, limitHits: 0 });
      assert.deepEqual(web.limits.cpu, { quotaUsec: 100000, periodUsec: 100000, limitCores: 1, weight: 79, usageUsec: 8213004, periods: 1200, throttledPeriods: 38, throttledUsec: 38000 });
      assert.deepEqual(web.limits.pids, { current: 2, max: 4096 });
      assert.equal(web.limits.pressure.memory?.some?.avg10, 2.5);
      assert.equal(web.limits.pressure.memory?.full?.totalUsec, 400000);
      assert.equal(web.files['memory.max'].text, '1073741824');
      assert.deepEqual(web.unreadable, []);

      const pause = byId(d, hex('e'));
      assert.equal(pause.sandbox, true);
      assert.equal(pause.limits.memory.limitBytes, 'unlimited');

      const db = byId(d, hex('b'));
      assert.equal(db.cgroup.qos, 'guaranteed');
      assert.deepEqual(db.pod, { namespace: 'data', name: 'db-0' });
      assert.equal(db.limits.memory.oomKills, 3);
      assert.equal(db.limits.cpu.limitCores, 2);

      const batch = byId(d, hex('c'));
      assert.equal(batch.cgroup.qos, 'besteffort');
      assert.equal(batch.pod, undefined, 'no pod log directory: the reading says only what the cgroup says');
      assert.equal(batch.name, undefined);
      assert.equal(batch.limits.memory.limitBytes, 'unlimited');
      assert.equal(batch.limits.pids.max, 'unlimited');

      assert.match(r.text, /default\/web-7d9f8b6c4-x2k9p +nginx +burstable/);
      assert.match(r.text, /512\.0 MiB \/ 1\.0 GiB/);
      assert.match(r.text, new RegExp(`pod ${UIDS.batch} +\\? +besteffort`));
      const json = JSON.parse(JSON.stringify(r.data)) as ContainersData;
      // Plain JSON (no bigint), as --json and executeCommand need.
      assert.deepEqual(json.containers.map((c) => c.limits.pressure.memory), d.containers.map((c) => c.limits.pressure.memory));
    } finally {
      node.remove();
    }
  });
}

test('containers: a container whose cgroup is removed between the process scan and the file reads is marked, not a crash', async () => {
  const node = fakeNode();
  try {
    const gone = `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${us(UIDS.web)}.slice/cri-containerd-${hex('d')}.scope`;
    // The files read first are still there; the rest of the directory (and cgroup.procs) went with the exit.
    node.write(`sys/fs/cgroup${gone}/memory.max`, '268435456\n');
    node.write(`sys/fs/cgroup${gone}/memory.events`, 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n');
    writeProcess(node, 500, 'app', gone);
    // And a process listed in /proc whose entry vanished before its cgroup file was read.
    fs.mkdirSync(path.join(node.proc, '501'));
    const r = await containers(node);
    assert.equal(r.ok, true, r.error);
    const c = byId(r.data, hex('d'));
    assert.equal(c.exitedDuringRead, true);
    assert.equal(c.limits.memory.limitBytes, 268435456, 'what was read before the exit is kept');
    assert.equal(c.limits.memory.usageBytes, undefined);
    assert.match(r.text, /exited while being read/);
    assert.equal(r.data.containers.length, 1);
  } finally {
    node.remove();
  }
});

test('containers --pid: one container in full, its own resolv.conf linted and its query plan for --name', async () => {
  const node = buildNode(LAYOUTS[0]);
  try {
    const r = await containers(node, { pid: 201, options: { name: 'api.example.com' } });
    assert.equal(r.ok, true, r.error);
    const s = r.data.selected;
    assert.ok(s);
    assert.equal(s.cgroup.containerId, hex('a'));
    assert.deepEqual(s.pids, [201, 202], 'the whole container, not only the pid asked for');
    assert.ok(s.resolvConf);
    assert.equal(s.resolvConf.path, path.join(node.proc, '201', 'root', 'etc', 'resolv.conf'));
    assert.deepEqual(s.resolvConf.nameservers, ['10.96.0.10']);
    assert.equal(s.resolvConf.ndots, 5);
    assert.deepEqual(s.resolvConf.plan?.queries.slice(0, 4).map((q) => `${q.name} ${q.type}`), [
      'api.example.com.default.svc.cluster.local. A',
      'api.example.com.default.svc.cluster.local. AAAA',
      'api.example.com.svc.cluster.local. A',
      'api.example.com.svc.cluster.local. AAAA',
    ]);
    assert.equal(s.resolvConf.plan?.queries.at(-1)?.name, 'api.example.com.');
    assert.ok(s.resolvConf.findings.some((f) => f.ruleId === 'resolvconf/ndots-search-amplification' || f.ruleId.startsWith('resolvconf/')), JSON.stringify(s.resolvConf.findings));
    assert.match(r.text, /Query plan for api\.example\.com from inside this container:\n +1\. api\.example\.com\.default\.svc\.cluster\.local\. A/);
    assert.match(r.text, /limit      1\.0 GiB\n/);
    assert.match(r.text, /throttled  38 of 1200 periods, 38000 µs in all/);

    const byName = await containers(node, { options: { container: 'postgres' } });
    assert.equal(byName.data.selected?.cgroup.containerId, hex('b'));
    assert.match(byName.data.selected?.resolvConfError ?? '', /cannot read .*301|cannot read .*300\/root\/etc\/resolv\.conf/);

    const notContainer = await containers(node, { pid: 100 });
    assert.equal(notContainer.ok, false);
    assert.match(notContainer.error ?? '', /process 100 is not in a Kubernetes container's cgroup/);
    const noMatch = await containers(node, { options: { container: 'nope' } });
    assert.equal(noMatch.ok, false);
    assert.equal(noMatch.exitCode, 2);
  } finally {
    node.remove();
  }
});

test('containers: a node without pods says so, and a cgroup v1 tree under the override is read per controller', async () => {
  const node = fakeNode();
  try {
    writeProcess(node, 1, 'init', '/');
    const empty = await containers(node);
    assert.equal(empty.ok, true);
    assert.equal(empty.data.containers.length, 0);
    assert.match(empty.text, /No process is in a Kubernetes pod cgroup/);
  } finally {
    node.remove();
  }
  const v1 = fakeNode();
  try {
    fs.rmSync(path.join(v1.cgroup, 'cgroup.controllers'));
    fs.rmSync(path.join(v1.cgroup, 'cgroup.procs'));
    const rel = `kubepods/burstable/pod${UIDS.web}/${hex('f')}`;
    for (const c of ['memory', 'cpu,cpuacct', 'pids']) v1.write(`sys/fs/cgroup/${c}/cgroup.procs`, '');
    v1.write(`sys/fs/cgroup/memory/${rel}/memory.limit_in_bytes`, '9223372036854771712\n');
    v1.write(`sys/fs/cgroup/memory/${rel}/memory.usage_in_bytes`, '1048576\n');
    v1.write(`sys/fs/cgroup/memory/${rel}/memory.oom_control`, 'oom_kill_disable 0\nunder_oom 0\noom_kill 4\n');
    v1.write(`sys/fs/cgroup/cpu,cpuacct/${rel}/cpu.cfs_quota_us`, '-1\n');
    v1.write(`sys/fs/cgroup/cpu,cpuacct/${rel}/cpu.cfs_period_us`, '100000\n');
    v1.write(`sys/fs/cgroup/cpu,cpuacct/${rel}/cpu.shares`, '204\n');
    v1.write(`sys/fs/cgroup/cpu,cpuacct/${rel}/cpu.stat`, 'nr_periods 10\nnr_throttled 2\nthrottled_time 5000000\n');
    v1.write(`sys/fs/cgroup/cpu,cpuacct/${rel}/cpuacct.usage`, '123456789000\n');
    v1.write(`sys/fs/cgroup/pids/${rel}/pids.max`, 'max\n');
    v1.write(`sys/fs/cgroup/pids/${rel}/pids.current`, '3\n');
    v1.write(`sys/fs/cgroup/memory/${rel}/cgroup.procs`, '');
    v1.write('proc/700/cgroup', `12:pids:/${rel}\n4:memory:/${rel}\n3:cpu,cpuacct:/${rel}\n1:name=systemd:/${rel}\n0::/\n`);
    v1.write('proc/700/stat', '700 (app) S 1 700 700 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1\n');
    const r = await containers(v1);
    const c = byId(r.data, hex('f'));
    assert.equal(c.version, 1);
    assert.deepEqual(c.limits.memory, { limitBytes: 'unlimited', usageBytes: 1048576, peakBytes: undefined, oomKills: 4 });
    assert.deepEqual(c.limits.cpu, { quotaUsec: 'unlimited', periodUsec: 100000, limitCores: 'unlimited', shares: 204, periods: 10, throttledPeriods: 2, throttledUsec: 5000, usageUsec: 123456789 });
    assert.deepEqual(c.limits.pids, { current: 3, max: 'unlimited' });
  } finally {
    v1.remove();
  }
});

test('infra-lens proc containers --json over a fake node root prints the data; the text names the pods', () => {
  const node = buildNode(LAYOUTS[1]);
  try {
    const env = { ...process.env, ...node.env };
    const json = spawnSync(process.execPath, [cliPath, 'proc', 'containers', '--json'], { encoding: 'utf8', env });
    assert.equal(json.status, 0, json.stderr);
    const data = JSON.parse(json.stdout) as ContainersData;
    assert.deepEqual(data.containers.map((c) => `${c.pod?.name ?? c.cgroup.podUid}/${c.name ?? (c.sandbox ? 'sandbox' : '?')}`).sort(), ['11111111-aaaa-4bbb-8ccc-000000000003/?', 'db-0/postgres', 'web-7d9f8b6c4-x2k9p/nginx', 'web-7d9f8b6c4-x2k9p/sandbox']);
    const text = spawnSync(process.execPath, [cliPath, 'proc', 'containers', '--container', 'nginx'], { encoding: 'utf8', env });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Container nginx in default\/web-7d9f8b6c4-x2k9p\n/);
  } finally {
    node.remove();
  }
});

test("containers: the runtime's state (containerd's and CRI-O's bundle config.json annotations) names a container the kubelet's log directories do not, with its image", async () => {
  const node = fakeNode();
  try {
    const uid = '33333333-aaaa-4bbb-8ccc-000000000001';
    const cd = layoutPath(LAYOUTS[0], uid, hex('1'));
    const crio = layoutPath(LAYOUTS[1], uid, hex('2'));
    const sandbox = layoutPath(LAYOUTS[0], uid, hex('3'));
    for (const p of [cd, crio, sandbox]) writeV2Container(node, p, { memoryMax: 'max', memoryCurrent: '1', oomKill: 0, cpuMax: 'max 100000', pidsMax: 'max', pidsCurrent: '1' });
    writeProcess(node, 10, 'app', cd);
    writeProcess(node, 11, 'sidecar', crio);
    writeProcess(node, 12, 'sleep', sandbox);
    node.write(`run/containerd/io.containerd.runtime.v2.task/k8s.io/${hex('1')}/config.json`, JSON.stringify({ ociVersion: '1.1.0', annotations: { 'io.kubernetes.cri.container-type': 'container', 'io.kubernetes.cri.container-name': 'app', 'io.kubernetes.cri.sandbox-name': 'shop-0', 'io.kubernetes.cri.sandbox-namespace': 'shop', 'io.kubernetes.cri.image-name': 'registry.example/shop:1.4' } }));
    node.write(`run/containers/storage/overlay-containers/${hex('2')}/userdata/config.json`, JSON.stringify({ annotations: { 'io.kubernetes.container.name': 'sidecar', 'io.kubernetes.pod.name': 'shop-0', 'io.kubernetes.pod.namespace': 'shop', 'io.kubernetes.cri-o.ImageName': 'envoy:1.30' } }));
    node.write(`run/containerd/io.containerd.runtime.v2.task/k8s.io/${hex('3')}/config.json`, JSON.stringify({ annotations: { 'io.kubernetes.cri.container-type': 'sandbox', 'io.kubernetes.cri.sandbox-name': 'shop-0' } }));
    const r = await containers(node);
    const app = byId(r.data, hex('1'));
    assert.equal(app.name, 'app');
    assert.equal(app.image, 'registry.example/shop:1.4');
    assert.deepEqual(app.pod, { namespace: 'shop', name: 'shop-0' });
    const side = byId(r.data, hex('2'));
    assert.equal(side.name, 'sidecar');
    assert.equal(side.image, 'envoy:1.30');
    assert.equal(byId(r.data, hex('3')).sandbox, true, 'a sandbox by its annotation, whatever its process is called');
  } finally {
    node.remove();
  }
});

function layoutPath(layout: Layout, uid: string, id: string): string {
  return layout.path(uid, 'burstable', id);
}
