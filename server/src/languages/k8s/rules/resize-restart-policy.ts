// k8s/resize-restart-policy: resizePolicy[].restartPolicy must be NotRequired or
// RestartContainer (validateResizePolicy), and NotRequired when the pod's restartPolicy is
// Never. RestartNotRequired / Restart, from early KEP drafts and blog posts, get a fix.

import { defineRule } from '../../../core/rules';
import { type CheckContext, relatedAt, replaceFix, report } from '../check';
import { RESIZE, RESIZE_POLICY_MISTAKES } from '../facts';
import { invalid, required, unsupported } from '../apiErrors';
import { resizePolicies } from '../resizePolicies';

export const resizeRestartPolicy = defineRule({
  id: 'k8s/resize-restart-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'resizePolicy restartPolicy is not NotRequired or RestartContainer',
});

export function checkResizeRestartPolicy(ctx: CheckContext): void {
  for (const { obj, container, items } of resizePolicies(ctx)) {
    const podRestartPolicy = obj.str(obj.get(obj.pod?.spec, 'restartPolicy'));
    for (const item of items) {
      const path = `${container.path}.resizePolicy[${item.index}].restartPolicy`;
      const field = obj.entry(item.map, 'restartPolicy');
      const value = obj.str(field?.value);
      if (!field || value === undefined || value === '') {
        report(ctx, resizeRestartPolicy, field?.key ?? item.node, required(path));
        continue;
      }
      if (!(RESIZE.restartPolicies as readonly string[]).includes(value)) {
        const fix = RESIZE_POLICY_MISTAKES[value] ?? RESIZE.restartPolicies.find((p) => p.toLowerCase() === value.toLowerCase());
        report(ctx, resizeRestartPolicy, field.value, unsupported(path, value, RESIZE.restartPolicies), { fixes: fix && field.value ? replaceFix(ctx, field.value, fix) : undefined });
      } else if (podRestartPolicy === 'Never' && value !== 'NotRequired') {
        report(ctx, resizeRestartPolicy, field.value, invalid(path, value, "must be 'NotRequired' when `restartPolicy` is 'Never'"), {
          fixes: field.value ? replaceFix(ctx, field.value, 'NotRequired') : undefined,
          related: relatedAt(ctx, obj.entry(obj.pod?.spec, 'restartPolicy')?.value, 'the pod never restarts its containers'),
        });
      }
    }
  }
}
