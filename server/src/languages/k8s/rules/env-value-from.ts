// k8s/env-value-from: an env var has either `value` or `valueFrom`, and valueFrom exactly
// one source (validateEnvVarValueFrom: `may not be specified when `value` is not empty`,
// `must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or
// `secretKeyRef``, `may not have more than one field specified at a time`).

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { invalid } from '../apiErrors';
import { type CheckContext, report } from '../check';

export const envValueFrom = defineRule({
  id: 'k8s/env-value-from',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'env var with both value and valueFrom, or valueFrom without exactly one source',
});

const SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];

export function checkEnvValueFrom(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    for (const c of obj.pod?.containers ?? []) {
      for (const { node, index } of obj.items(obj.get(c.map, 'env'))) {
        if (!isMap(node)) continue;
        const from = obj.entry(node, 'valueFrom');
        if (!from || !isMap(from.value)) continue;
        const path = `${c.path}.env[${index}].valueFrom`;
        const value = obj.str(obj.get(node, 'value'));
        if (value) report(ctx, envValueFrom, from.key, invalid(path, '', 'may not be specified when `value` is not empty'));
        const given = SOURCES.filter((s) => obj.entry(from.value as never, s));
        if (given.length === 0) report(ctx, envValueFrom, from.key, invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
        else if (given.length > 1) report(ctx, envValueFrom, obj.entry(from.value as never, given[1])?.key, invalid(path, '', 'may not have more than one field specified at a time'));
      }
    }
  }
}
