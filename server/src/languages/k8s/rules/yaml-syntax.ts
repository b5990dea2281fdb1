// k8s/yaml-syntax: the manifest is not YAML `kubectl apply` can read. Reported only when
// the file holds a Kubernetes object; plain YAML is the YAML extension's business.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';

export const yamlSyntax = defineRule({
  id: 'k8s/yaml-syntax',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'YAML syntax error in a Kubernetes manifest',
});

export function checkYamlSyntax(ctx: CheckContext): void {
  if (ctx.ast.objects.length === 0) return;
  for (const e of ctx.ast.errors) report(ctx, yamlSyntax, [e.start, e.end], e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, ''));
}
