// What the container runtime keeps on the node about a running container: the OCI bundle's
// config.json, whose annotations the CRI plugin sets (containerd: io.kubernetes.cri.*,
// pkg/cri/annotations; CRI-O: io.kubernetes.container.name, io.kubernetes.pod.*,
// io.kubernetes.cri-o.ImageName). Read-only and optional: absent on Docker nodes, or when
// the runtime's state directory is not readable.

import * as path from 'node:path';
import type { Runtime } from './containerCgroup';
import type { NodeRoots } from './nodeRoots';
import { readText } from './procfs';

export interface RuntimeFacts {
  containerName?: string;
  podName?: string;
  podNamespace?: string;
  image?: string;
  sandbox?: boolean;
  /** The file the facts came from. */
  source: string;
}

/** The annotations of an OCI runtime spec (config.json); undefined when it is not one. */
export function parseOciAnnotations(text: string): Record<string, string> | undefined {
  try {
    const spec = JSON.parse(text) as { annotations?: unknown };
    const a = spec?.annotations;
    if (typeof a !== 'object' || a === null) return undefined;
    return Object.fromEntries(Object.entries(a).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

export function factsFromAnnotations(a: Record<string, string>, source: string): RuntimeFacts | undefined {
  const type = a['io.kubernetes.cri.container-type'] ?? a['io.kubernetes.cri-o.ContainerType'];
  const facts: RuntimeFacts = {
    containerName: a['io.kubernetes.cri.container-name'] ?? a['io.kubernetes.container.name'],
    podName: a['io.kubernetes.cri.sandbox-name'] ?? a['io.kubernetes.pod.name'],
    podNamespace: a['io.kubernetes.cri.sandbox-namespace'] ?? a['io.kubernetes.pod.namespace'],
    image: a['io.kubernetes.cri.image-name'] ?? a['io.kubernetes.cri-o.ImageName'],
    sandbox: type === undefined ? undefined : type === 'sandbox',
    source,
  };
  return facts.containerName || facts.podName || facts.image || facts.sandbox !== undefined ? facts : undefined;
}

/** Where each runtime keeps a running container's bundle config, under the /run root. */
function bundleConfigs(run: string, id: string, runtime: Runtime | undefined): string[] {
  const containerd = path.join(run, 'containerd', 'io.containerd.runtime.v2.task', 'k8s.io', id, 'config.json');
  const crio = path.join(run, 'containers', 'storage', 'overlay-containers', id, 'userdata', 'config.json');
  if (runtime === 'containerd') return [containerd];
  if (runtime === 'cri-o') return [crio];
  if (runtime === 'docker') return [];
  return [containerd, crio];
}

export async function readRuntimeFacts(roots: NodeRoots, id: string, runtime: Runtime | undefined): Promise<RuntimeFacts | undefined> {
  for (const file of bundleConfigs(roots.run, id, runtime)) {
    const text = await readText(file);
    if (!text.ok) continue;
    const a = parseOciAnnotations(text.value);
    const facts = a && factsFromAnnotations(a, file);
    if (facts) return facts;
  }
  return undefined;
}
