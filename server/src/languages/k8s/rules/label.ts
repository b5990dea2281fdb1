// k8s/label: label keys are qualified names (`[prefix/]name`, IsQualifiedName) and values
// at most 63 alphanumerics, '-', '_', '.' (IsValidLabelValue) — in metadata.labels, the pod
// template's labels, selector.matchLabels and a Service's selector (ValidateLabels).

import type { YAMLMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { invalid } from '../apiErrors';
import type { K8sObject } from '../model';
import { labelValue, qualifiedName } from '../names';

export const label = defineRule({
  id: 'k8s/label',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Label key or value the API server rejects',
});

/** Label maps of an object, with the field path the API server names. */
function labelMaps(obj: K8sObject): Array<{ map: YAMLMap | undefined; path: string }> {
  const maps = [{ map: obj.map(obj.root, 'metadata', 'labels'), path: 'metadata.labels' }];
  if (obj.kind === 'Service') maps.push({ map: obj.map(obj.root, 'spec', 'selector'), path: 'spec.selector' });
  if (obj.pod && obj.pod.path !== 'spec') {
    const template = obj.pod.path.replace(/\.spec$/, '');
    maps.push({ map: obj.map(obj.root, ...template.split('.'), 'metadata', 'labels'), path: `${template}.metadata.labels` });
    const owner = template.replace(/\.template$/, '');
    maps.push({ map: obj.map(obj.root, ...owner.split('.'), 'selector', 'matchLabels'), path: `${owner}.selector.matchLabels` });
  }
  return maps;
}

export function checkLabel(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    for (const { map, path } of labelMaps(obj)) {
      for (const e of obj.entries(map)) {
        const key = String(e.key.value);
        for (const err of qualifiedName(key)) report(ctx, label, e.key, invalid(path, key, err));
        const value = obj.str(e.value);
        if (value === undefined || !e.value) continue;
        for (const err of labelValue(value)) report(ctx, label, e.value, invalid(path, value, err));
      }
    }
  }
}
