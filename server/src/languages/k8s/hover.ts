// Hovers: how an in-place resize is done, what each VPA update mode does, what a dnsPolicy
// means, what a quantity amounts to, and the DNS names pods get from headless Services —
// across documents, with the workspace's Services and StatefulSets.

import { isMap } from 'yaml';
import type { Position } from '../../core/finding';
import type { AnalysisContext, HoverResult } from '../../core/languageService';
import { CLUSTER_DOMAIN, DNS_POLICIES, RESIZE_HOVER, RESIZE_RESTART_POLICIES, VPA_UPDATE_MODES } from './facts';
import type { K8sAst, K8sObject } from './model';
import { pathAt, type PathStep } from './nodePath';
import { podCandidates, podResolvConf } from './podDns';
import { formatBytes, parseQuantity } from './quantity';
import { isHeadless, isService } from './service';
import { Workspace } from './workspace';
import { apiVersionStatus, servingReleases } from './rules/api-version';
import { schemasFor } from './schema';
import { fieldHover } from './schemaAssist';
import { parseVersion } from './version';

export function hoverK8s(ast: K8sAst, position: Position, ctx: AnalysisContext): HoverResult | undefined {
  const offset = ast.index.offsetAt(position);
  const obj = ast.objects.find((o) => o.root.range && o.root.range[0] <= offset && offset <= o.root.range[2]);
  if (!obj) return undefined;
  const steps = pathAt(obj, offset);
  const last = steps.at(-1);
  if (!last) return undefined;
  const keys = steps.map((s) => s.key);
  const node = last.onKey ? last.keyNode : last.value;
  const range = node?.range ? ast.index.rangeOf(node.range[0], node.range[1]) : undefined;
  const contents = contentFor(obj, keys, last, () => new Workspace(ast, ctx)) ?? schemaContent(obj, keys, ctx);
  return contents ? { contents, range } : undefined;
}

function contentFor(obj: K8sObject, keys: Array<string | number>, last: PathStep, workspace: () => Workspace): string | undefined {
  const key = typeof last.key === 'string' ? last.key : keys.filter((k) => typeof k === 'string').at(-1);
  const value = last.onKey ? undefined : obj.str(last.value);
  if (keys.includes('resizePolicy')) {
    const policy = key === 'restartPolicy' && value ? RESIZE_RESTART_POLICIES[value] : undefined;
    return policy ? `**${value}**: ${policy}\n\n${RESIZE_HOVER}` : RESIZE_HOVER;
  }
  if (obj.kind === 'VerticalPodAutoscaler' && (key === 'updateMode' || key === 'updatePolicy')) return vpaModes(obj.str(obj.get(obj.map(obj.root, 'spec', 'updatePolicy'), 'updateMode')));
  if (obj.kind === 'VerticalPodAutoscaler' && keys[0] === 'spec' && keys[1] === 'targetRef') return vpaTarget(obj, workspace());
  if (key === 'dnsPolicy') return Object.entries(DNS_POLICIES).map(([k, d]) => `${k === value ? '**' : ''}\`${k}\`${k === value ? '**' : ''}: ${d}`).join('\n\n');
  if (keys.includes('dnsConfig') && obj.pod && key === 'dnsConfig') return podDns(obj);
  if (keys.includes('resources') && (keys.includes('requests') || keys.includes('limits')) && value !== undefined && typeof key === 'string') return quantity(key, value);
  if (isService(obj) && (keys.join('.') === 'metadata.name' || key === 'clusterIP' || keys[0] === 'kind')) return serviceNames(obj, workspace());
  if (obj.kind === 'StatefulSet' && key === 'serviceName' && keys.length === 2) return statefulSetNames(obj, workspace());
  if ((key === 'hostname' || key === 'subdomain') && obj.pod) return podNames(obj, workspace());
  return undefined;
}

/** The schema's word on any field of a built-in kind; on apiVersion, its standing at the target. */
function schemaContent(obj: K8sObject, keys: Array<string | number>, ctx: AnalysisContext): string | undefined {
  const target = ctx.settings.kubernetes.version;
  if (keys.length === 1 && keys[0] === 'apiVersion') {
    const status = apiVersionStatus(obj.apiVersion, obj.kind, target);
    const served = servingReleases(obj.apiVersion, obj.kind);
    const lines = [`**${obj.apiVersion} ${obj.kind}**`];
    if (status) lines.push('', status.text);
    if (served.length > 0) lines.push('', `Served in Kubernetes ${served[0]}${served.length > 1 ? `–${served.at(-1)}` : ''} (of the releases checked, ${served.length === 7 ? 'all' : served.join(', ')}).`);
    return status || served.length > 0 ? lines.join('\n') : undefined;
  }
  return fieldHover(schemasFor(parseVersion(target)), obj, keys);
}

function vpaModes(current: string | undefined): string {
  const rows = Object.entries(VPA_UPDATE_MODES).map(([mode, m]) => `- ${mode === current ? '**' : ''}\`${mode}\`${mode === current ? '**' : ''}: ${m.doc}`);
  return ['**VPA update modes** (`spec.updatePolicy.updateMode`)', '', ...rows].join('\n');
}

function quantity(resource: string, text: string): string | undefined {
  const q = parseQuantity(text);
  if (!q.ok) return `\`${text}\` is not a Kubernetes quantity: ${q.error}`;
  if (resource === 'cpu') return `\`${text}\` = ${Number((q.value * 1000).toFixed(3))}m = ${q.value} CPU${q.value * 1000 < 1 && q.value > 0 ? ' (below 1m: rounded up to 1m)' : ''}`;
  if (resource === 'memory' || resource === 'ephemeral-storage') return `\`${text}\` = ${Number.isInteger(q.value) ? q.value : q.value.toFixed(3)} bytes (${formatBytes(q.value)})`;
  return undefined;
}

