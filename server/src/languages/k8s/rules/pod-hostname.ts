// k8s/pod-hostname: spec.hostname and spec.subdomain are DNS-1123 labels
// (ValidateDNS1123Label); a pod gets `<hostname>.<subdomain>.<ns>.svc` only when a headless
// Service named exactly <subdomain> selects it, so a non-headless one is worth a warning.

import { defineRule } from '../../../core/rules';
import { type CheckContext, replaceFix, report } from '../check';
import { invalid } from '../apiErrors';
import { dns1123Label, suggestLabel } from '../names';

export const podHostname = defineRule({
  id: 'k8s/pod-hostname',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Pod hostname/subdomain invalid or without a headless Service',
});

export function checkPodHostname(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (!pod) continue;
    for (const key of ['hostname', 'subdomain']) {
      const field = obj.entry(pod.spec, key);
      const value = obj.str(field?.value);
      if (!field?.value || value === undefined) continue;
      const errors = dns1123Label(value);
      const fix = suggestLabel(value);
      for (const e of errors) report(ctx, podHostname, field.value, invalid(`${pod.path}.${key}`, value, e), { fixes: fix ? replaceFix(ctx, field.value, fix) : undefined });
      if (key !== 'subdomain' || errors.length > 0) continue;
      const service = ctx.workspace.find(obj, 'Service', value)[0];
      if (service && !service.summary.headless) {
        report(ctx, podHostname, field.value, `subdomain "${value}": the Service of that name is not headless, so the pod gets no <hostname>.${value} record`, { severity: 'warning' });
      }
    }
  }
}
