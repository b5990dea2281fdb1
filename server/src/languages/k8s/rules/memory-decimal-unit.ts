// k8s/memory-decimal-unit: `1G` is 10^9 bytes, `1Gi` is 2^30 (7% more). A hint, since both
// are valid and some people mean G.

import { defineRule } from '../../../core/rules';
import { type CheckContext, replaceFix, report } from '../check';
import { formatBytes, parseQuantity } from '../quantity';
import { allContainerResources, BYTE_RESOURCES } from '../resources';

export const memoryDecimalUnit = defineRule({
  id: 'k8s/memory-decimal-unit',
  language: 'k8s',
  defaultSeverity: 'information',
  title: 'Memory in decimal units (G) where binary (Gi) is usual',
});

const DECIMAL_BYTES = new Set(['k', 'M', 'G', 'T', 'P', 'E']);

export function checkMemoryDecimalUnit(ctx: CheckContext): void {
  for (const { resources } of allContainerResources(ctx.ast.objects)) {
    for (const r of [...resources.requests.values(), ...resources.limits.values()]) {
      if (!BYTE_RESOURCES.has(r.name) || !r.quantity.ok || !DECIMAL_BYTES.has(r.quantity.suffix)) continue;
      const binary = `${r.quantity.number}${r.quantity.suffix === 'k' ? 'Ki' : `${r.quantity.suffix}i`}`;
      const alt = parseQuantity(binary);
      report(ctx, memoryDecimalUnit, r.node, `${r.text} is ${formatBytes(r.quantity.value)} (decimal ${r.quantity.suffix}, powers of 1000); ${binary} is ${alt.ok ? formatBytes(alt.value) : binary}`, {
        // Advice: 1G may be what was meant, so fix-all never changes the amount.
        fixes: replaceFix(ctx, r.node, binary)?.map((f) => ({ ...f, preferred: false })),
      });
    }
  }
}
