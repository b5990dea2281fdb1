// k8s/statefulset-service-name: a StatefulSet's serviceName names its governing Service,
// which must exist and be headless for the pods to get `<pod>.<svc>.<ns>.svc` records. The
// API does not check this across objects; we look in this file and the workspace.

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, relatedAt, replaceFix, report } from '../check';

export const statefulsetServiceName = defineRule({
  id: 'k8s/statefulset-service-name',
  language: 'k8s',
  defaultSeverity: 'warning',
  title: "A StatefulSet's serviceName is not a headless Service",
});

export function checkStatefulsetServiceName(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects.filter((o) => o.kind === 'StatefulSet' && o.apiVersion === 'apps/v1')) {
    const field = obj.entry(obj.map(obj.root, 'spec'), 'serviceName');
    const name = obj.str(field?.value);
    if (!field?.value || !name) continue;
    const match = ctx.workspace.find(obj, 'Service', name)[0];
    if (match) {
      if (match.summary.headless) continue;
      const where = match.uri ? 'in another file' : 'in this file';
      const at = match.obj.entry(match.obj.map(match.obj.root, 'spec'), 'clusterIP')?.key ?? match.obj.entry(match.obj.root, 'metadata')?.key;
      report(ctx, statefulsetServiceName, field.value, `serviceName "${name}" names a Service that is not headless (${where}): the pods get no per-pod DNS names; set clusterIP: None on it (clusterIP cannot change in place: delete and re-create the Service)`, {
        related: relatedAt(ctx, at, `Service "${name}"`, { ast: match.obj.ast, uri: match.uri }),
      });
      continue;
    }
    // Only say "missing" when Services are in view at all; a StatefulSet alone is left be.
    const services = ctx.workspace.find(obj, 'Service');
    if (services.length === 0) continue;
    const headless = services.filter((l) => l.summary.headless && l.summary.name).map((l) => l.summary.name!);
    const suggestion = closestMatch(name, headless);
    report(ctx, statefulsetServiceName, field.value, `serviceName "${name}": no Service of that name among the manifests in view${suggestion ? `; did you mean the headless Service "${suggestion}"?` : ''}`, {
      severity: 'information',
      fixes: suggestion ? replaceFix(ctx, field.value, suggestion) : undefined,
    });
  }
}
