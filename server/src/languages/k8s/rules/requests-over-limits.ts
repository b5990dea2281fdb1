// k8s/requests-over-limits: a request above its limit is rejected
// (ValidateResourceRequirements: "must be less than or equal to <resource> limit of <q>").

import { defineRule } from '../../../core/rules';
import { type CheckContext, relatedAt, report } from '../check';
import { invalid } from '../apiErrors';
import { allContainerResources } from '../resources';

export const requestsOverLimits = defineRule({
  id: 'k8s/requests-over-limits',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'A resource request is above its limit',
});

export function checkRequestsOverLimits(ctx: CheckContext): void {
  for (const { container, resources } of allContainerResources(ctx.ast.objects)) {
    for (const [name, request] of resources.requests) {
      const limit = resources.limits.get(name);
      if (!limit?.quantity.ok || !request.quantity.ok || request.quantity.value <= limit.quantity.value) continue;
      report(ctx, requestsOverLimits, request.node, invalid(`${container.path}.resources.requests[${name}]`, request.text, `must be less than or equal to ${name} limit of ${limit.text}`), {
        related: relatedAt(ctx, limit.node, `${name} limit`),
      });
    }
  }
}
