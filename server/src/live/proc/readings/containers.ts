// `containers`: every Kubernetes container on this node as the kernel sees it — named from
// its cgroup path, its live limits and use from the cgroup files, pod and container names
// from the kubelet's files where the node has them. With --pid N or --container ID|NAME,
// one container in full, with its own resolv.conf linted and its query plan for --name.

import { failedReport } from '../../../core/command';
import type { Finding } from '../../../core/finding';
import { lintText } from '../../../core/lint';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { LanguageService } from '../../../core/languageService';
import { resolvconfLanguage } from '../../../languages/resolvconf';
import { resolverConfig } from '../../../resolver/config';
import type { Libc } from '../../../resolver/options';
import { type QueryPlan, queryPlan } from '../../../resolver/plan';
import { shortId } from '../containerCgroup';
import { type ContainerResolvConf, readContainerResolvConf } from '../containerResolvConf';
import { type ContainerInfo, type ContainerScan, type LimitValue, scanContainers } from '../containerScan';
import { humanBytes, notes, table } from '../format';
import { nodeRoots } from '../nodeRoots';
import { okReport, type Reading, stringOption } from '../report';

export interface ContainerResolvConfView {
  path: string;
  libc: Libc;
  libcEvidence: string;
  text: string;
  nameservers: string[];
  search: string[];
  ndots: number;
  findings: Array<{ line: number; ruleId: string; severity?: string; message: string }>;
  plan?: QueryPlan;
}

export interface ContainersData {
  containers: ContainerInfo[];
  /** Set when one container was asked for (--pid, --container). */
  selected?: ContainerInfo & { resolvConf?: ContainerResolvConfView; resolvConfError?: string };
  processesScanned: number;
  cgroupVersions: number[];
  unreadable: string[];
}

export function bytesText(v: LimitValue | undefined): string {
  if (v === undefined) return 'n/a';
  if (v === 'unlimited') return 'unlimited';
  return humanBytes(v);
}

function cpuText(v: LimitValue | undefined): string {
  if (v === undefined) return 'n/a';
  if (v === 'unlimited') return 'unlimited';
  return `${Number(v.toFixed(3))}`;
}

export function podLabel(c: ContainerInfo): string {
  return c.pod?.name ? `${c.pod.namespace ?? '?'}/${c.pod.name}` : `pod ${c.cgroup.podUid}`;
}

function containerLabel(c: ContainerInfo): string {
  if (c.sandbox) return '(sandbox)';
  if (c.cgroup.monitor) return '(conmon)';
  if (!c.cgroup.containerId) return '(pod cgroup)';
  return c.name ?? '?';
}

function renderList(d: ContainersData): string {
  const rows = d.containers.map((c) => {
    const m = c.limits.memory;
    const cpu = c.limits.cpu;
    return [
      podLabel(c),
      containerLabel(c),
      c.cgroup.qos,
      c.cgroup.runtime ?? '?',
      c.cgroup.containerId ? shortId(c.cgroup.containerId) : '-',
      String(c.pids.length),
      `${bytesText(m.usageBytes)} / ${bytesText(m.limitBytes)}`,
      cpuText(cpu.limitCores),
      m.oomKills === undefined ? 'n/a' : String(m.oomKills),
      cpu.throttledPeriods === undefined ? 'n/a' : `${cpu.throttledPeriods}/${cpu.periods ?? '?'}`,
      c.exitedDuringRead ? 'exited while being read' : '',
    ];
  });
  const head = `Containers on this node: ${d.containers.length}, from the cgroups of ${d.processesScanned} processes (cgroup v${d.cgroupVersions.join(' + v') || '?'})\n\n`;
  if (!d.containers.length) return head + 'No process is in a Kubernetes pod cgroup (kubepods) here.\n' + notes(d.unreadable);
  return head + table(['POD', 'CONTAINER', 'QOS', 'RUNTIME', 'ID', 'PIDS', 'MEMORY USE / LIMIT', 'CPU LIMIT', 'OOM KILLS', 'THROTTLED', ''], rows) + notes(d.unreadable);
}

