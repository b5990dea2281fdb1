// Kustomize patches are partial objects by design (a strategic-merge patch names the object
// and the few fields it changes): the checks that an object is complete — required fields, a
// volume for every mount, a handler for every probe — do not apply to them. A file is a patch
// when a Kustomization in view lists it (`patchesStrategicMerge`, `patches[].path`).

import type { K8sObject } from './model';
import type { Workspace } from './workspace';
import { toJS } from './yamlJs';

/** The patch paths a Kustomization lists (read once per object, into its summary). */
export function patchPaths(k: K8sObject): string[] {
  const paths: string[] = [];
  const spec = toJS(k, k.root) as { patchesStrategicMerge?: unknown; patches?: unknown } | undefined;
  if (Array.isArray(spec?.patchesStrategicMerge)) for (const p of spec.patchesStrategicMerge) if (typeof p === 'string') paths.push(p);
  if (Array.isArray(spec?.patches)) for (const p of spec.patches) if (p && typeof (p as { path?: unknown }).path === 'string') paths.push((p as { path: string }).path);
  return paths;
}

/** Whether the file at `uri` is listed as a patch by a Kustomization of the workspace. */
export function isKustomizePatch(uri: string | undefined, from: K8sObject | undefined, workspace: Workspace): boolean {
  if (!uri || !from) return false;
  for (const l of workspace.find(from, 'Kustomization')) {
    const base: string = l.uri ?? uri;
    for (const p of l.summary.patchPaths ?? []) {
      try {
        if (new URL(p, base).toString() === uri) return true;
      } catch {
        // not a relative path we can resolve
      }
    }
  }
  return false;
}
