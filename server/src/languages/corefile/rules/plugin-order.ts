// corefile/plugin-order: CoreDNS runs plugins in plugin.cfg order, not in the order the
// Corefile lists them (coredns#3124). When a block lists an answering plugin after one that
// actually runs later, say so: the written order suggests a priority that does not exist.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { getPlugin } from '../plugins';
import { findingAt, type RuleContext } from './context';

export const pluginOrder = defineRule({ id: 'corefile/plugin-order', language: 'corefile', defaultSeverity: 'information', title: 'Line order differs from the order CoreDNS runs plugins' });

/** Plugins that answer queries (and so decide which answer wins). */
const ANSWERING = new Set(['hosts', 'template', 'file', 'auto', 'secondary', 'etcd', 'kubernetes', 'k8s_external', 'route53', 'azure', 'clouddns', 'forward', 'grpc', 'whoami', 'erratic', 'nomad', 'chaos', 'any']);

export function checkPluginOrder({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    const answering = block.directives.filter((d) => ANSWERING.has(d.name.text));
    const reported = new Set<string>();
    for (let i = 0; i < answering.length; i++) {
      for (let j = 0; j < i; j++) {
        const earlier = answering[j];
        const later = answering[i];
        const eo = getPlugin(earlier.name.text)!.order;
        const lo = getPlugin(later.name.text)!.order;
        if (lo < eo && !reported.has(later.name.text)) {
          reported.add(later.name.text);
          out.push(findingAt(pluginOrder.id, later.name, `'${later.name.text}' runs before '${earlier.name.text}' (plugin.cfg positions ${lo} and ${eo}), although it is written after it: CoreDNS's execution order is fixed at build time, not by the Corefile`));
        }
      }
    }
  }
  return out;
}
