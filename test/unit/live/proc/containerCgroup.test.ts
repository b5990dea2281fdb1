// Naming a cgroup path: the kubelet's two drivers, three runtimes, v1 and v2 (same paths),
// QoS classes, a systemd pod UID with underscores, nested nodes, and paths that are not pods'.

import assert from 'node:assert/strict';
import test from 'node:test';
import { nameCgroupPath, nameProcessCgroups } from '../../../../server/src/live/proc/containerCgroup';
import { parseCgroup } from '../../../../server/src/live/proc/pidCgroup';

const UID = '5f8e3c1a-9b2d-4e6f-8a7c-1d2e3f4a5b6c';
const UID_ = UID.replace(/-/g, '_');
const ID = 'a3f1c9e27b4d6f80a3f1c9e27b4d6f80a3f1c9e27b4d6f80a3f1c9e27b4d6f80';

const CASES: Array<[string, string, Record<string, unknown> | undefined]> = [
  ['systemd containerd burstable', `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_}.slice/cri-containerd-${ID}.scope`, { driver: 'systemd', qos: 'burstable', runtime: 'containerd' }],
  ['systemd containerd guaranteed', `/kubepods.slice/kubepods-pod${UID_}.slice/cri-containerd-${ID}.scope`, { driver: 'systemd', qos: 'guaranteed', runtime: 'containerd' }],
  ['systemd CRI-O besteffort', `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID_}.slice/crio-${ID}.scope`, { driver: 'systemd', qos: 'besteffort', runtime: 'cri-o' }],
  ['systemd CRI-O crun sub-cgroup', `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_}.slice/crio-${ID}.scope/container`, { driver: 'systemd', runtime: 'cri-o' }],
  ['systemd CRI-O conmon', `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_}.slice/crio-conmon-${ID}.scope`, { runtime: 'cri-o', monitor: true }],
  ['systemd Docker', `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID_}.slice/docker-${ID}.scope`, { driver: 'systemd', runtime: 'docker' }],
  ['systemd kind (--cgroup-root=/kubelet)', `/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-burstable.slice/kubelet-kubepods-burstable-pod${UID_}.slice/cri-containerd-${ID}.scope`, { driver: 'systemd', qos: 'burstable', runtime: 'containerd' }],
  ['cgroupfs containerd burstable', `/kubepods/burstable/pod${UID}/${ID}`, { driver: 'cgroupfs', qos: 'burstable', runtime: undefined }],
  ['cgroupfs guaranteed', `/kubepods/pod${UID}/${ID}`, { driver: 'cgroupfs', qos: 'guaranteed' }],
  ['cgroupfs CRI-O', `/kubepods/besteffort/pod${UID}/crio-${ID}`, { driver: 'cgroupfs', qos: 'besteffort', runtime: 'cri-o' }],
  ['cgroupfs inside a Docker node (no cgroupns)', `/docker/${ID}/kubepods/burstable/pod${UID}/${ID}`, { driver: 'cgroupfs', qos: 'burstable' }],
  ['the pod cgroup itself', `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_}.slice`, { containerId: undefined, qos: 'burstable' }],
  ['a static pod (hash UID)', `/kubepods/burstable/pod0123456789abcdef0123456789abcdef/${ID}`, { podUid: '0123456789abcdef0123456789abcdef' }],
];

for (const [what, p, expected] of CASES) {
  test(`nameCgroupPath: ${what}`, () => {
    const n = nameCgroupPath(p);
    assert.ok(n, p);
    if (!('podUid' in (expected ?? {}))) assert.equal(n.podUid, UID, 'the UID with dashes');
    if (!('containerId' in (expected ?? {}))) assert.equal(n.containerId, ID);
    for (const [k, v] of Object.entries(expected ?? {})) assert.equal((n as unknown as Record<string, unknown>)[k], v, k);
    assert.ok(p.startsWith(n.podPath));
    assert.ok(n.containerPath === p || `${n.containerPath}/container` === p);
  });
}

for (const p of ['/', '/system.slice/containerd.service', '/user.slice/user-1000.slice/session-2.scope', `/docker/${ID}`, '/kubepods', '/kubepods/burstable', '/kubepods.slice/kubepods-burstable.slice', `/kubepods/burstable/pod${UID}/not-a-container`, `/kubepods/burstable/podnotauid/${ID}`, `/kubepods.slice/kubepods-burstable.slice/kubepods-besteffort-pod${UID_}.slice/cri-containerd-${ID}.scope`]) {
  test(`nameCgroupPath: not a pod's container: ${p}`, () => {
    assert.equal(nameCgroupPath(p), undefined);
  });
}

test('nameProcessCgroups: a hybrid v1 node names the container from the memory line when the v2 line is "/"', () => {
  const lines = parseCgroup(`9:name=systemd:/\n8:pids:/kubepods/burstable/pod${UID}/${ID}\n4:memory:/kubepods/burstable/pod${UID}/${ID}\n1:cpu:/kubepods/burstable/pod${UID}/${ID}\n0::/\n`);
  assert.equal(nameProcessCgroups(lines)?.containerId, ID);
  assert.equal(nameProcessCgroups(parseCgroup('4:memory:/\n0::/system.slice/ssh.service\n')), undefined);
});
