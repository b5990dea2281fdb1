// Manifest -> node: a code lens over each container of a Pod or workload manifest whose pod
// runs on this node, with the live cgroup numbers, and the difference between the manifest's
// limits and the cgroup's (an in-place resize not applied yet). The join of a k8s parse
// (languages/k8s) and the container reading (live/proc); the reading is injected, so the LSP
// test feeds a fake node and the server the real one. Matching is by pod name and namespace
// as the kubelet's files name them (a Pod by its name, a workload by its pods' name prefix),
// or, when the node says only the container's name and image, by those.

import type { Position } from './core/finding';
import type { CodeLensEntry } from './core/languageService';
import type { Settings } from './core/settings';
import { k8sLanguage } from './languages/k8s';
import type { K8sAst, K8sObject } from './languages/k8s/model';
import { formatBytes } from './languages/k8s/quantity';
import { resourcesOf } from './languages/k8s/resources';
import { atLeast, parseVersion } from './languages/k8s/version';
import { type ContainerInfo, type LimitValue, scanContainers } from './live/proc/containerScan';
import { nodeRoots } from './live/proc/nodeRoots';
import { type ProcArgs, SHOW_SERVER_REPORT, ServerCommands } from './protocol';

/** Pod names a workload's controller gives its pods: <name>-<hash>-<5> (Deployment), <name>-<n> (StatefulSet) … */
function podBelongsTo(obj: K8sObject, podName: string): boolean {
  const name = obj.name;
  if (!name) return false;
  switch (obj.kind) {
    case 'Pod':
      return podName === name;
    case 'Deployment':
      return new RegExp(`^${escape(name)}-[a-z0-9]{1,10}-[a-z0-9]{5}$`).test(podName);
    case 'StatefulSet':
      return new RegExp(`^${escape(name)}-\\d+$`).test(podName);
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'Job':
      return new RegExp(`^${escape(name)}-[a-z0-9]{5}$`).test(podName);
    case 'CronJob':
      return new RegExp(`^${escape(name)}-\\d+-[a-z0-9]{5}$`).test(podName);
    default:
      return false;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Bytes the way a manifest writes them: 512Mi, 1Gi (exact when they are whole). */
export function quantityBytes(bytes: number): string {
  for (const [u, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (bytes >= size && bytes % size === 0) return `${bytes / size}${u}`;
  return formatBytes(bytes);
}

function limitText(v: LimitValue | undefined, kind: 'memory' | 'cpu'): string {
  if (v === undefined) return 'unknown';
  if (v === 'unlimited') return 'no limit';
  return kind === 'memory' ? quantityBytes(v) : String(Number(v.toFixed(3)));
}

export interface CpuRate {
  /** CPUs in use, averaged since the previous reading. */
  cores: number;
}

/** The in-place resize status wording of the cluster version the user set (infraLens.kubernetes.version). */
export function resizeStatusWording(version: string): string {
  const v = parseVersion(version);
  if (atLeast(v, '1.33')) {
    return (
      'Kubernetes ≥ 1.33 reports an in-place resize through pod conditions: `PodResizePending` (reason `Deferred`: the node has no room now, it is retried; ' +
      'reason `Infeasible`: this node can never fit it) and `PodResizeInProgress` while the kubelet applies it; `status.containerStatuses[].resources` shows what is applied. ' +
      '`status.resize` is deprecated.'
    );
  }
  return (
    'Kubernetes 1.27–1.32 reports an in-place resize in `status.resize`: `Proposed` (not acted on yet), `InProgress` (the kubelet is applying it), ' +
    '`Deferred` (no room on the node now; retried) or `Infeasible` (this node can never fit it); `status.containerStatuses[].resources` shows what is applied.'
  );
}

interface Difference {
  resource: 'memory' | 'cpu';
  manifest: string;
  node: string;
}

function limitDifferences(obj: K8sObject, container: NonNullable<K8sObject['pod']>['containers'][number], live: ContainerInfo): Difference[] {
  const out: Difference[] = [];
  const { limits } = resourcesOf(obj, container);
  const memory = limits.get('memory');
  const liveMemory = live.limits.memory.limitBytes;
  if (memory?.quantity.ok && liveMemory !== undefined) {
    const want = Math.floor(memory.quantity.value);
    // The kernel rounds a v1 limit down to whole pages: compare at page granularity.
    const same = liveMemory !== 'unlimited' && Math.abs(liveMemory - want) < 4096;
    if (!same) out.push({ resource: 'memory', manifest: memory.text, node: limitText(liveMemory, 'memory') });
  } else if (!memory && liveMemory !== undefined && liveMemory !== 'unlimited') {
    out.push({ resource: 'memory', manifest: 'no limit', node: limitText(liveMemory, 'memory') });
  }
  const cpu = limits.get('cpu');
  const liveCpu = live.limits.cpu.limitCores;
  if (cpu?.quantity.ok && liveCpu !== undefined) {
    // The kubelet sets quota = milli-CPUs × period / 1000, at least 1 ms.
    const same = liveCpu !== 'unlimited' && Math.abs(liveCpu - cpu.quantity.value) < 0.0015;
    if (!same) out.push({ resource: 'cpu', manifest: cpu.text, node: limitText(liveCpu, 'cpu') });
  } else if (!cpu && liveCpu !== undefined && liveCpu !== 'unlimited') {
    out.push({ resource: 'cpu', manifest: 'no limit', node: limitText(liveCpu, 'cpu') });
  }
  return out;
}

/** The lens title: "live: memory 512Mi of limit 1Gi, cpu 0.5 of 1, 0 OOM kills". */
export function lensTitle(live: ContainerInfo, rate: CpuRate | undefined, differences: Difference[]): string {
  const m = live.limits.memory;
  const memory = `memory ${m.usageBytes === undefined ? '?' : quantityBytes(m.usageBytes)} of ${m.limitBytes === 'unlimited' ? 'no limit' : `limit ${limitText(m.limitBytes, 'memory')}`}`;
  const cpuLimit = limitText(live.limits.cpu.limitCores, 'cpu');
  const cpu = rate ? `cpu ${Number(rate.cores.toFixed(2))} of ${cpuLimit}` : `cpu limit ${cpuLimit}`;
  const oom = `${m.oomKills ?? '?'} OOM kill${m.oomKills === 1 ? '' : 's'}`;
  const parts = [`live: ${memory}, ${cpu}, ${oom}`];
  for (const d of differences) parts.push(`${d.resource}: manifest ${d.manifest}, node still ${d.node}: the resize is not applied yet`);
  if (live.exitedDuringRead) parts.push('(exited while being read)');
  return parts.join(' — ');
}

export interface NodeLensInput {
  ast: K8sAst;
  containers: ContainerInfo[];
  /** CPU use per container key, from two readings. */
  rates?: Map<string, CpuRate>;
  kubernetesVersion: string;
}

interface Match {
  obj: K8sObject;
  live: ContainerInfo;
  differences: Difference[];
  /** Where the manifest's container starts (its "- name:" item). */
  start: number;
  /** Offsets the hover answers on: the container's first line and its resources block. */
  hoverSpans: Array<[number, number]>;
}

function matches(input: NodeLensInput): Match[] {
  const out: Match[] = [];
  const live = input.containers.filter((c) => c.name && !c.sandbox && (c.pod?.name || c.image));
  if (!live.length) return out;
  for (const obj of input.ast.objects) {
    const pod = obj.pod;
    if (!pod) continue;
    const namespace = obj.namespace ?? 'default';
    for (const container of pod.containers) {
      const start = container.map.range?.[0];
      if (start === undefined) continue;
      const lineEnd = input.ast.index.lineEnd(input.ast.index.positionAt(start).line);
      const resources = obj.map(container.map, 'resources')?.range;
      const hoverSpans: Array<[number, number]> = [[start, lineEnd]];
      if (resources) hoverSpans.push([resources[0], resources[1]]);
      const image = obj.str(obj.get(container.map, 'image'));
      for (const c of live) {
        if (c.name !== container.name) continue;
        // By pod name and namespace; when only the cgroup and the runtime's state are known, by image.
        const byPod = c.pod?.name !== undefined && c.pod.namespace === namespace && podBelongsTo(obj, c.pod.name);
        const byImage = c.pod?.name === undefined && image !== undefined && c.image === image;
        if (!byPod && !byImage) continue;
        out.push({ obj, live: c, differences: limitDifferences(obj, container, c), start, hoverSpans });
      }
    }
  }
  return out;
}

export function nodeLenses(input: NodeLensInput): CodeLensEntry[] {
  return matches(input).map((m) => {
    const position = input.ast.index.positionAt(m.start);
    const podName = m.obj.kind === 'Pod' && m.live.pod?.name ? '' : `${m.live.pod?.name ?? `pod ${m.live.cgroup.podUid}`}: `;
    return {
      range: { start: position, end: position },
      title: podName + lensTitle(m.live, input.rates?.get(m.live.key), m.differences),
      command: SHOW_SERVER_REPORT,
      arguments: [ServerCommands.proc, { reading: 'containers', pid: m.live.pids[0] } satisfies ProcArgs],
    };
  });
}

/** Markdown for a hover on a container's first line or its resources: the live values and, when the limits differ, what the resize status means. */
export function nodeHover(input: NodeLensInput, offset: number): string | undefined {
  const here = matches(input).filter((m) => m.hoverSpans.some(([a, b]) => offset >= a && offset <= b));
  if (!here.length) return undefined;
  const parts = here.map((m) => {
    const c = m.live;
    const where = c.pod?.name ? `${c.pod.namespace}/${c.pod.name}` : `pod ${c.cgroup.podUid}${c.image ? ` (image ${c.image})` : ''}`;
    const lines = [`**On this node:** ${where} container \`${c.name}\` (cgroup v${c.version}, \`${c.cgroup.containerPath}\`)`, '', lensTitle(c, input.rates?.get(c.key), [])];
    for (const d of m.differences) lines.push('', `**${d.resource}:** manifest ${d.manifest}, node still ${d.node}: the resize is not applied yet (or this manifest is not what was applied).`);
    if (m.differences.length) lines.push('', resizeStatusWording(input.kubernetesVersion));
    return lines.join('\n');
  });
  return parts.join('\n\n---\n\n');
}

/**
 * Readings for the lens, at most one scan per few seconds whatever the number of open
 * manifests; CPU use is the difference of two scans' usage counters.
 */
export class NodeLensSource {
  private last?: { at: number; containers: ContainerInfo[]; rates: Map<string, CpuRate> };
  private pending?: Promise<NodeLensSource['last']>;

  constructor(
    private readonly scan: () => Promise<ContainerInfo[]>,
    private readonly maxAgeMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  async read(): Promise<{ containers: ContainerInfo[]; rates: Map<string, CpuRate> }> {
    if (this.last && this.now() - this.last.at < this.maxAgeMs) return this.last;
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return (await this.pending) ?? { containers: [], rates: new Map() };
  }

  private async refresh(): Promise<NodeLensSource['last']> {
    const containers = await this.scan();
    const at = this.now();
    const rates = new Map<string, CpuRate>();
    const previous = this.last;
    if (previous && at > previous.at) {
      const before = new Map(previous.containers.map((c) => [c.key, c.limits.cpu.usageUsec]));
      for (const c of containers) {
        const a = before.get(c.key);
        const b = c.limits.cpu.usageUsec;
        if (a !== undefined && b !== undefined && b >= a) rates.set(c.key, { cores: (b - a) / 1000 / (at - previous.at) });
      }
    }
    this.last = { at, containers, rates };
    return this.last;
  }
}

const nodeSource = new NodeLensSource(async () => {
  const scan = await scanContainers(nodeRoots());
  return scan.ok ? scan.value.containers : [];
});

async function inputFor(languageId: string, parsed: unknown, settings: Settings): Promise<NodeLensInput | undefined> {
  if (languageId !== 'k8s') return undefined;
  const ast = parsed as K8sAst;
  if (!ast.objects.some((o) => o.pod)) return undefined;
  const { containers, rates } = await nodeSource.read();
  return { ast, containers, rates, kubernetesVersion: settings.kubernetes.version };
}

/** What server.ts asks for: the node lenses of a k8s document that has pod specs (none otherwise). */
export async function nodeLensesFor(languageId: string, parsed: unknown, settings: Settings): Promise<CodeLensEntry[]> {
  const input = await inputFor(languageId, parsed, settings);
  return input ? nodeLenses(input) : [];
}

export async function nodeHoverFor(languageId: string, parsed: unknown, position: Position, settings: Settings): Promise<string | undefined> {
  const input = await inputFor(languageId, parsed, settings);
  return input ? nodeHover(input, input.ast.index.offsetAt(position)) : undefined;
}

/**
 * The same for a document's text: the analysis may run in a worker, so the k8s parse is
 * redone here — and only when containers run on this node (off a node, nothing is parsed).
 */
async function inputForText(languageId: string, text: string, uri: string, settings: Settings): Promise<NodeLensInput | undefined> {
  if (languageId !== 'k8s') return undefined;
  const { containers } = await nodeSource.read();
  if (containers.length === 0) return undefined;
  return inputFor(languageId, k8sLanguage.parse(text, { uri, settings }), settings);
}

export async function nodeLensesForText(languageId: string, text: string, uri: string, settings: Settings): Promise<CodeLensEntry[]> {
  const input = await inputForText(languageId, text, uri, settings);
  return input ? nodeLenses(input) : [];
}

export async function nodeHoverForText(languageId: string, text: string, uri: string, position: Position, settings: Settings): Promise<string | undefined> {
  const input = await inputForText(languageId, text, uri, settings);
  return input ? nodeHover(input, input.ast.index.offsetAt(position)) : undefined;
}
