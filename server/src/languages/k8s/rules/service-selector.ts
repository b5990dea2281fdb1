// k8s/service-selector: a Service whose selector matches no pod template among the
// manifests in view gets no endpoints (and, if headless, no DNS records). Checked only when
// workloads of its namespace are in view.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { isService, selectorOf } from '../service';

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
    if (ctx.workspace.workloads(obj, selector).length > 0 || !ctx.workspace.hasWorkloads(obj)) continue;
    const wanted = [...selector].map(([k, v]) => `${k}=${v}`).join(',');
    report(ctx, serviceSelector, obj.entry(obj.map(obj.root, 'spec'), 'selector')?.value, `selector ${wanted} matches none of the pod templates in view: the Service gets no endpoints`);
  }
}
