// k8s/vpa-target: the API does not check that a VPA's targetRef names a workload, nor that
// containerPolicies name its containers; a typo leaves the VPA doing nothing. Checked when
// the workspace holds workloads of the VPA's namespace (a VPA alone in a file is left be).

import { type Node, isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { resolveTarget, targetRefOf, vpasOf } from '../vpa';

export const vpaTarget = defineRule({
  id: 'k8s/vpa-target',
  language: 'k8s',
  defaultSeverity: 'warning',
  title: 'VerticalPodAutoscaler targetRef or containerName names nothing in the workspace',
});

export function checkVpaTarget(ctx: CheckContext): void {
  for (const { obj, spec } of vpasOf(ctx)) {
    const ref = targetRefOf(obj, spec);
    if (!ref.kind || !ref.name) continue;
    const target = resolveTarget(ctx, obj, spec);
    if (!target) {
      const sameKind = ctx.workspace.find(obj, ref.kind).filter((l) => l.summary.pod !== undefined && l.summary.name);
      if (sameKind.length === 0) continue;
      const suggestion = closestMatch(ref.name, sameKind.map((l) => l.summary.name!));
      const nameNode = obj.get(ref.map, 'name');
      report(ctx, vpaTarget, nameNode, `targetRef: no ${ref.kind} named "${ref.name}" among the manifests in view${suggestion ? `; did you mean "${suggestion}"?` : ''}`, {
        fixes: suggestion && nameNode ? replaceFix(ctx, nameNode, suggestion) : undefined,
      });
      continue;
    }
    const containers = target.summary.pod?.containers ?? [];
    for (const { node } of obj.items(obj.get(obj.map(spec, 'resourcePolicy'), 'containerPolicies'))) {
      if (!isMap(node)) continue;
      const nameNode = obj.get(node, 'containerName') as Node | undefined;
      const name = obj.str(nameNode);
      if (!name || name === '*' || containers.includes(name)) continue;
      const suggestion = closestMatch(name, containers);
      report(ctx, vpaTarget, nameNode, `containerName: ${ref.kind} "${ref.name}" has no container "${name}" (it has ${containers.map((c) => `"${c}"`).join(', ') || 'none'})`, {
        fixes: suggestion && nameNode ? replaceFix(ctx, nameNode, suggestion) : undefined,
      });
    }
  }
}