function pressureText(p: { some?: { avg10: number; avg60: number; avg300: number }; full?: { avg10: number } } | undefined): string | undefined {
  if (!p) return undefined;
  const some = p.some ? `some ${p.some.avg10}% / ${p.some.avg60}% / ${p.some.avg300}% (10 s / 60 s / 300 s)` : '';
  const full = p.full ? `, full ${p.full.avg10}% (10 s)` : '';
  return some + full;
}

export function renderContainer(c: NonNullable<ContainersData['selected']>): string {
  const out: string[] = [];
  const m = c.limits.memory;
  const cpu = c.limits.cpu;
  out.push(`Container ${containerLabel(c)} in ${podLabel(c)}${c.exitedDuringRead ? '  (its cgroup went away while being read: what was read before is shown)' : ''}`);
  const facts: Array<[string, string | undefined]> = [
    ['pod UID', c.cgroup.podUid],
    ['QoS class', c.cgroup.qos],
    ['container id', c.cgroup.containerId],
    ['image', c.image],
    ['runtime', c.cgroup.runtime ?? 'unknown (a bare id under the cgroupfs driver: containerd or Docker)'],
    ['cgroup', `v${c.version}, ${c.cgroup.driver} driver: ${c.cgroup.containerPath}`],
    ['processes', c.pids.map((p, i) => `${p} (${c.commands[i]})`).join(', ')],
  ];
  for (const [k, v] of facts) if (v !== undefined) out.push(`  ${`${k}:`.padEnd(15)}${v}`);
  out.push('', 'Memory:');
  out.push(`  limit      ${bytesText(m.limitBytes)}`, `  in use     ${bytesText(m.usageBytes)}`, `  peak       ${bytesText(m.peakBytes)}`, `  OOM kills  ${m.oomKills ?? 'n/a'}`);
  if (m.limitHits !== undefined) out.push(`  limit hit  ${m.limitHits} times (memory.events max)`);
  out.push('', 'CPU:');
  out.push(`  limit      ${cpu.limitCores === undefined ? 'n/a' : cpu.limitCores === 'unlimited' ? 'unlimited' : `${cpuText(cpu.limitCores)} CPU (${cpu.quotaUsec} µs per ${cpu.periodUsec} µs period)`}`);
  if (cpu.weight !== undefined) out.push(`  weight     ${cpu.weight} (cpu.weight; 100 is the default)`);
  if (cpu.shares !== undefined) out.push(`  shares     ${cpu.shares} (cpu.shares; 1024 is one CPU's worth)`);
  if (cpu.throttledPeriods !== undefined) out.push(`  throttled  ${cpu.throttledPeriods} of ${cpu.periods ?? '?'} periods, ${cpu.throttledUsec ?? '?'} µs in all`);
  if (cpu.usageUsec !== undefined) out.push(`  used       ${(cpu.usageUsec / 1e6).toFixed(2)} s of CPU time`);
  out.push('', 'PIDs:', `  ${c.limits.pids.current ?? 'n/a'} of ${c.limits.pids.max ?? 'n/a'}`);
  const pressure: Array<[string, string | undefined]> = [
    ['memory', pressureText(c.limits.pressure.memory)],
    ['cpu', pressureText(c.limits.pressure.cpu)],
    ['io', pressureText(c.limits.pressure.io)],
  ];
  if (pressure.some(([, v]) => v)) {
    out.push('', 'Pressure (share of time stalled):');
    for (const [k, v] of pressure) if (v) out.push(`  ${k.padEnd(7)}${v}`);
  }
  out.push('', 'cgroup files as read:');
  for (const [, f] of Object.entries(c.files).sort(([a], [b]) => a.localeCompare(b))) out.push(`  ${f.path}: ${f.text.includes('\n') ? f.text.split('\n').join('; ') : f.text}`);
  if (c.resolvConf) {
    const r = c.resolvConf;
    out.push('', `resolv.conf (${r.path}, read by ${r.libc}: ${r.libcEvidence}):`);
    out.push(`  nameservers ${r.nameservers.join(', ') || '(none)'}; search ${r.search.join(' ') || '(none)'}; ndots ${r.ndots}`);
    if (r.findings.length) for (const f of r.findings) out.push(`  line ${f.line + 1}: ${f.severity ?? ''} ${f.ruleId}: ${f.message}`);
    else out.push('  no findings from the resolv.conf rules');
    if (r.plan) {
      out.push('', `Query plan for ${r.plan.name} from inside this container:`);
      if (r.plan.noQueries) out.push(`  no queries: ${r.plan.noQueries}`);
      r.plan.queries.forEach((q, i) => out.push(`  ${String(i + 1).padStart(2)}. ${q.name} ${q.type}`));
      if (r.plan.stoppedBy) out.push(`  stops: ${r.plan.stoppedBy}`);
    }
  } else if (c.resolvConfError) out.push('', `resolv.conf: ${c.resolvConfError}`);
  if (c.unreadable.length) out.push('', 'Not readable:', ...c.unreadable.map((u) => `  - ${u}`));
  return out.join('\n') + '\n';
}

