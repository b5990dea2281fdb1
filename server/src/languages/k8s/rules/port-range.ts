// k8s/port-range: port numbers validation.go range-checks (`Invalid value: 70000: must be
// between 1 and 65535, inclusive`) — container ports, host ports, Service ports, target
// ports, node ports and probe ports — and port names used in their place, which must be
// IANA_SVC_NAMEs (`must be no more than 15 characters`, lower-case letters, digits, '-').
// A Service port that is missing: `spec.ports[0].port: Required value` (the schema's word).

import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { invalid } from '../apiErrors';
import { type CheckContext, report } from '../check';
import type { K8sObject } from '../model';
import { portName } from '../names';

export const portRange = defineRule({
  id: 'k8s/port-range',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'Port number out of range, or port name the API server rejects',
});

const RANGE = 'must be between 1 and 65535, inclusive';

/** A number in 1–65535 (0 too when `zeroOk`: "not set"), or an IANA_SVC_NAME when `names`. */
function checkPort(ctx: CheckContext, obj: K8sObject, map: YAMLMap | undefined, key: string, path: string, opts: { zeroOk?: boolean; names?: boolean } = {}): void {
  const node = obj.get(map, key) as Node | undefined;
  if (!isScalar(node)) return;
  const v = node.value;
  if (typeof v === 'number' && Number.isInteger(v)) {
    if ((v === 0 && opts.zeroOk) || (v >= 1 && v <= 65535)) return;
    report(ctx, portRange, node, invalid(`${path}.${key}`, v, RANGE));
  } else if (typeof v === 'string' && opts.names) {
    for (const e of portName(v)) report(ctx, portRange, node, invalid(`${path}.${key}`, v, e));
  }
}

function checkProbe(ctx: CheckContext, obj: K8sObject, probe: unknown, path: string): void {
  if (!isMap(probe)) return;
  for (const handler of ['httpGet', 'tcpSocket']) checkPort(ctx, obj, obj.map(probe, handler), 'port', `${path}.${handler}`, { names: true });
  checkPort(ctx, obj, obj.map(probe, 'grpc'), 'port', `${path}.grpc`);
}

export function checkPortRange(ctx: CheckContext): void {
  for (const obj of ctx.ast.objects) {
    for (const c of obj.pod?.containers ?? []) {
      for (const { node, index } of obj.items(obj.get(c.map, 'ports'))) {
        if (!isMap(node)) continue;
        const path = `${c.path}.ports[${index}]`;
        checkPort(ctx, obj, node, 'containerPort', path);
        checkPort(ctx, obj, node, 'hostPort', path, { zeroOk: true });
      }
      for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) checkProbe(ctx, obj, obj.get(c.map, p), `${c.path}.${p}`);
    }
    if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
      for (const { node, index } of obj.items(obj.get(obj.map(obj.root, 'spec'), 'ports'))) {
        if (!isMap(node)) continue;
        const path = `spec.ports[${index}]`;
        checkPort(ctx, obj, node, 'port', path);
        checkPort(ctx, obj, node, 'targetPort', path, { zeroOk: true, names: true });
        checkPort(ctx, obj, node, 'nodePort', path, { zeroOk: true });
      }
    }
  }
}
