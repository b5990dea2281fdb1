// k8s/field-type: a field our rules read has a YAML type the API server cannot decode
// (a string where it wants a list, a list where it wants a map, …): the object is rejected
// before validation.go runs. Only the fields these rules look at; the whole OpenAPI schema
// is the YAML extension's business. Null (`field:` with no value) is what the API accepts.

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import type { K8sObject } from '../model';
import { isService } from '../service';

export const fieldType = defineRule({
  id: 'k8s/field-type',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Field of the wrong type (a list, map or string expected)',
});

type Shape = 'map' | 'list' | 'string';

/** Field paths (from the pod spec, a container, a Service) and the JSON type the OpenAPI schema gives them. */
const POD_FIELDS: Array<[string[], Shape]> = [
  [['dnsConfig'], 'map'],
  [['dnsConfig', 'nameservers'], 'list'],
  [['dnsConfig', 'searches'], 'list'],
  [['dnsConfig', 'options'], 'list'],
];
const CONTAINER_FIELDS: Array<[string[], Shape]> = [
  [['resources'], 'map'],
  [['resources', 'limits'], 'map'],
  [['resources', 'requests'], 'map'],
  [['resizePolicy'], 'list'],
];
const SERVICE_FIELDS: Array<[string[], Shape]> = [
  [['spec'], 'map'],
  [['spec', 'type'], 'string'],
  [['spec', 'clusterIP'], 'string'],
  [['spec', 'ports'], 'list'],
  [['spec', 'selector'], 'map'],
];

const ARTICLE: Record<Shape, string> = { map: 'a map', list: 'a list', string: 'a string' };

function shapeOf(node: Node): string | undefined {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'list';
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? 'string' : typeof node.value === 'number' ? 'number' : typeof node.value === 'boolean' ? 'boolean' : undefined;
}

function checkFields(ctx: CheckContext, obj: K8sObject, base: YAMLMap, basePath: string, fields: Array<[string[], Shape]>): void {
  for (const [path, want] of fields) {
    const parent = path.length === 1 ? base : obj.map(base, ...path.slice(0, -1));
    const entry = obj.entry(parent, path[path.length - 1]);
    if (!entry?.value) continue;
    const got = shapeOf(entry.value);
    if (got === undefined || got === want) continue;
    const fieldPath = [basePath, ...path].filter(Boolean).join('.');
    report(ctx, fieldType, entry.value, `${fieldPath}: must be ${ARTICLE[want]}, not a ${got} (the API server cannot decode the object)`);
  }
}

export function checkFieldType(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    const pod = obj.pod;
    if (pod) {
      checkFields(ctx, obj, pod.spec, pod.path, POD_FIELDS);
      for (const c of pod.containers) checkFields(ctx, obj, c.map, c.path, CONTAINER_FIELDS);
    }
    if (isService(obj)) checkFields(ctx, obj, obj.root, '', SERVICE_FIELDS);
  }
}
