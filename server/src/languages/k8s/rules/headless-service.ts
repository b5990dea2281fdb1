// k8s/headless-service: clusterIP None where the API server refuses it: LoadBalancer and
// NodePort Services need a cluster IP, ExternalName Services may not have one
// (validation.go ValidateService / validateServiceClusterIPs).

import { defineRule } from '../../../core/rules';
import { type CheckContext, relatedAt, report } from '../check';
import { forbidden, invalid } from '../apiErrors';
import { isHeadless, isService } from '../service';

export const headlessService = defineRule({
  id: 'k8s/headless-service',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'clusterIP: None on a Service type that cannot be headless',
});

export function checkHeadlessService(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects.filter(isService)) {
    const spec = obj.map(obj.root, 'spec');
    const type = obj.str(obj.get(spec, 'type')) ?? 'ClusterIP';
    const clusterIP = obj.entry(spec, 'clusterIP');
    const clusterIPs = obj.entry(spec, 'clusterIPs');
    const at = clusterIP?.value ?? clusterIPs?.value;
    // The API server checks clusterIPs (defaulted from clusterIP), so it names clusterIPs[0].
    const path = 'spec.clusterIPs[0]';
    if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(obj)) {
      report(ctx, headlessService, at, invalid(path, 'None', `may not be set to 'None' for ${type} services`), {
        related: relatedAt(ctx, obj.entry(spec, 'type')?.value, 'the Service type'),
      });
    } else if (type === 'ExternalName' && ((obj.str(clusterIP?.value) ?? '') !== '' || obj.items(clusterIPs?.value).length > 0)) {
      report(ctx, headlessService, at, forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    }
  }
}
