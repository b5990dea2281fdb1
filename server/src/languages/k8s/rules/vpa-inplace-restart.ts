// k8s/vpa-inplace-restart: an in-place VPA mode on a workload whose containers say
// `restartPolicy: RestartContainer` for a resource: every "in-place" update restarts those
// containers (and the updater cannot skip disruption budgets for them).

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import type { RelatedLocation } from '../../../core/finding';
import { type CheckContext, relatedAt, report } from '../check';
import { resolveTarget, vpasOf } from '../vpa';

export const vpaInplaceRestart = defineRule({
  id: 'k8s/vpa-inplace-restart',
  language: 'k8s',
  // The system silently does something other than written: "in place" restarts containers.
  defaultSeverity: 'warning',
  title: 'In-place VPA updates will restart containers whose resizePolicy says RestartContainer',
});

export function checkVpaInplaceRestart(ctx: CheckContext): void {
  for (const { obj, spec } of vpasOf(ctx)) {
    const modeNode = obj.get(obj.map(spec, 'updatePolicy'), 'updateMode');
    const mode = obj.str(modeNode);
    if (mode !== 'InPlaceOrRecreate' && mode !== 'InPlace') continue;
    const target = resolveTarget(ctx, obj, spec);
    if (!target) continue;
    const t = target.obj;
    const restarting: string[] = [];
    const related: RelatedLocation[] = [];
    for (const c of t.pod?.containers ?? []) {
      for (const { node } of t.items(t.get(c.map, 'resizePolicy'))) {
        if (!isMap(node)) continue;
        const policy = t.get(node, 'restartPolicy');
        if (t.str(policy) !== 'RestartContainer') continue;
        const what = `${c.name ?? c.path} (${t.str(t.get(node, 'resourceName')) ?? '?'})`;
        restarting.push(what);
        related.push(...(relatedAt(ctx, policy, `${what}: restartPolicy RestartContainer`, { ast: t.ast, uri: target.uri }) ?? []));
      }
    }
    if (restarting.length === 0) continue;
    report(ctx, vpaInplaceRestart, modeNode, `${mode}: the target's resizePolicy says RestartContainer for ${restarting.join(', ')}: each in-place update restarts ${restarting.length === 1 ? 'that container' : 'those containers'}`, { related });
  }
}
