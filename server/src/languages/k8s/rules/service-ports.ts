// k8s/service-ports: a Service needs ports unless it is headless or ExternalName
// (`spec.ports: Required value`); Service port names are DNS-1123 labels, unique, and
// required when there is more than one port.

import { isMap, type Node } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { duplicate, invalid, required } from '../apiErrors';
import { dns1123Label } from '../names';
import { isHeadless, isService } from '../service';

export const servicePorts = defineRule({
  id: 'k8s/service-ports',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Service ports missing, unnamed or badly named',
});

export function checkServicePorts(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects.filter(isService)) {
    const spec = obj.entry(obj.root, 'spec');
    const specMap = obj.map(obj.root, 'spec');
    const type = obj.str(obj.get(specMap, 'type')) ?? 'ClusterIP';
    const ports = obj.items(obj.get(specMap, 'ports'));
    if (ports.length === 0) {
      if (!isHeadless(obj) && type !== 'ExternalName') report(ctx, servicePorts, obj.entry(specMap, 'ports')?.key ?? spec?.key ?? obj.entry(obj.root, 'kind')?.value, required('spec.ports'));
      continue;
    }
    const names = new Set<string>();
    for (const { node, index } of ports) {
      if (!isMap(node)) continue;
      // A missing port decodes as 0, which IsValidPortNum rejects.
      if (!obj.entry(node, 'port')) report(ctx, servicePorts, node.items[0]?.key as Node | undefined ?? node, invalid(`spec.ports[${index}].port`, 0, 'must be between 1 and 65535, inclusive'));
      const nameEntry = obj.entry(node, 'name');
      const name = obj.str(nameEntry?.value);
      const path = `spec.ports[${index}].name`;
      if (!name) {
        if (ports.length > 1) report(ctx, servicePorts, node, required(path));
        continue;
      }
      for (const e of dns1123Label(name)) report(ctx, servicePorts, nameEntry?.value, invalid(path, name, e));
      if (names.has(name)) report(ctx, servicePorts, nameEntry?.value, duplicate(path, name));
      names.add(name);
    }
  }
}
