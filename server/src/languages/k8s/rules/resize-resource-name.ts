// k8s/resize-resource-name: resizePolicy[].resourceName must be cpu or memory, once each
// (validateResizePolicy).

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { RESIZE } from '../facts';
import { duplicate, required, unsupported } from '../apiErrors';
import { resizePolicies } from '../resizePolicies';

export const resizeResourceName = defineRule({
  id: 'k8s/resize-resource-name',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'resizePolicy resourceName is not cpu or memory, or is listed twice',
});

export function checkResizeResourceName(ctx: CheckContext): void {
  for (const { obj, container, items } of resizePolicies(ctx)) {
    const seen = new Set<string>();
    for (const item of items) {
      const base = `${container.path}.resizePolicy[${item.index}]`;
      const field = obj.entry(item.map, 'resourceName');
      const value = obj.str(field?.value);
      if (!field || value === undefined || value === '') {
        report(ctx, resizeResourceName, field?.key ?? item.node, required(`${base}.resourceName`));
        continue;
      }
      if (!(RESIZE.resourceNames as readonly string[]).includes(value)) {
        const fix = closestMatch(value, RESIZE.resourceNames);
        report(ctx, resizeResourceName, field.value, unsupported(`${base}.resourceName`, value, RESIZE.resourceNames), { fixes: fix && field.value ? replaceFix(ctx, field.value, fix) : undefined });
        continue;
      }
      if (seen.has(value)) report(ctx, resizeResourceName, field.value, duplicate(base, value));
      seen.add(value);
    }
  }
}
