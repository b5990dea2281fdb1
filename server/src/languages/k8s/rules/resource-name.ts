// k8s/resource-name: the names under a container's resources.requests / limits must be
// standard container resources (cpu, memory, ephemeral-storage, hugepages-<size>) or fully
// qualified extended resources (`nvidia.com/gpu`): validateContainerResourceName's
// `Invalid value: "cpus": must be a standard resource type or fully qualified` and
// `must be a standard resource for containers` (a quota name such as `requests.cpu`).

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { invalid } from '../apiErrors';
import { type CheckContext, replaceFix, report } from '../check';
import { readResourceList } from '../resources';

export const resourceName = defineRule({
  id: 'k8s/resource-name',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Resource name that is not a container resource',
});

const STANDARD = ['cpu', 'memory', 'ephemeral-storage'];
const HUGEPAGES = /^hugepages-[0-9]+(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const QUALIFIED = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** Standard names that are not for containers (quota and node names). */
const NOT_FOR_CONTAINERS = /^(requests\.|limits\.)|^(pods|services|storage|persistentvolumeclaims)$/;

export function checkResourceName(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    for (const c of obj.pod?.containers ?? []) {
      const resources = obj.map(c.map, 'resources');
      for (const list of ['requests', 'limits']) {
        for (const r of readResourceList(obj, obj.get(resources, list)).values()) {
          if (STANDARD.includes(r.name) || HUGEPAGES.test(r.name)) continue;
          if (r.name.includes('/') && QUALIFIED.test(r.name) && !r.name.startsWith('kubernetes.io/')) continue;
          const path = `${c.path}.resources.${list}[${r.name}]`;
          const detail = NOT_FOR_CONTAINERS.test(r.name) ? 'must be a standard resource for containers' : 'must be a standard resource type or fully qualified';
          const suggestion = closestMatch(r.name.replace(/^(requests|limits)\./, ''), STANDARD);
          report(ctx, resourceName, r.key, invalid(path, r.name, detail), { fixes: suggestion ? replaceFix(ctx, r.key, suggestion) : undefined });
        }
      }
    }
  }
}
