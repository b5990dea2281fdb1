// What the kubelet writes on the node that names pods and containers without the API:
//   /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log   (kuberuntime_logs)
//   /var/log/containers/<pod>_<namespace>_<container>-<containerID>.log  (symlinks)
//   /var/lib/kubelet/pods/<uid>/containers/<container>/                (termination logs)
// Namespaces, pod names and container names are DNS labels/subdomains, so '_' separates them
// unambiguously. Parsers are pure; the read functions list directories and nothing else.

import * as path from 'node:path';
import type { NodeRoots } from './nodeRoots';
import { listDir, type ReadError } from './procfs';

export interface PodLogDir {
  namespace: string;
  name: string;
  uid: string;
}

export interface ContainerLogName {
  pod: string;
  namespace: string;
  container: string;
  containerId: string;
}

export function parsePodLogDir(entry: string): PodLogDir | undefined {
  const parts = entry.split('_');
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  return { namespace: parts[0], name: parts[1], uid: parts[2] };
}

export function parseContainerLogName(entry: string): ContainerLogName | undefined {
  const m = /^([^_]+)_([^_]+)_([^_]+)-([0-9a-f]{64})\.log$/.exec(entry);
  return m ? { pod: m[1], namespace: m[2], container: m[3], containerId: m[4] } : undefined;
}

export interface PodFacts {
  namespace?: string;
  name?: string;
  /** Container names the kubelet has directories for. */
  containers: string[];
}

export interface KubeletFacts {
  /** By pod UID. */
  pods: Map<string, PodFacts>;
  /** By container id. */
  containers: Map<string, ContainerLogName>;
  /** What could not be listed (absent on a node without a kubelet, or not readable). */
  unreadable: ReadError[];
}

export async function readKubeletFacts(roots: NodeRoots): Promise<KubeletFacts> {
  const pods = new Map<string, PodFacts>();
  const containers = new Map<string, ContainerLogName>();
  const unreadable: ReadError[] = [];
  const pod = (uid: string) => {
    let p = pods.get(uid);
    if (!p) pods.set(uid, (p = { containers: [] }));
    return p;
  };
  const addContainer = (p: PodFacts, name: string) => {
    if (!p.containers.includes(name)) p.containers.push(name);
  };
  const [logDirs, logLinks, kubeletPods] = await Promise.all([listDir(roots.podLogs), listDir(roots.containerLogs), listDir(path.join(roots.kubelet, 'pods'))]);
  if (logDirs.ok) {
    await Promise.all(
      logDirs.value.map(async (entry) => {
        const parsed = parsePodLogDir(entry);
        if (!parsed) return;
        const p = pod(parsed.uid);
        p.namespace = parsed.namespace;
        p.name = parsed.name;
        const names = await listDir(path.join(roots.podLogs, entry));
        if (names.ok) for (const n of names.value.sort()) addContainer(p, n);
      }),
    );
  } else unreadable.push(logDirs.error);
  if (logLinks.ok) {
    for (const entry of logLinks.value) {
      const parsed = parseContainerLogName(entry);
      if (parsed) containers.set(parsed.containerId, parsed);
    }
  } else unreadable.push(logLinks.error);
  if (kubeletPods.ok) {
    await Promise.all(
      kubeletPods.value.map(async (uid) => {
        const names = await listDir(path.join(roots.kubelet, 'pods', uid, 'containers'));
        if (names.ok) for (const n of names.value.sort()) addContainer(pod(uid), n);
      }),
    );
  } else unreadable.push(kubeletPods.error);
  return { pods, containers, unreadable };
}
