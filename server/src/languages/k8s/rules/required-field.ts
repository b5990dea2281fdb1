// k8s/required-field: fields validation.go requires that the OpenAPI schema leaves optional:
// metadata.name (`Required value: name or generateName is required`; not for List items'
// kinds that are generated) and each container's image (`Required value`; ephemeral
// containers too).

import { defineRule } from '../../../core/rules';
import { required } from '../apiErrors';
import { type CheckContext, isPartial, report } from '../check';
import { schemasFor } from '../schema';

export const requiredField = defineRule({
  id: 'k8s/required-field',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Field validation.go requires (metadata.name, container image) is missing',
});

/** Kinds created by the API itself or only read (reviews), which need no name. */
const UNNAMED = /Review$|^(Binding|Eviction|Scale|Status|SelfSubject.*)$/;

export function checkRequiredField(ctx: CheckContext): void {
  if (isPartial(ctx)) return;
  const schemas = schemasFor(ctx.kubernetes);
  for (const obj of ctx.ast.objects) {
    if (!schemas.kindName(obj.apiVersion, obj.kind) || UNNAMED.test(obj.kind)) continue;
    const metadata = obj.entry(obj.root, 'metadata');
    const name = obj.str(obj.get(obj.map(obj.root, 'metadata'), 'name'));
    const generateName = obj.str(obj.get(obj.map(obj.root, 'metadata'), 'generateName'));
    if (!name && !generateName) report(ctx, requiredField, metadata?.key ?? obj.entry(obj.root, 'kind')?.value, required('metadata.name', 'name or generateName is required'));
    for (const c of obj.pod?.containers ?? []) {
      const image = obj.str(obj.get(c.map, 'image'));
      if (!image) report(ctx, requiredField, obj.entry(c.map, 'image')?.key ?? c.map.items[0]?.key as never, required(`${c.path}.image`));
    }
  }
}
