// k8s/memory-milli: `memory: 500m` is valid and means half a byte (m is milli). It is
// always a slip for Mi; the kubelet rounds it up to 1 byte.

import { defineRule } from '../../../core/rules';
import { type CheckContext, replaceFix, report } from '../check';
import { allContainerResources, BYTE_RESOURCES } from '../resources';

export const memoryMilli = defineRule({
  id: 'k8s/memory-milli',
  language: 'k8s',
  defaultSeverity: 'warning',
  title: 'Memory in milli-bytes (m instead of Mi)',
});

export function checkMemoryMilli(ctx: CheckContext): void {
  for (const { container, resources } of allContainerResources(ctx.ast.objects)) {
    for (const [list, values] of [['requests', resources.requests], ['limits', resources.limits]] as const) {
      for (const r of values.values()) {
        if (!BYTE_RESOURCES.has(r.name) || !r.quantity.ok || r.quantity.suffix !== 'm') continue;
        const meant = `${r.quantity.number}Mi`;
        report(ctx, memoryMilli, r.node, `${container.path}.resources.${list}[${r.name}]: ${r.text} is ${r.quantity.value} bytes ("m" is milli); did you mean ${meant}?`, {
          fixes: replaceFix(ctx, r.node, meant),
        });
      }
    }
  }
}
