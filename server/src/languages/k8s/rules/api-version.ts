// k8s/api-version: an apiVersion/kind the target release does not serve — removed (the
// deprecation guide's table: `autoscaling/v2beta1`, `policy/v1beta1`, `apps/v1beta1`), not
// yet served (a beta added after the target), or a kind that no version of a built-in group
// has — in `kubectl apply`'s words (`no matches for kind "CronJob" in version
// "batch/v1beta1"`), with the replacement apiVersion as a fix where the fields read the same;
// and, as a warning, versions that are deprecated but still served at the target.

import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { removedApi, DEPRECATED_KINDS } from '../apiVersions';
import { type CheckContext, replaceFix, report } from '../check';
import type { K8sObject } from '../model';
import { SCHEMA_RELEASES, schemasFor } from '../schema';
import { atLeast, formatVersion, parseVersion } from '../version';

export const apiVersionRule = defineRule({
  id: 'k8s/api-version',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'apiVersion/kind not served by the target Kubernetes version (removed, not yet added, or deprecated)',
});

/** The releases of the schema table that serve an apiVersion/kind. */
export function servingReleases(apiVersion: string, kind: string): string[] {
  return SCHEMA_RELEASES.filter((r) => schemasFor(parseVersion(r)).kindName(apiVersion, kind) !== undefined);
}

/** One line on an apiVersion's standing at the target, for the finding and the hover. */
export function apiVersionStatus(apiVersion: string, kind: string, target: string): { removed: boolean; text: string } | undefined {
  const v = parseVersion(target);
  const gone = removedApi(apiVersion, kind);
  const instead = gone?.replacement ? `; use ${gone.replacement}${gone.note ? ` (${gone.note})` : ''}` : gone?.note ? `; ${gone.note}` : '';
  if (gone && atLeast(v, gone.removed)) return { removed: true, text: `${apiVersion} ${kind} was removed in Kubernetes ${gone.removed} (deprecated since ${gone.deprecated})${instead}` };
  if (gone && atLeast(v, gone.deprecated)) return { removed: false, text: `${apiVersion} ${kind} is deprecated since Kubernetes ${gone.deprecated} and removed in ${gone.removed}${instead}` };
  const served = servingReleases(apiVersion, kind);
  const schemas = schemasFor(v);
  if (served.length > 0 && !served.includes(schemas.release)) {
    const later = served.filter((r) => atLeast(parseVersion(r), schemas.release));
    return later.length > 0
      ? { removed: true, text: `${apiVersion} ${kind} is first served in Kubernetes ${later[0]} (target ${formatVersion(v)})` }
      : { removed: true, text: `${apiVersion} ${kind} is no longer served from Kubernetes ${nextRelease(served.at(-1)!)} (last served in ${served.at(-1)})` };
  }
  const deprecated = DEPRECATED_KINDS.find((d) => d.apiVersion === apiVersion && d.kind === kind);
  if (deprecated && atLeast(v, deprecated.since)) return { removed: false, text: `${apiVersion} ${kind} is deprecated since Kubernetes ${deprecated.since}; use ${deprecated.instead}` };
  return undefined;
}

function nextRelease(r: string): string {
  const v = parseVersion(r);
  return `${v.major}.${v.minor + 1}`;
}

function kindsOfGroupVersion(apiVersion: string): string[] {
  const kinds = new Set<string>();
  for (const r of SCHEMA_RELEASES) for (const k of schemasFor(parseVersion(r)).servedKinds()) if (k.slice(0, k.lastIndexOf('/')) === apiVersion) kinds.add(k.slice(k.lastIndexOf('/') + 1));
  return [...kinds];
}

function check(ctx: CheckContext, obj: K8sObject): void {
  const schemas = schemasFor(ctx.kubernetes);
  const versionNode = obj.get(obj.root, 'apiVersion');
  const kindNode = obj.get(obj.root, 'kind');
  const status = apiVersionStatus(obj.apiVersion, obj.kind, ctx.settings.kubernetes.version);
  const noMatch = `no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}`;
  if (status) {
    const gone = removedApi(obj.apiVersion, obj.kind);
    const fix = gone?.compatible && gone.replacement && versionNode ? replaceFix(ctx, versionNode, gone.replacement) : undefined;
    report(ctx, apiVersionRule, versionNode, status.removed ? `${noMatch}: ${status.text}` : status.text, { severity: status.removed ? 'error' : 'warning', fixes: fix });
    return;
  }
  if (schemas.kindName(obj.apiVersion, obj.kind) || !schemas.isBuiltinGroup(obj.apiVersion)) return;
  // A built-in group that has no such kind in any release: a typo in kind or version.
  const kinds = kindsOfGroupVersion(obj.apiVersion);
  if (kinds.length > 0) {
    const suggestion = closestMatch(obj.kind, kinds);
    report(ctx, apiVersionRule, kindNode, `${noMatch}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''}`, { fixes: suggestion && kindNode ? replaceFix(ctx, kindNode, suggestion) : undefined });
    return;
  }
  const versions = SCHEMA_RELEASES.flatMap((r) => schemasFor(parseVersion(r)).servedKinds()).filter((k) => k.endsWith(`/${obj.kind}`) && k.split('/').length > 1).map((k) => k.slice(0, k.lastIndexOf('/')));
  const sameGroup = [...new Set(versions)].filter((v) => v.split('/')[0] === obj.apiVersion.split('/')[0] || (!obj.apiVersion.includes('/') && !v.includes('/')));
  const suggestion = sameGroup.at(-1);
  report(ctx, apiVersionRule, versionNode, `${noMatch}${suggestion ? `; ${obj.kind} is served as ${suggestion}` : ''}`, { fixes: suggestion && versionNode ? replaceFix(ctx, versionNode, suggestion) : undefined });
}

export function checkApiVersion(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) check(ctx, obj);
}
