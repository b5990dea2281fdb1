// VerticalPodAutoscaler objects of this file and what their targetRef names.

import type { YAMLMap } from 'yaml';
import type { CheckContext } from './check';
import type { K8sObject } from './model';
import type { Located } from './workspace';

export function isVpa(obj: K8sObject): boolean {
  return obj.kind === 'VerticalPodAutoscaler' && obj.apiVersion.startsWith('autoscaling.k8s.io/');
}

export function vpasOf(ctx: CheckContext): Array<{ obj: K8sObject; spec: YAMLMap }> {
  return ctx.ast.objects.flatMap((obj) => {
    const spec = isVpa(obj) ? obj.map(obj.root, 'spec') : undefined;
    return spec ? [{ obj, spec }] : [];
  });
}

export interface TargetRef {
  kind?: string;
  name?: string;
  map?: YAMLMap;
}

export function targetRefOf(obj: K8sObject, spec: YAMLMap): TargetRef {
  const map = obj.map(spec, 'targetRef');
  return { map, kind: obj.str(obj.get(map, 'kind')), name: obj.str(obj.get(map, 'name')) };
}

/** The workload the VPA targets, when the workspace holds it. */
export function resolveTarget(ctx: CheckContext, obj: K8sObject, spec: YAMLMap): Located | undefined {
  const ref = targetRefOf(obj, spec);
  if (!ref.kind || !ref.name) return undefined;
  return ctx.workspace.find(obj, ref.kind, ref.name).find((l) => l.summary.pod !== undefined);
}
