// k8s/resource-quantity: requests and limits must be quantities apimachinery can parse
// (`512MB` is rejected before validation even starts), and not negative.

import { defineRule } from '../../../core/rules';
import { type CheckContext, replaceFix, report } from '../check';
import { invalid } from '../apiErrors';
import { intendedSuffix } from '../quantity';
import { allContainerResources, BYTE_RESOURCES } from '../resources';

export const resourceQuantity = defineRule({
  id: 'k8s/resource-quantity',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Resource quantity the API server cannot parse, or negative',
});

export function checkResourceQuantity(ctx: CheckContext): void {
  for (const { container, resources } of allContainerResources(ctx.ast.objects)) {
    for (const [list, values] of [['requests', resources.requests], ['limits', resources.limits]] as const) {
      for (const r of values.values()) {
        const path = `${container.path}.resources.${list}[${r.name}]`;
        if (!r.quantity.ok) {
          const meant = BYTE_RESOURCES.has(r.name) ? intendedSuffix(r.text) : undefined;
          const fix = meant ? `${meant.number}${meant.suffix}` : undefined;
          report(ctx, resourceQuantity, r.node, `${path}: ${r.quantity.error}${fix ? ` (did you mean ${fix}?)` : ''}`, { fixes: fix ? replaceFix(ctx, r.node, fix) : undefined });
        } else if (r.quantity.value < 0) {
          report(ctx, resourceQuantity, r.node, invalid(path, r.text, 'must be greater than or equal to 0'));
        }
      }
    }
  }
}
