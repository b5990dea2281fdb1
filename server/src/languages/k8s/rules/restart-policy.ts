// k8s/restart-policy: a pod's spec.restartPolicy is Always, OnFailure or Never
// (validateRestartPolicy: `Unsupported value`; the OpenAPI schema's enum). Workload kinds
// narrow it further (Jobs, Deployments); that is not checked here.

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { unsupported } from '../apiErrors';
import { POD_RESTART_POLICIES } from '../facts';

export const restartPolicy = defineRule({
  id: 'k8s/restart-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Pod restartPolicy unknown',
});

export function checkRestartPolicy(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (!pod) continue;
    const node = obj.get(pod.spec, 'restartPolicy');
    const value = obj.str(node);
    if (!node || value === undefined || POD_RESTART_POLICIES.includes(value)) continue;
    const fix = POD_RESTART_POLICIES.find((p) => p.toLowerCase() === value.toLowerCase()) ?? closestMatch(value, POD_RESTART_POLICIES);
    report(ctx, restartPolicy, node, unsupported(`${pod.path}.restartPolicy`, value, POD_RESTART_POLICIES), { fixes: fix ? replaceFix(ctx, node, fix) : undefined });
  }
}
