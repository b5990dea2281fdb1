// k8s/dns-config: spec.dnsConfig limits (validatePodDNSConfig): at most 3 nameservers, each
// an IP address; at most 32 search domains and 2048 characters, each a DNS-1123 subdomain;
// every option named. ndots outside 1..5 is legal but costly: above 5 glibc caps it at 15
// and every short name walks the whole search list first (see the resolv.conf query plan);
// 0 sends even single-label names to the root first.

import { isIP } from 'node:net';
import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { DNS_CONFIG_LIMITS } from '../facts';
import { invalid, required } from '../apiErrors';
import { dns1123Subdomain } from '../names';
import { podCandidates } from '../podDns';

/** The name the ndots warning shows the cost for: an external name with two dots. */
const EXTERNAL_NAME = 'api.example.com';

export const dnsConfig = defineRule({
  id: 'k8s/dns-config',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'dnsConfig over the API server limits, or an ndots that multiplies queries',
});

export function checkDnsConfig(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    const config = obj.map(pod?.spec, 'dnsConfig');
    if (!pod || !config) continue;
    const path = `${pod.path}.dnsConfig`;

    const nsEntry = obj.entry(config, 'nameservers');
    const nameservers = obj.items(nsEntry?.value);
    const nsValues = nameservers.map((n) => obj.str(n.node) ?? '');
    if (nameservers.length > DNS_CONFIG_LIMITS.nameservers) {
      const extra = nameservers[DNS_CONFIG_LIMITS.nameservers].node.range!;
      const last = nameservers[nameservers.length - 1].node.range!;
      report(ctx, dnsConfig, [extra[0], last[1]], invalid(`${path}.nameservers`, nsValues, `must not have more than ${DNS_CONFIG_LIMITS.nameservers} nameservers`));
    }
    nameservers.forEach(({ node, index }, i) => {
      if (isIP(nsValues[i]) === 0) report(ctx, dnsConfig, node, invalid(`${path}.nameservers[${index}]`, nsValues[i], 'must be a valid IP address'));
    });

    const searchEntry = obj.entry(config, 'searches');
    const searches = obj.items(searchEntry?.value);
    const searchValues = searches.map((s) => obj.str(s.node) ?? '');
    if (searches.length > DNS_CONFIG_LIMITS.searches) {
      report(ctx, dnsConfig, searchEntry?.key, invalid(`${path}.searches`, searchValues, `must not have more than ${DNS_CONFIG_LIMITS.searches} search paths`));
    }
    const chars = searchValues.join(' ').length;
    if (chars > DNS_CONFIG_LIMITS.searchChars) {
      report(ctx, dnsConfig, searchEntry?.key, invalid(`${path}.searches`, searchValues, `must not have more than ${DNS_CONFIG_LIMITS.searchChars} characters (including spaces) in the search list`));
    }
    searches.forEach(({ node, index }, i) => {
      const name = searchValues[i].endsWith('.') ? searchValues[i].slice(0, -1) : searchValues[i];
      for (const e of dns1123Subdomain(name)) report(ctx, dnsConfig, node, invalid(`${path}.searches[${index}]`, searchValues[i], e));
    });

    for (const { node, index } of obj.items(obj.get(config, 'options'))) {
      if (!isMap(node)) continue;
      const name = obj.str(obj.get(node, 'name'));
      if (!name) {
        report(ctx, dnsConfig, obj.entry(node, 'name')?.key ?? node, required(`${path}.options[${index}].name`, 'Option.Name must not be empty'));
        continue;
      }
      if (name !== 'ndots') continue;
      const valueNode = obj.get(node, 'value');
      const ndots = Number(obj.str(valueNode));
      if (!valueNode || !Number.isInteger(ndots)) continue;
      if (ndots > 5) {
        const names = podCandidates(obj, pod.spec, EXTERNAL_NAME);
        const before = names.indexOf(`${EXTERNAL_NAME}.`);
        report(ctx, dnsConfig, valueNode, `ndots ${ndots}: a name with fewer than ${Math.min(ndots, 15)} dots goes through the search list first — "${EXTERNAL_NAME}" is tried as ${before} other name${before === 1 ? '' : 's'} (${before * 2} queries, A and AAAA) before itself: ${names.slice(0, 2).join(', ')}${before > 2 ? ', …' : ''}${ndots > 15 ? '; glibc caps ndots at 15' : ''}`, { severity: 'warning' });
      } else if (ndots < 1) {
        report(ctx, dnsConfig, valueNode, 'ndots 0: even single-label names (a Service name like "db") are looked up as absolute names first ("db."), which fail, before the search list is tried', { severity: 'warning' });
      }
    }
  }
}
