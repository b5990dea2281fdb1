// The resolv.conf the kubelet writes into a pod (pkg/kubelet/network/dns): cluster search
// domains and ndots:5 for ClusterFirst, the node's file for Default, only dnsConfig for None;
// dnsConfig's nameservers and searches are appended and its options override by name. The
// query plan for a name then comes from the resolv.conf module, as for any resolv.conf.

import { isMap, type YAMLMap } from 'yaml';
import { candidateNames, resolverConfig } from '../../resolver/config';
import { CLUSTER_DOMAIN } from './facts';
import type { K8sObject } from './model';

/** kubeadm's default cluster DNS Service IP, standing in for the real one. */
const CLUSTER_DNS = '10.96.0.10';

export interface PodResolvConf {
  text: string;
  /** The node's own resolv.conf is part of it (Default, or host search domains appended). */
  fromNode: boolean;
}

export function podResolvConf(obj: K8sObject, spec: YAMLMap): PodResolvConf {
  const policy = obj.str(obj.get(spec, 'dnsPolicy')) ?? 'ClusterFirst';
  const hostNetwork = obj.str(obj.get(spec, 'hostNetwork')) === 'true';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNetwork);
  const ns = obj.namespace ?? 'default';
  const nameservers = cluster ? [CLUSTER_DNS] : [];
  const searches = cluster ? [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN] : [];
  const options = new Map<string, string | undefined>(cluster ? [['ndots', '5']] : []);
  const config = obj.map(spec, 'dnsConfig');
  for (const { node } of obj.items(obj.get(config, 'nameservers'))) {
    const v = obj.str(node);
    if (v && !nameservers.includes(v)) nameservers.push(v);
  }
  for (const { node } of obj.items(obj.get(config, 'searches'))) {
    const v = obj.str(node);
    if (v && !searches.includes(v)) searches.push(v);
  }
  for (const { node } of obj.items(obj.get(config, 'options'))) {
    if (!isMap(node)) continue;
    const name = obj.str(obj.get(node, 'name'));
    if (name) options.set(name, obj.str(obj.get(node, 'value')));
  }
  const lines = [
    ...nameservers.map((n) => `nameserver ${n}`),
    ...(searches.length ? [`search ${searches.join(' ')}`] : []),
    ...(options.size ? [`options ${[...options].map(([k, v]) => (v === undefined ? k : `${k}:${v}`)).join(' ')}`] : []),
  ];
  return { text: `${lines.join('\n')}\n`, fromNode: policy === 'Default' || (policy === 'ClusterFirst' && hostNetwork) };
}

/** The absolute names glibc tries for `name` in that pod, every one failing (the longest plan). */
export function podCandidates(obj: K8sObject, spec: YAMLMap, name: string): string[] {
  return candidateNames(name, resolverConfig(podResolvConf(obj, spec).text));
}
