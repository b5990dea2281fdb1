// k8s/vpa-resource-policy: spec.resourcePolicy.containerPolicies as the VPA's CRD and
// admission controller (validateVPASpecResourcePolicy) check them: containerName required
// and unique, mode Auto|Off, controlledResources cpu|memory, controlledValues
// RequestsAndLimits|RequestsOnly (and none with mode Off), minAllowed <= maxAllowed, CPU in
// whole millicores, memory in whole bytes.

import { isMap } from 'yaml';
import { defineRule } from '../../../core/rules';
import { closestMatch } from '../../../core/suggest';
import { type CheckContext, relatedAt, replaceFix, report } from '../check';
import { VPA_CONTAINER_MODES, VPA_CONTROLLED_RESOURCES, VPA_CONTROLLED_VALUES } from '../facts';
import { duplicate, forbidden, invalid, required, unsupported } from '../apiErrors';
import type { K8sObject } from '../model';
import { readResourceList } from '../resources';
import { vpasOf } from '../vpa';

export const vpaResourcePolicy = defineRule({
  id: 'k8s/vpa-resource-policy',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'VerticalPodAutoscaler containerPolicies the VPA rejects',
});

export function checkVpaResourcePolicy(ctx: CheckContext): void {
  for (const { obj, spec } of vpasOf(ctx)) {
    const names = new Set<string>();
    for (const { node, index } of obj.items(obj.get(obj.map(spec, 'resourcePolicy'), 'containerPolicies'))) {
      if (!isMap(node)) continue;
      const path = `spec.resourcePolicy.containerPolicies[${index}]`;
      const name = obj.entry(node, 'containerName');
      const nameValue = obj.str(name?.value);
      if (!nameValue) report(ctx, vpaResourcePolicy, name?.key ?? node, required(`${path}.containerName`));
      else if (names.has(nameValue)) report(ctx, vpaResourcePolicy, name?.value, duplicate(`${path}.containerName`, nameValue));
      else names.add(nameValue);

      const mode = obj.entry(node, 'mode');
      const modeValue = obj.str(mode?.value);
      if (mode?.value && modeValue !== undefined && !VPA_CONTAINER_MODES.includes(modeValue)) enumError(ctx, obj, mode.value, `${path}.mode`, modeValue, VPA_CONTAINER_MODES);

      for (const { node: r } of obj.items(obj.get(node, 'controlledResources'))) {
        const v = obj.str(r);
        if (v !== undefined && !VPA_CONTROLLED_RESOURCES.includes(v)) enumError(ctx, obj, r, `${path}.controlledResources`, v, VPA_CONTROLLED_RESOURCES);
      }

      const values = obj.entry(node, 'controlledValues');
      const valuesValue = obj.str(values?.value);
      if (values?.value && valuesValue !== undefined) {
        if (!VPA_CONTROLLED_VALUES.includes(valuesValue)) enumError(ctx, obj, values.value, `${path}.controlledValues`, valuesValue, VPA_CONTROLLED_VALUES);
        else if (modeValue === 'Off' && valuesValue === 'RequestsAndLimits') report(ctx, vpaResourcePolicy, values.value, forbidden(`${path}.controlledValues`, "controlledValues shouldn't be specified if container scaling mode is off"));
      }

      const min = readResourceList(obj, obj.get(node, 'minAllowed'));
      const max = readResourceList(obj, obj.get(node, 'maxAllowed'));
      for (const [list, label] of [[min, 'minAllowed'], [max, 'maxAllowed']] as const) {
        for (const r of list.values()) {
          const where = `${path}.${label}[${r.name}]`;
          if (!r.quantity.ok) report(ctx, vpaResourcePolicy, r.node, invalid(where, r.text, r.quantity.error));
          else if (r.name === 'cpu' && !Number.isInteger(Math.round(r.quantity.value * 1e9) / 1e6)) report(ctx, vpaResourcePolicy, r.node, invalid(where, r.text, 'must be a whole number of milli CPUs'));
          else if (r.name === 'memory' && !Number.isInteger(r.quantity.value)) report(ctx, vpaResourcePolicy, r.node, invalid(where, r.text, 'must be a whole number of bytes'));
        }
      }
      for (const [resource, hi] of max) {
        const lo = min.get(resource);
        if (lo?.quantity.ok && hi.quantity.ok && hi.quantity.value < lo.quantity.value) {
          report(ctx, vpaResourcePolicy, hi.node, invalid(`${path}.maxAllowed[${resource}]`, hi.text, `max resource for ${resource} is lower than min (${lo.text})`), {
            related: relatedAt(ctx, lo.node, `minAllowed ${resource}`),
          });
        }
      }
    }
  }
}

function enumError(ctx: CheckContext, _obj: K8sObject, node: import('yaml').Node, path: string, value: string, allowed: string[]): void {
  const fix = closestMatch(value, allowed);
  report(ctx, vpaResourcePolicy, node, unsupported(path, value, allowed), { fixes: fix ? replaceFix(ctx, node, fix) : undefined });
}
