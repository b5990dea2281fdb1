// k8s/dns-policy: spec.dnsPolicy values (validateDNSPolicy), and `None` needs a dnsConfig
// with at least one nameserver (validatePodDNSConfig).

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { DNS_POLICIES } from '../facts';
import { required, unsupported } from '../apiErrors';

export const dnsPolicy = defineRule({
  id: 'k8s/dns-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'dnsPolicy unknown, or None without dnsConfig nameservers',
});

const POLICIES = Object.keys(DNS_POLICIES);

export function checkDnsPolicy(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (!pod) continue;
    const field = obj.entry(pod.spec, 'dnsPolicy');
    const value = obj.str(field?.value);
    if (!field?.value || value === undefined) continue;
    const path = `${pod.path}.dnsPolicy`;
    if (!POLICIES.includes(value)) {
      const fix = closestMatch(value, POLICIES) ?? longestPrefix(value);
      report(ctx, dnsPolicy, field.value, unsupported(path, value, POLICIES), { fixes: fix ? replaceFix(ctx, field.value, fix) : undefined });
      continue;
    }
    if (value !== 'None') continue;
    const config = obj.entry(pod.spec, 'dnsConfig');
    if (!config) {
      report(ctx, dnsPolicy, field.value, required(`${pod.path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
    } else if (obj.items(obj.get(obj.map(pod.spec, 'dnsConfig'), 'nameservers')).length === 0) {
      report(ctx, dnsPolicy, config.key, required(`${pod.path}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
    }
  }
}

/** "ClusterFirstWithHostNetwork" -> "ClusterFirstWithHostNet": the longest policy the value starts with. */
function longestPrefix(value: string): string | undefined {
  return POLICIES.filter((p) => value.startsWith(p)).sort((a, b) => b.length - a.length)[0];
}
