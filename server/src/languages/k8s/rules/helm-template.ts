// k8s/helm-template: a Helm (Go template) file is not a manifest until `helm template`
// renders it. One information finding on the first template action; no other rule runs.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';

export const helmTemplate = defineRule({
  id: 'k8s/helm-template',
  language: 'k8s',
  defaultSeverity: 'information',
  title: 'Helm template: not checked until rendered',
});

export function checkHelmTemplate(ctx: CheckContext): void {
  if (!ctx.ast.template) return;
  report(ctx, helmTemplate, ctx.ast.template, 'Helm template: not checked until rendered (`helm template CHART --output-dir out` and lint out/)');
}
