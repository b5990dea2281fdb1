// k8s/resize-memory-limit: before Kubernetes 1.35 the API server refuses to lower a memory
// limit in place unless memory's resizePolicy is RestartContainer; from 1.35 a decrease with
// NotRequired is allowed but best-effort (pending while usage is above the new limit).

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { RESIZE } from '../facts';
import { resizePolicies } from '../resizePolicies';
import { atLeast, formatVersion } from '../version';

export const resizeMemoryLimit = defineRule({
  id: 'k8s/resize-memory-limit',
  language: 'k8s',
  defaultSeverity: 'information',
  title: 'Memory limit decreases with NotRequired, as the Kubernetes version in use handles them',
});

export function checkResizeMemoryLimit(ctx: CheckContext): void {
  if (atLeast(ctx.kubernetes, RESIZE.memoryDecreaseNotRequiredSince) || !atLeast(ctx.kubernetes, RESIZE.beta)) return;
  for (const { obj, container, items } of resizePolicies(ctx)) {
    if (container.list === 'ephemeralContainers') continue;
    for (const item of items) {
      if (obj.str(obj.get(item.map, 'resourceName')) !== 'memory' || obj.str(obj.get(item.map, 'restartPolicy')) !== 'NotRequired') continue;
      report(
        ctx,
        resizeMemoryLimit,
        obj.entry(item.map, 'restartPolicy')?.value,
        `In Kubernetes ${formatVersion(ctx.kubernetes)} this container's memory limit can be raised in place but not lowered: the resize is refused with "${container.path}.resources.limits[memory]: Forbidden: memory limits cannot be decreased unless resizePolicy is RestartContainer" (allowed, best-effort, from ${RESIZE.memoryDecreaseNotRequiredSince})`,
      );
    }
  }
}
