// Where a node keeps what the container reading joins. Every root can be moved (tests point
// them at fixture trees; a node image may mount the host at /host): PROC_ROOT as for ss,
// and INFRA_LENS_CGROUP_ROOT, INFRA_LENS_KUBELET_ROOT, INFRA_LENS_POD_LOGS_ROOT,
// INFRA_LENS_CONTAINER_LOGS_ROOT and INFRA_LENS_RUN_ROOT for the rest.

import { procRoot } from './procfs';

export interface NodeRoots {
  proc: string;
  /** Where the cgroup file systems are mounted (v2 at the root, or v1 per controller). */
  cgroup: string;
  /** The kubelet's root directory: pods/<uid>/ … */
  kubelet: string;
  /** /var/log/pods/<namespace>_<name>_<uid>/<container>/ */
  podLogs: string;
  /** /var/log/containers/<pod>_<namespace>_<container>-<id>.log */
  containerLogs: string;
  /** The runtimes' state: /run/containerd/…, /run/containers/storage/… */
  run: string;
}

export const DEFAULT_CGROUP_ROOT = '/sys/fs/cgroup';

export function nodeRoots(env: NodeJS.ProcessEnv = process.env): NodeRoots {
  return {
    proc: env === process.env ? procRoot() : env.PROC_ROOT || '/proc',
    cgroup: env.INFRA_LENS_CGROUP_ROOT || DEFAULT_CGROUP_ROOT,
    kubelet: env.INFRA_LENS_KUBELET_ROOT || '/var/lib/kubelet',
    podLogs: env.INFRA_LENS_POD_LOGS_ROOT || '/var/log/pods',
    containerLogs: env.INFRA_LENS_CONTAINER_LOGS_ROOT || '/var/log/containers',
    run: env.INFRA_LENS_RUN_ROOT || '/run',
  };
}
