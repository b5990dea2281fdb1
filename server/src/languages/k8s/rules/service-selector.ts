// k8s/service-selector: a Service whose selector matches no pod template among the
// manifests in view gets no endpoints (and, if headless, no DNS records). Checked only when
// workloads of its namespace are in view.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { isService, selectorOf, selects } from '../service';

export const serviceSelector = defineRule({
  id: 'k8s/service-selector',
  language: 'k8s',
  defaultSeverity: 'warning',
  title: 'Service selector matches no pod template in view',
});

export function checkServiceSelector(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects.filter(isService)) {
    const selector = selectorOf(obj);
    if (!selector || selector.size === 0) continue;
    const workloads = ctx.workspace.workloads(obj).filter((l) => l.obj.kind !== 'Pod' || l.obj.pod!.labels.size > 0);
    if (workloads.length === 0 || workloads.some((l) => selects(selector, l.obj.pod!.labels))) continue;
    const wanted = [...selector].map(([k, v]) => `${k}=${v}`).join(',');
    report(ctx, serviceSelector, obj.entry(obj.map(obj.root, 'spec'), 'selector')?.value, `selector ${wanted} matches none of the ${workloads.length} pod template${workloads.length === 1 ? '' : 's'} in view: the Service gets no endpoints`);
  }
}
