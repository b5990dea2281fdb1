// k8s/vpa-min-replicas: spec.updatePolicy.minReplicas must be positive (the VPA admission
// controller's validateVPASpecUpdatePolicy).

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { invalid } from '../apiErrors';
import { vpasOf } from '../vpa';

export const vpaMinReplicas = defineRule({
  id: 'k8s/vpa-min-replicas',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'VerticalPodAutoscaler minReplicas is not positive',
});

export function checkVpaMinReplicas(ctx: CheckContext): void {
  for (const { obj, spec } of vpasOf(ctx)) {
    const field = obj.entry(obj.map(spec, 'updatePolicy'), 'minReplicas');
    const n = obj.num(field?.value);
    if (field?.value && n !== undefined && n <= 0) report(ctx, vpaMinReplicas, field.value, invalid('spec.updatePolicy.minReplicas', n, 'minReplicas has to be positive'));
  }
}
