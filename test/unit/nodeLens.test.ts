// The manifest -> node join, pure: quantities as a manifest writes them, the resize status
// wording per Kubernetes version, and CPU use from two readings of the usage counter.

import assert from 'node:assert/strict';
import test from 'node:test';
import type { ContainerInfo } from '../../server/src/live/proc/containerScan';
import { lensTitle, NodeLensSource, quantityBytes, resizeStatusWording } from '../../server/src/nodeLens';

function container(usageUsec: number, over: Partial<ContainerInfo['limits']['memory']> = {}): ContainerInfo {
  return {
    key: 'uid/id',
    cgroup: { driver: 'systemd', qos: 'burstable', podUid: 'uid', containerId: 'id', podPath: '/p', containerPath: '/p/c' },
    version: 2,
    pids: [1],
    commands: ['app'],
    sandbox: false,
    pod: { namespace: 'default', name: 'web' },
    name: 'web',
    limits: { memory: { limitBytes: 1073741824, usageBytes: 536870912, oomKills: 0, ...over }, cpu: { limitCores: 1, usageUsec }, pids: {}, pressure: {} },
    files: {},
    exitedDuringRead: false,
    unreadable: [],
  };
}

test('quantityBytes writes whole units as a manifest does, else one decimal', () => {
  assert.equal(quantityBytes(536870912), '512Mi');
  assert.equal(quantityBytes(1073741824), '1Gi');
  assert.equal(quantityBytes(1610612736), '1536Mi');
  assert.equal(quantityBytes(123456789), '117.7Mi');
});

test('status.resize wording: 1.27–1.32 status.resize values, 1.33+ PodResizePending / PodResizeInProgress conditions', () => {
  assert.match(resizeStatusWording('1.32'), /`status\.resize`: `Proposed`.*`InProgress`.*`Deferred`.*`Infeasible`/);
  assert.doesNotMatch(resizeStatusWording('1.32'), /PodResizePending/);
  assert.match(resizeStatusWording('1.33'), /PodResizePending.*Deferred.*Infeasible.*PodResizeInProgress.*deprecated/s);
});

test('the lens title: memory use of limit, CPU use of limit once two readings exist, OOM kills', () => {
  assert.equal(lensTitle(container(0), undefined, []), 'live: memory 512Mi of limit 1Gi, cpu limit 1, 0 OOM kills');
  assert.equal(lensTitle(container(0, { limitBytes: 'unlimited', oomKills: 1 }), { cores: 0.5 }, []), 'live: memory 512Mi of no limit, cpu 0.5 of 1, 1 OOM kill');
});

test('NodeLensSource: one scan per max age, and CPU use = Δusage_usec / Δt between scans', async () => {
  let now = 1000;
  let usage = 0;
  let scans = 0;
  const source = new NodeLensSource(async () => (scans++, [container(usage)]), 3000, () => now);
  const first = await source.read();
  assert.equal(first.rates.size, 0, 'one reading: no rate yet');
  now += 1000;
  await source.read();
  assert.equal(scans, 1, 'within the max age the last scan is reused');
  now += 3000;
  usage = 2_000_000; // 2 s of CPU in 4 s
  const second = await source.read();
  assert.equal(scans, 2);
  assert.equal(second.rates.get('uid/id')?.cores, 0.5);
});

test('nodeLenses: by pod name and namespace, a workload by its pods; by image and container name when only the cgroup and runtime state are known', async () => {
  const { parseK8s } = await import('../../server/src/languages/k8s/model');
  const { nodeLenses } = await import('../../server/src/nodeLens');
  const ast = parseK8s(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16
          resources: { limits: { memory: 1Gi, cpu: 250m } }
`);
  const running = (over: Partial<ContainerInfo>) => ({ ...container(0), name: 'postgres', ...over });
  const lenses = (c: ContainerInfo[]) => nodeLenses({ ast, containers: c, kubernetesVersion: '1.35' }).map((l) => l.title);
  assert.deepEqual(lenses([running({ pod: { namespace: 'data', name: 'db-0' }, limits: { ...container(0).limits, cpu: { limitCores: 0.25 } } })]), ['db-0: live: memory 512Mi of limit 1Gi, cpu limit 0.25, 0 OOM kills']);
  assert.deepEqual(lenses([running({ pod: { namespace: 'other', name: 'db-0' } })]), [], 'another namespace');
  assert.deepEqual(lenses([running({ pod: { namespace: 'data', name: 'dbx-0' } })]), [], 'another StatefulSet');
  assert.deepEqual(lenses([running({ pod: undefined, image: 'postgres:16' })]), ['pod uid: live: memory 512Mi of limit 1Gi, cpu limit 1, 0 OOM kills — cpu: manifest 250m, node still 1: the resize is not applied yet']);
  assert.deepEqual(lenses([running({ pod: undefined, image: 'postgres:15' })]), [], 'another image');
  assert.deepEqual(lenses([running({ pod: { namespace: 'data', name: 'db-0' }, sandbox: true })]), [], 'not the sandbox');
});