const ns = (o: K8sObject) => o.namespace ?? 'default';
const fqdn = (...labels: string[]) => `${labels.join('.')}.svc.${CLUSTER_DOMAIN}`;
const replicasOf = (o: K8sObject) => o.num(o.get(o.map(o.root, 'spec'), 'replicas')) ?? 1;

function podList(sts: K8sObject, service: string): string[] {
  const n = replicasOf(sts);
  const shown = Math.min(n, 3);
  const names = Array.from({ length: shown }, (_, i) => `- \`${fqdn(`${sts.name}-${i}`, service, ns(sts))}\``);
  if (n > shown) names.push(`- … up to \`${sts.name}-${n - 1}\``);
  return names;
}

function serviceNames(svc: K8sObject, ws: Workspace): string {
  const name = svc.name ?? '?';
  const lines = [`**Service \`${name}\`**: \`${fqdn(name, ns(svc))}\``];
  if (!isHeadless(svc)) {
    lines.push('', 'Resolves to the cluster IP. Not headless: pods get no per-pod names from it.');
    return lines.join('\n');
  }
  lines.push('', 'Headless: resolves to the ready pods\' IPs (A/AAAA per endpoint)' + (svc.str(svc.get(svc.map(svc.root, 'spec'), 'publishNotReadyAddresses')) === 'true' ? ', unready ones included (`publishNotReadyAddresses`).' : '.'));
  for (const sts of ws.find(svc, 'StatefulSet').filter((l) => l.obj.str(l.obj.get(l.obj.map(l.obj.root, 'spec'), 'serviceName')) === name)) {
    lines.push('', `Pods of StatefulSet \`${sts.obj.name}\`${sts.uri ? ` (${sts.uri.split('/').pop()})` : ''}:`, ...podList(sts.obj, name));
  }
  return lines.join('\n');
}

function statefulSetNames(sts: K8sObject, ws: Workspace): string {
  const service = sts.str(sts.get(sts.map(sts.root, 'spec'), 'serviceName')) ?? '';
  const match = ws.find(sts, 'Service', service)[0];
  const where = match ? (match.uri ? ` in ${match.uri.split('/').pop()}` : ' in this file') : '';
  const state = !match ? 'not among the manifests in view' : match.summary.headless ? `headless${where}` : `**not headless**${where}: pods get no per-pod names`;
  return [`**Governing Service \`${service}\`**: ${state}`, '', 'Pod DNS names:', ...podList(sts, service)].join('\n');
}

function podNames(pod: K8sObject, ws: Workspace): string {
  const spec = pod.pod!.spec;
  const hostname = pod.str(pod.get(spec, 'hostname')) ?? (pod.kind === 'Pod' ? pod.name : undefined) ?? '<pod name>';
  const subdomain = pod.str(pod.get(spec, 'subdomain'));
  if (!subdomain) return `No \`subdomain\`: the pod gets no \`${hostname}.<subdomain>\` record.`;
  const service = ws.find(pod, 'Service', subdomain)[0];
  const state = !service ? 'needs a headless Service of that name (none in view)' : service.summary.headless ? 'the headless Service of that name is in view' : 'the Service of that name is **not headless**: no record';
  return `Pod DNS name: \`${fqdn(hostname, subdomain, ns(pod))}\` (${state})`;
}

function podDns(obj: K8sObject): string {
  const spec = obj.pod!.spec;
  const conf = podResolvConf(obj, spec);
  const plan = (name: string) => podCandidates(obj, spec, name).map((n) => `\`${n}\``).join(' → ');
  return [
    `**/etc/resolv.conf in the pod** (cluster DNS IP and zone as kubeadm's defaults${conf.fromNode ? "; plus what the node's resolv.conf says" : ''}):`,
    '```',
    conf.text.trimEnd(),
    '```',
    `\`db\` is tried as ${plan('db')}`,
    '',
    `\`api.example.com\` is tried as ${plan('api.example.com')} (each A and AAAA, until one answers)`,
  ].join('\n');
}

function vpaTarget(vpa: K8sObject, ws: Workspace): string {
  const ref = vpa.map(vpa.root, 'spec', 'targetRef');
  const kind = vpa.str(vpa.get(ref, 'kind')) ?? '?';
  const name = vpa.str(vpa.get(ref, 'name')) ?? '?';
  const target = ws.find(vpa, kind, name).find((l) => l.summary.pod);
  if (!target) return `**Target ${kind} \`${name}\`**: not among the manifests in view.`;
  const rows = target.obj.pod!.containers
    .filter((c) => c.list !== 'ephemeralContainers')
    .map((c) => {
      const t = target.obj;
      const policy = t.items(t.get(c.map, 'resizePolicy')).flatMap(({ node }) => (isMap(node) ? [`${t.str(t.get(node, 'resourceName'))}: ${t.str(t.get(node, 'restartPolicy'))}`] : []));
      return `- \`${c.name ?? c.path}\`${c.list === 'initContainers' ? ' (init)' : ''}${policy.length ? ` — resizePolicy ${policy.join(', ')}` : ''}`;
    });
  return [`**Target ${kind} \`${name}\`**${target.uri ? ` in ${target.uri.split('/').pop()}` : ' in this file'}; containers:`, ...rows].join('\n');
}
