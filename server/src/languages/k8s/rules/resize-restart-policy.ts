// k8s/resize-restart-policy: the API server accepts only NotRequired and RestartContainer
// as resizePolicy[].restartPolicy (validation.go validateResizePolicy); anything else is
// rejected at apply time. RestartNotRequired is a common copy-paste from old blog posts.

import { isMap } from 'yaml';
import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import type { LineIndex } from '../../../core/text';
import { containersOf, type K8sAst, nodeOffsets, pairOf, podSpecOf, scalarString, seqItems } from '../model';

export const resizeRestartPolicy = defineRule({
  id: 'k8s/resize-restart-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'resizePolicy restartPolicy is not NotRequired or RestartContainer',
});

const ALLOWED = ['NotRequired', 'RestartContainer'];

export function checkResizeRestartPolicy(ast: K8sAst, index: LineIndex): Finding[] {
  const findings: Finding[] = [];
  for (const obj of ast.objects) {
    const spec = podSpecOf(obj);
    if (!spec) continue;
    for (const c of containersOf(spec)) {
      for (const entry of seqItems(c.map.get('resizePolicy', true))) {
        if (!isMap(entry)) continue;
        const pair = pairOf(entry, 'restartPolicy');
        const value = scalarString(pair?.value);
        const offsets = nodeOffsets(pair?.value);
        if (value === undefined || !offsets || ALLOWED.includes(value)) continue;
        const range = index.rangeOf(offsets[0], offsets[1]);
        const fix = value === 'RestartNotRequired' || value.toLowerCase() === 'notrequired' ? 'NotRequired' : value.toLowerCase() === 'restartcontainer' ? 'RestartContainer' : undefined;
        findings.push({
          ruleId: resizeRestartPolicy.id,
          range,
          message: `Unsupported value: "${value}": supported values: "NotRequired", "RestartContainer"`,
          fixes: fix ? [{ title: `Change to '${fix}'`, edits: [{ range, newText: fix }], preferred: true }] : undefined,
        });
      }
    }
  }
  return findings;
}
