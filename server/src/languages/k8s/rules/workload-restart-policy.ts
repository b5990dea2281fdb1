// k8s/workload-restart-policy: the restartPolicy a workload kind allows for its pods.
// Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers run pods
// forever: only Always (`spec.template.spec.restartPolicy: Unsupported value: "Never":
// supported values: "Always"`). Jobs (and CronJobs' job templates) need OnFailure or Never,
// and the pod default Always is refused (`Required value: valid values: "OnFailure",
// "Never"`). Pods allow all three (k8s/restart-policy checks the spelling).

import { defineRule } from '../../../core/rules';
import { required, unsupported } from '../apiErrors';
import { type CheckContext, isPartial, report } from '../check';

export const workloadRestartPolicy = defineRule({
  id: 'k8s/workload-restart-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'restartPolicy the workload kind does not allow',
});

const ALWAYS_ONLY = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);
const JOBS = new Set(['Job', 'CronJob']);
const JOB_POLICIES = ['OnFailure', 'Never'];

export function checkWorkloadRestartPolicy(ctx: CheckContext): void {
  if (isPartial(ctx)) return;
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (!pod || !(ALWAYS_ONLY.has(obj.kind) || JOBS.has(obj.kind))) continue;
    const entry = obj.entry(pod.spec, 'restartPolicy');
    const value = obj.str(entry?.value);
    const path = `${pod.path}.restartPolicy`;
    if (ALWAYS_ONLY.has(obj.kind)) {
      if (value !== undefined && value !== 'Always' && ['OnFailure', 'Never'].includes(value)) report(ctx, workloadRestartPolicy, entry?.value, unsupported(path, value, ['Always']));
      continue;
    }
    if (value === undefined) {
      const at = obj.entry(obj.map(obj.root, ...pod.path.split('.').slice(0, -1)), 'spec')?.key;
      report(ctx, workloadRestartPolicy, at, required(path, 'valid values: "OnFailure", "Never"'));
    } else if (value === 'Always') report(ctx, workloadRestartPolicy, entry?.value, unsupported(path, value, JOB_POLICIES));
  }
}
