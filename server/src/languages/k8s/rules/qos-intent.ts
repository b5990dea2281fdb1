// k8s/qos-intent: a container whose memory request equals its limit looks meant to be
// Guaranteed, but without a cpu limit (equal to the request) the pod is Burstable: it is
// evicted before Guaranteed pods and gets no exclusive CPUs under the static CPU manager.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { allContainerResources } from '../resources';

export const qosIntent = defineRule({
  id: 'k8s/qos-intent',
  language: 'k8s',
  defaultSeverity: 'information',
  title: 'Guaranteed intent without a cpu limit',
});

export function checkQosIntent(ctx: CheckContext): void {
  for (const { container, resources } of allContainerResources(ctx.ast.objects)) {
    const memReq = resources.requests.get('memory');
    const memLim = resources.limits.get('memory');
    const cpuReq = resources.requests.get('cpu');
    if (!memReq?.quantity.ok || !memLim?.quantity.ok || !cpuReq?.quantity.ok || memReq.quantity.value !== memLim.quantity.value) continue;
    if (resources.limits.has('cpu')) continue;
    report(ctx, qosIntent, cpuReq.node, `${container.path}: memory request equals its limit but cpu has no limit, so the pod is Burstable, not Guaranteed; add limits.cpu: ${cpuReq.text} for Guaranteed`);
  }
}