/** --container: an id (or its prefix), a container name, or a pod name. */
function pick(scan: ContainerScan, selector: string): ContainerInfo | undefined {
  const real = scan.containers.filter((c) => !c.sandbox && !c.cgroup.monitor);
  return (
    real.find((c) => c.cgroup.containerId !== undefined && selector.length >= 4 && c.cgroup.containerId.startsWith(selector)) ??
    real.find((c) => c.name === selector) ??
    real.find((c) => c.pod?.name === selector || `${c.pod?.namespace}/${c.pod?.name}` === selector)
  );
}

async function resolvConfView(conf: ContainerResolvConf, name: string | undefined, libcOption: string | undefined): Promise<ContainerResolvConfView> {
  const libc: Libc = libcOption === 'musl' || libcOption === 'glibc' ? libcOption : conf.libc;
  const service = resolvconfLanguage as unknown as LanguageService;
  const settings = { ...DEFAULT_SETTINGS, resolvconf: { libc } };
  const linted = await lintText(service, conf.text, { uri: `file://${conf.path}`, settings });
  const config = resolverConfig(conf.text, { libc });
  return {
    path: conf.path,
    libc,
    libcEvidence: libcOption ? `--libc ${libcOption}` : conf.libcEvidence,
    text: conf.text,
    nameservers: config.nameservers.map((n) => n.address),
    search: config.search,
    ndots: config.ndots,
    findings: linted.findings.map((f: Finding) => ({ line: f.range.start.line, ruleId: f.ruleId, severity: f.severity, message: f.message })),
    plan: name ? queryPlan(name, config) : undefined,
  };
}

export const containersReading: Reading = async (input) => {
  const title = 'Containers on this node';
  const roots = nodeRoots();
  const scan = await scanContainers(roots, { pid: input.pid });
  if (!scan.ok) return failedReport(title, scan.error.message);
  const s = scan.value;
  const data: ContainersData = {
    containers: s.containers,
    processesScanned: s.processesScanned,
    cgroupVersions: [...new Set(s.hierarchies.map((h) => h.version))].sort(),
    unreadable: s.unreadable,
  };
  const selector = stringOption(input, 'container');
  if (input.pid === undefined && selector === undefined) return okReport(title, renderList(data), data);
  const chosen = input.pid !== undefined ? s.containers.find((c) => c.pids.includes(input.pid as number)) : pick(s, selector as string);
  if (!chosen) {
    const what = input.pid !== undefined ? `process ${input.pid} is not in a Kubernetes container's cgroup (or it has exited)` : `no container matches '${selector}' (an id prefix, a container name or a pod name)`;
    return failedReport(title, what, input.pid !== undefined ? 1 : 2);
  }
  const conf = await readContainerResolvConf(roots, input.pid ?? chosen.pids[0]);
  data.selected = { ...chosen };
  if (conf.ok) data.selected.resolvConf = await resolvConfView(conf.value, stringOption(input, 'name'), stringOption(input, 'libc'));
  else data.selected.resolvConfError = conf.error.message;
  return okReport(`Container ${containerLabel(chosen)} in ${podLabel(chosen)}`, renderContainer(data.selected), data);
};
