// k8s/resize-not-allowed: resizePolicy where the API server refuses it (ephemeral
// containers; init containers other than restartable sidecars, and sidecars before 1.33),
// where it does nothing (Windows pods), and on clusters older than in-place resize or where
// it is still an alpha feature behind a gate.

import { defineRule } from '../../../core/rules';
import { type CheckContext, report } from '../check';
import { RESIZE } from '../facts';
import { forbidden } from '../apiErrors';
import { resizePolicies } from '../resizePolicies';
import { atLeast, formatVersion } from '../version';

export const resizeNotAllowed = defineRule({
  id: 'k8s/resize-not-allowed',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'resizePolicy on a container, pod or cluster that cannot be resized in place',
});

export function checkResizeNotAllowed(ctx: CheckContext): void {
  const v = ctx.kubernetes;
  for (const { obj, container, entry, items } of resizePolicies(ctx)) {
    const path = `${container.path}.resizePolicy`;
    // field.Invalid prints a struct slice with Go's %#v.
    const policy = `[]core.ContainerResizePolicy{${items.map((i) => `core.ContainerResizePolicy{ResourceName:${JSON.stringify(obj.str(obj.get(i.map, 'resourceName')) ?? '')}, RestartPolicy:${JSON.stringify(obj.str(obj.get(i.map, 'restartPolicy')) ?? '')}}`).join(', ')}}`;
    if (container.list === 'ephemeralContainers') {
      report(ctx, resizeNotAllowed, entry.key, forbidden(path, 'cannot be set for an Ephemeral Container'));
      continue;
    }
    if (container.list === 'initContainers') {
      const sidecar = obj.str(obj.get(container.map, 'restartPolicy')) === 'Always';
      if (!sidecar) {
        report(ctx, resizeNotAllowed, entry.key, `${path}: Invalid value: ${policy}: must not be set for init containers`);
        continue;
      }
      if (!atLeast(v, RESIZE.sidecarsSince)) {
        report(ctx, resizeNotAllowed, entry.key, `${path}: Invalid value: ${policy}: must not be set for init containers (restartable init containers may be resized from Kubernetes ${RESIZE.sidecarsSince}; the setting says ${formatVersion(v)})`);
        continue;
      }
    }
    if (obj.str(obj.get(obj.map(obj.pod?.spec, 'os'), 'name')) === 'windows') {
      report(ctx, resizeNotAllowed, entry.key, `${path}: Windows pods cannot be resized in place; a resize request is rejected, so this policy never applies`, { severity: 'warning' });
      continue;
    }
    if (!atLeast(v, RESIZE.alpha)) {
      report(ctx, resizeNotAllowed, entry.key, `${path}: in-place resize needs Kubernetes ${RESIZE.alpha} or later (the setting says ${formatVersion(v)}); the API server drops this field`, { severity: 'warning' });
    } else if (!atLeast(v, RESIZE.beta)) {
      report(ctx, resizeNotAllowed, entry.key, `${path}: in-place resize is alpha in Kubernetes ${formatVersion(v)}: without the ${RESIZE.gate} feature gate the API server drops this field`, { severity: 'information' });
    }
  }
}
