import assert from 'node:assert/strict';
import test from 'node:test';
import { findingsOf, lineOf } from './manifests';
import { vpa } from './vpaManifests';

const RULE = 'k8s/vpa-resource-policy';
const policies = (p: string) => vpa(`resourcePolicy:\n  containerPolicies:\n${p.replace(/^(?=.)/gm, '    ')}`);

test('controlledResources, controlledValues, mode and duplicates', async () => {
  const f = await findingsOf(RULE, policies('- containerName: api\n  controlledResources: [cpu, ephemeral-storage]\n  mode: Of\n- containerName: api\n  mode: "Off"\n  controlledValues: RequestsAndLimits\n'));
  assert.deepEqual(f.map((x) => x.message), [
    'spec.resourcePolicy.containerPolicies[0].controlledResources: Unsupported value: "ephemeral-storage": supported values: "cpu", "memory"',
    'spec.resourcePolicy.containerPolicies[0].mode: Unsupported value: "Of": supported values: "Auto", "Off"',
    'spec.resourcePolicy.containerPolicies[1].containerName: Duplicate value: "api"',
    "spec.resourcePolicy.containerPolicies[1].controlledValues: Forbidden: controlledValues shouldn't be specified if container scaling mode is off",
  ]);
});

test('maxAllowed below minAllowed is reported on maxAllowed; fractions of millicores and bytes too', async () => {
  const f = await findingsOf(RULE, policies('- containerName: api\n  minAllowed: {memory: 2Gi, cpu: 0.0005}\n  maxAllowed: {memory: 1Gi}\n'));
  assert.deepEqual(f.map((x) => [lineOf(x), x.message.replace(/^.*?: Invalid value: /, '')]), [
    [10, '"0.0005": must be a whole number of milli CPUs'],
    [11, '"1Gi": max resource for memory is lower than min (2Gi)'],
  ]);
});

test('a valid policy is quiet', async () => {
  assert.deepEqual(await findingsOf(RULE, policies("- containerName: '*'\n  minAllowed: {cpu: 100m, memory: 128Mi}\n  maxAllowed: {cpu: '2', memory: 4Gi}\n  controlledResources: [cpu, memory]\n  controlledValues: RequestsOnly\n")), []);
});
