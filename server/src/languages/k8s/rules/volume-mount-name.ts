// k8s/volume-mount-name: every volumeMounts[].name (and volumeDevices[].name) must name a
// volume of the pod (`spec.containers[0].volumeMounts[0].name: Not found: "data"`); a
// StatefulSet's volumeClaimTemplates count as volumes.

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { goValue } from '../apiErrors';
import { type CheckContext, isPartial, replaceFix, report } from '../check';

export const volumeMountName = defineRule({
  id: 'k8s/volume-mount-name',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'volumeMount names no volume of the pod',
});

export function checkVolumeMountName(ctx: CheckContext): void {
  if (isPartial(ctx)) return;
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (!pod) continue;
    const volumes = obj.items(obj.get(pod.spec, 'volumes')).flatMap((i) => (isMap(i.node) ? [obj.str(obj.get(i.node, 'name'))] : [])).filter((n): n is string => !!n);
    if (obj.kind === 'StatefulSet') {
      for (const t of obj.items(obj.get(obj.map(obj.root, 'spec'), 'volumeClaimTemplates'))) if (isMap(t.node)) { const n = obj.str(obj.get(obj.map(t.node, 'metadata'), 'name')); if (n) volumes.push(n); }
    }
    for (const c of pod.containers) {
      for (const list of ['volumeMounts', 'volumeDevices']) {
        for (const { node, index } of obj.items(obj.get(c.map, list))) {
          if (!isMap(node)) continue;
          const nameNode = obj.get(node, 'name');
          const name = obj.str(nameNode);
          if (name === undefined || !nameNode || volumes.includes(name)) continue;
          const suggestion = closestMatch(name, volumes);
          report(ctx, volumeMountName, nameNode, `${c.path}.${list}[${index}].name: Not found: ${goValue(name)}${suggestion ? ` (the pod's volumes: ${volumes.map((v) => `"${v}"`).join(', ')})` : volumes.length === 0 ? ' (the pod has no volumes)' : ''}`, {
            fixes: suggestion ? replaceFix(ctx, nameNode, suggestion) : undefined,
          });
        }
      }
    }
  }
}
