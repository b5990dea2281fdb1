// k8s/object-name: names the API server validates by shape: metadata.name (a DNS-1035
// label for Services, a DNS-1123 label for Namespaces, a DNS-1123 subdomain for most other
// kinds), container names (DNS-1123 labels, unique in the pod) and container port names
// (IANA_SVC_NAME). A container without a name: `Required value`.

import { isMap, type Node } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, replaceFix, report } from '../check';
import { duplicate, invalid, required } from '../apiErrors';
import { dns1035Label, dns1123Label, dns1123Subdomain, portName, suggestLabel } from '../names';

export const objectName = defineRule({
  id: 'k8s/object-name',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Object, container or port name the API server rejects',
});

/** Kinds whose names the API server checks with a stricter validator than a subdomain. */
const NAME_VALIDATORS: Record<string, (s: string) => string[]> = { Service: dns1035Label, Namespace: dns1123Label };
/** Kinds this rule knows the name rules of (built-in groups); CRDs may have their own. */
const CORE_GROUPS = /^(v1|apps\/v1|batch\/v1|autoscaling\/v[12]|networking\.k8s\.io\/v1|policy\/v1|autoscaling\.k8s\.io\/v1)$/;

export function checkObjectName(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    if (!CORE_GROUPS.test(obj.apiVersion)) continue;
    const nameNode = obj.get(obj.map(obj.root, 'metadata'), 'name');
    const name = obj.str(nameNode);
    if (name !== undefined && nameNode) {
      const validate = NAME_VALIDATORS[obj.kind] ?? dns1123Subdomain;
      const errors = validate(name);
      const fix = errors.length ? suggestLabel(name) : undefined;
      for (const e of errors) report(ctx, objectName, nameNode, invalid('metadata.name', name, e), { fixes: fix && validate(fix).length === 0 ? replaceFix(ctx, nameNode, fix) : undefined });
    }
    const pod = obj.pod;
    if (!pod) continue;
    const seen = new Set<string>();
    for (const c of pod.containers) {
      const cNameNode = obj.get(c.map, 'name');
      if (c.name !== undefined && cNameNode) {
        for (const e of dns1123Label(c.name)) report(ctx, objectName, cNameNode, invalid(`${c.path}.name`, c.name, e), { fixes: fixFor(ctx, cNameNode, c.name, dns1123Label) });
        if (seen.has(c.name)) report(ctx, objectName, cNameNode, duplicate(`${c.path}.name`, c.name));
        seen.add(c.name);
      } else if (!cNameNode) {
        report(ctx, objectName, c.map.items[0]?.key as Node | undefined ?? c.map, required(`${c.path}.name`));
      }
      for (const { node, index } of obj.items(obj.get(c.map, 'ports'))) {
        if (!isMap(node)) continue;
        const pNode = obj.get(node, 'name');
        const pName = obj.str(pNode);
        if (pName === undefined || !pNode) continue;
        for (const e of portName(pName)) report(ctx, objectName, pNode, invalid(`${c.path}.ports[${index}].name`, pName, e), { fixes: fixFor(ctx, pNode, pName, portName, 15) });
      }
    }
  }
}

function fixFor(ctx: CheckContext, node: Node, value: string, validate: (s: string) => string[], max?: number) {
  const fix = suggestLabel(value, max);
  return fix && validate(fix).length === 0 ? replaceFix(ctx, node, fix) : undefined;
}
