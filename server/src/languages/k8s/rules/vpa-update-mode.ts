// k8s/vpa-update-mode: spec.updatePolicy.updateMode of a VerticalPodAutoscaler: required
// when updatePolicy is there, one of the CRD enum, `Auto` deprecated (kubernetes/
// autoscaler#8424), in-place modes need a cluster with in-place resize (1.33+) and `InPlace`
// a VPA feature gate.

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, replaceFix, report } from '../check';
import { VPA_UPDATE_MODES } from '../facts';
import { forbidden, required, unsupported } from '../apiErrors';
import { atLeast, formatVersion } from '../version';
import { vpasOf } from '../vpa';

export const vpaUpdateMode = defineRule({
  id: 'k8s/vpa-update-mode',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'VerticalPodAutoscaler updateMode missing, unknown, deprecated or not available',
});

const PATH = 'spec.updatePolicy.updateMode';

export function checkVpaUpdateMode(ctx: CheckContext): void {
  const modes = Object.keys(VPA_UPDATE_MODES);
  for (const { obj, spec } of vpasOf(ctx)) {
    const policy = obj.entry(spec, 'updatePolicy');
    if (!policy) continue;
    const field = obj.entry(obj.map(spec, 'updatePolicy'), 'updateMode');
    const mode = obj.str(field?.value);
    if (!field || mode === undefined || mode === '') {
      report(ctx, vpaUpdateMode, field?.key ?? policy.key, required(PATH, 'updateMode is required if UpdatePolicy is used'));
      continue;
    }
    const known = VPA_UPDATE_MODES[mode];
    if (!known) {
      const fix = closestMatch(mode, modes);
      report(ctx, vpaUpdateMode, field.value, unsupported(PATH, mode, modes), { fixes: fix && field.value ? replaceFix(ctx, field.value, fix) : undefined });
      continue;
    }
    if (known.deprecated) {
      report(ctx, vpaUpdateMode, field.value, `${PATH}: ${known.deprecated}`, { severity: 'warning', tags: ['deprecated'], fixes: field.value ? replaceFix(ctx, field.value, 'Recreate', "Change to 'Recreate' (what Auto does today)") : undefined });
      continue;
    }
    if (known.kubernetesSince && !atLeast(ctx.kubernetes, known.kubernetesSince)) {
      report(ctx, vpaUpdateMode, field.value, `${PATH}: ${mode} resizes pods in place, which needs Kubernetes ${known.kubernetesSince} or later (InPlacePodVerticalScaling on by default); the setting says ${formatVersion(ctx.kubernetes)}`, { severity: 'warning' });
      continue;
    }
    if (mode === 'InPlace') {
      report(ctx, vpaUpdateMode, field.value, `${forbidden(PATH, `in order to use UpdateMode InPlace, you must enable feature gate InPlace in the admission-controller args`)} (VPA ${known.vpaSince}+, alpha)`, { severity: 'information' });
    }
  }
}
