// kubernetes (plugin/kubernetes/setup.go ParseStanza).

import type { Token } from '../../lexer';
import type { Directive } from '../../parser';
import { normalizeKey } from '../../serverKey';
import { normalizeName } from '../../values';
import type { PluginSetup } from '../context';

const isReverse = (zone: string) => zone.endsWith('in-addr.arpa.') || zone.endsWith('ip6.arpa.');

/** Kubernetes label selector syntax, as far as it shows in the text: balanced parentheses. */
function selectorError(text: string): string | undefined {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return 'unexpected )';
  }
  return depth ? 'found end of string, expected )' : undefined;
}

export function checkKubernetes([d]: Directive[], s: PluginSetup): void {
  const zones = d.args.length ? d.args.flatMap((t) => normalizeKey(t.text).zones) : s.facts.zones;
  if (zones.length && zones.every(isReverse)) s.invalid(d.args[0] ?? d.name, 'non-reverse zone name must be used (kubernetes needs a zone such as cluster.local)');
  let namespaces: Token | undefined;
  let namespaceLabels: Token | undefined;
  let zonal: Token | undefined;
  let noEndpoints = false;
  const multicluster: Token[] = [];
  for (const p of d.block?.properties ?? []) {
    const a = p.args;
    switch (p.name.text) {
      case 'endpoint_pod_names':
      case 'noendpoints':
      case 'zonal':
        s.propCount(p, 0, 0);
        if (p.name.text === 'zonal') zonal = p.name;
        if (p.name.text === 'noendpoints') noEndpoints = true;
        break;
      case 'pods':
        if (s.propCount(p, 1, 1)) s.oneOf(a[0], ['disabled', 'insecure', 'verified'], { what: 'pods' });
        break;
      case 'namespaces':
        if (s.propCount(p, 1, null)) namespaces = p.name;
        break;
      case 'endpoint':
      case 'namespace_labels':
      case 'labels':
        if (!s.propCount(p, 1, null)) break;
        if (p.name.text === 'namespace_labels') namespaceLabels = p.name;
        if (p.name.text !== 'endpoint') {
          const err = selectorError(a.map((t) => t.text).join(' '));
          if (err) s.invalid(a[0], `unable to parse ${p.name.text === 'labels' ? 'label' : 'namespace_label'} selector value: ${err}`);
        }
        break;
      case 'tls':
        s.propCount(p, 3, 3, 'tls CERT KEY CACERT');
        break;
      case 'ttl':
        if (s.propCount(p, 1, null)) s.int(a[0], { what: 'ttl', min: 0, max: 3600 });
        break;
      case 'ignore':
        if (s.propCount(p, 1, null)) s.oneOf(a[0], ['empty_service'], { what: 'ignore' });
        break;
      case 'kubeconfig':
        s.propCount(p, 1, 2, 'kubeconfig KUBECONFIG [CONTEXT]');
        break;
      case 'multicluster':
        multicluster.push(...a);
        break;
      case 'startup_timeout':
        if (s.propCount(p, 1, null)) s.duration(a[0], { what: 'startup_timeout' });
        break;
      case 'apiserver_qps':
        if (s.propCount(p, 1, 1)) s.float(a[0], { what: 'apiserver_qps', min: 0 });
        break;
      case 'apiserver_burst':
      case 'apiserver_max_inflight':
        if (s.propCount(p, 1, 1)) s.int(a[0], { what: p.name.text, min: 0 });
        break;
      case 'fallthrough':
        break;
      default:
        s.unknownProperty(p);
    }
  }
  if (namespaces && namespaceLabels) s.conflict(namespaceLabels, 'namespaces and namespace_labels cannot both be set');
  for (const t of multicluster) {
    const z = normalizeName(t.text);
    if (!zones.includes(z)) s.conflict(t, `is not authoritative for the multicluster zone ${z} (authoritative zones: ${zones.join(' ')})`);
  }
  if (zonal && noEndpoints) s.conflict(zonal, 'zonal requires the endpoint cache; remove noendpoints');
}
