// k8s/probe-handler: a liveness, readiness or startup probe (and a lifecycle hook) needs
// exactly one handler (validateHandler: `Required value: must specify a handler type`;
// `Forbidden: may not specify more than 1 handler type`).

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { forbidden, required } from '../apiErrors';
import { type CheckContext, isPartial, report } from '../check';

export const probeHandler = defineRule({
  id: 'k8s/probe-handler',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Probe or lifecycle hook without exactly one handler',
});

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

export function checkProbeHandler(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    for (const c of obj.pod?.containers ?? []) {
      const targets: Array<[string, unknown, string[]]> = ['livenessProbe', 'readinessProbe', 'startupProbe'].map((p) => [`${c.path}.${p}`, obj.entry(c.map, p), PROBE_HANDLERS]);
      const lifecycle = obj.map(c.map, 'lifecycle');
      for (const h of ['postStart', 'preStop']) targets.push([`${c.path}.lifecycle.${h}`, obj.entry(lifecycle, h), HOOK_HANDLERS]);
      for (const [path, e, handlers] of targets) {
        const entry = e as ReturnType<typeof obj.entry>;
        if (!entry || !isMap(entry.value)) continue;
        const map = entry.value;
        const given = handlers.flatMap((h) => {
          const x = obj.entry(map, h);
          return x ? [{ h, x }] : [];
        });
        if (given.length === 0 && !isPartial(ctx)) report(ctx, probeHandler, entry.key, required(path, 'must specify a handler type'));
        for (const { h, x } of given.slice(1)) report(ctx, probeHandler, x.key, forbidden(`${path}.${h}`, 'may not specify more than 1 handler type'));
      }
    }
  }
}
