// k8s/service-type: spec.type of a Service is one of ClusterIP, NodePort, LoadBalancer,
// ExternalName (ValidateService: `spec.type: Unsupported value`; the OpenAPI schema's enum).
// The usual slip is the case: `Loadbalancer`, `nodePort`.

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { unsupported } from '../apiErrors';
import { SERVICE_TYPES } from '../facts';
import { isService } from '../service';

export const serviceType = defineRule({
  id: 'k8s/service-type',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Service type unknown',
});

export function checkServiceType(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects.filter(isService)) {
    const node = obj.get(obj.map(obj.root, 'spec'), 'type');
    const value = obj.str(node);
    if (!node || value === undefined || SERVICE_TYPES.includes(value)) continue;
    const fix = SERVICE_TYPES.find((t) => t.toLowerCase() === value.toLowerCase()) ?? closestMatch(value, SERVICE_TYPES);
    report(ctx, serviceType, node, unsupported('spec.type', value, SERVICE_TYPES), { fixes: fix ? replaceFix(ctx, node, fix) : undefined });
  }
}
