// What a cgroup path says about a Kubernetes container: the kubelet names the pod's cgroup
// (pkg/kubelet/cm: cgroup_manager_linux.go, qos_container_manager_linux.go) and the runtime
// names the container's below it. Two drivers:
//   cgroupfs  /kubepods/burstable/pod<uid>/<id>                    (guaranteed pods sit
//             directly under /kubepods; CRI-O writes crio-<id>)
//   systemd   /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid_>.slice/
//             cri-containerd-<id>.scope  (crio-<id>.scope, docker-<id>.scope; the systemd
//             driver turns the uid's dashes into underscores, since '-' means nesting)
// The same names under cgroup v1 (each controller's hierarchy) and v2. A node inside a
// container (kind) or a kubelet --cgroup-root puts a prefix before kubepods: it is kept.

export type QosClass = 'guaranteed' | 'burstable' | 'besteffort';
export type CgroupDriver = 'cgroupfs' | 'systemd';
export type Runtime = 'containerd' | 'cri-o' | 'docker';

export interface ContainerCgroupName {
  driver: CgroupDriver;
  qos: QosClass;
  /** The pod UID with dashes, as the API server prints it. */
  podUid: string;
  /** The container id (64 hex digits for every runtime here); absent for the pod's own cgroup. */
  containerId?: string;
  /** Undefined when the path carries a bare id (cgroupfs driver with containerd or Docker). */
  runtime?: Runtime;
  /** CRI-O's conmon monitor process, not a container's own process. */
  monitor?: boolean;
  /** The pod's cgroup path (where pod-level limits are). */
  podPath: string;
  /** The container's cgroup path (the pod's path when there is no container segment). */
  containerPath: string;
}

const UID = '[0-9a-fA-F]{8}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{12}';
// Static pods' UIDs are hashes of the manifest (32 hex digits), not RFC 4122 UUIDs.
const POD_UID = `(${UID}|[0-9a-f]{32})`;
const ID = '([0-9a-f]{64})';

const SYSTEMD_RUNTIMES: Array<[RegExp, Runtime, boolean?]> = [
  [new RegExp(`^cri-containerd-${ID}\\.scope$`), 'containerd'],
  [new RegExp(`^crio-conmon-${ID}\\.scope$`), 'cri-o', true],
  [new RegExp(`^crio-${ID}\\.scope$`), 'cri-o'],
  [new RegExp(`^docker-${ID}\\.scope$`), 'docker'],
];
const CGROUPFS_RUNTIMES: Array<[RegExp, Runtime | undefined, boolean?]> = [
  [new RegExp(`^crio-conmon-${ID}$`), 'cri-o', true],
  [new RegExp(`^crio-${ID}$`), 'cri-o'],
  [new RegExp(`^cri-containerd-${ID}$`), 'containerd'],
  [new RegExp(`^docker-${ID}$`), 'docker'],
  [new RegExp(`^${ID}$`), undefined],
];

function uidWithDashes(uid: string): string {
  return uid.replace(/_/g, '-').toLowerCase();
}

function containerSegment(segment: string | undefined, table: Array<[RegExp, Runtime | undefined, boolean?]>) {
  if (segment === undefined) return undefined;
  for (const [re, runtime, monitor] of table) {
    const m = re.exec(segment);
    if (m) return { containerId: m[1], runtime, monitor: monitor || undefined };
  }
  return null;
}

/** Names a cgroup path, or undefined when it is not a pod's (a system service, the root …). */
export function nameCgroupPath(cgroupPath: string): ContainerCgroupName | undefined {
  const segments = cgroupPath.split('/');
  // kind and other nested nodes run the kubelet with --cgroup-root=/kubelet, which the
  // systemd driver spells kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-burstable.slice/…
  const systemd = segments.findIndex((s) => /^(?:[a-z0-9_.]+-)?kubepods\.slice$/.test(s));
  if (systemd >= 0) return nameSystemd(segments, systemd);
  const cgroupfs = segments.indexOf('kubepods');
  if (cgroupfs >= 0) return nameCgroupfs(segments, cgroupfs);
  return undefined;
}

function finish(driver: CgroupDriver, qos: QosClass, uid: string, segments: string[], podEnd: number, container: ReturnType<typeof containerSegment>): ContainerCgroupName | undefined {
  if (container === null) return undefined; // something else below the pod: not a container we can name
  const podPath = segments.slice(0, podEnd + 1).join('/');
  // crun under CRI-O on v2 puts the processes one level down, in ".../crio-<id>.scope/container".
  const rest = segments.slice(podEnd + 2);
  if (container && rest.length > 1) return undefined;
  if (container && rest.length === 1 && rest[0] !== 'container') return undefined;
  const containerPath = container ? segments.slice(0, podEnd + 2).join('/') : podPath;
  return { driver, qos, podUid: uidWithDashes(uid), podPath, containerPath, ...(container ?? {}) };
}

function nameSystemd(segments: string[], at: number): ContainerCgroupName | undefined {
  const stem = segments[at].slice(0, -'.slice'.length).replace(/\./g, '\\.');
  let i = at + 1;
  let qos: QosClass = 'guaranteed';
  const qosMatch = new RegExp(`^${stem}-(burstable|besteffort)\\.slice$`).exec(segments[i] ?? '');
  if (qosMatch) {
    qos = qosMatch[1] as QosClass;
    i++;
  }
  const prefix = qos === 'guaranteed' ? stem : `${stem}-${qos}`;
  const pod = new RegExp(`^${prefix}-pod${POD_UID}\\.slice$`).exec(segments[i] ?? '');
  if (!pod) return undefined;
  return finish('systemd', qos, pod[1], segments, i, containerSegment(segments[i + 1], SYSTEMD_RUNTIMES));
}

function nameCgroupfs(segments: string[], at: number): ContainerCgroupName | undefined {
  let i = at + 1;
  let qos: QosClass = 'guaranteed';
  if (segments[i] === 'burstable' || segments[i] === 'besteffort') {
    qos = segments[i] as QosClass;
    i++;
  }
  const pod = new RegExp(`^pod${POD_UID}$`).exec(segments[i] ?? '');
  if (!pod) return undefined;
  return finish('cgroupfs', qos, pod[1], segments, i, containerSegment(segments[i + 1], CGROUPFS_RUNTIMES));
}

/** The first 12 digits, as crictl and docker print ids. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}

/** The container a process's /proc/<pid>/cgroup lines name (v2 line first, then v1 controllers). */
export function nameProcessCgroups(lines: Array<{ hierarchy: number; controllers: string[]; path: string }>): ContainerCgroupName | undefined {
  const ordered = [...lines.filter((l) => l.hierarchy === 0), ...['memory', 'cpu', 'pids'].flatMap((c) => lines.filter((l) => l.hierarchy !== 0 && l.controllers.includes(c))), ...lines];
  for (const line of ordered) {
    const n = nameCgroupPath(line.path);
    if (n) return n;
  }
  return undefined;
}
