// k8s/resize-qos: a resize may not change the pod's QoS class. A Guaranteed pod
// (requests == limits for cpu and memory everywhere) can only be resized by moving requests
// and limits together; a resize of one of them is rejected with "Pod QOS Class may not
// change as a result of resizing".

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { resizePolicies } from '../resizePolicies';
import { qosClass } from '../resources';

export const resizeQos = defineRule({
  id: 'k8s/resize-qos',
  language: 'k8s',
  defaultSeverity: 'information',
  title: 'A resize of this pod must keep its QoS class',
});

export function checkResizeQos(ctx: CheckContext): void {
  const done = new Set<object>();
  for (const { obj, container, entry } of resizePolicies(ctx)) {
    if (done.has(obj) || container.list === 'ephemeralContainers') continue;
    done.add(obj);
    if (qosClass(obj) !== 'Guaranteed') continue;
    report(
      ctx,
      resizeQos,
      entry.key,
      'This pod is Guaranteed (requests == limits): every in-place resize must set requests and limits to the same new value for cpu and memory, or the API server refuses it ("Pod QOS Class may not change as a result of resizing")',
    );
  }
}
