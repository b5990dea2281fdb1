// No API server runs here, so each rule the schema cannot express is held to the words the
// research note quotes from validation.go / the VPA admission controller: the quote must be
// in the note (so it is not made up here) and in our message for a manifest that breaks it.
// The structural half (types, required fields, enums) is held to the kubernetes-models JSON
// schemas in test/integration/k8s/schema-oracle.test.ts.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { lint, sharedDir } from '../../helpers';

const shared = sharedDir;
const notePath = path.join(shared, 'research', 'k8s-rules.md');

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec.replace(/^(?=.)/gm, '  ')}\n`;
const vpa = (spec: string) => `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: v}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n${spec.replace(/^(?=.)/gm, '  ')}\n`;
const resize = (policy: string) => pod(`containers:\n  - name: c\n    resizePolicy: ${policy}`);

const CASES: Array<[rule: string, quote: string, manifest: string]> = [
  ['k8s/resize-restart-policy', 'Unsupported value: "RestartNotRequired": supported values: "NotRequired", "RestartContainer"', resize('[{resourceName: cpu, restartPolicy: RestartNotRequired}]')],
  ['k8s/resize-restart-policy', "must be 'NotRequired' when `restartPolicy` is 'Never'", pod('restartPolicy: Never\ncontainers:\n  - name: c\n    resizePolicy: [{resourceName: cpu, restartPolicy: RestartContainer}]')],
  ['k8s/resize-resource-name', 'supported values: "cpu", "memory"', resize('[{resourceName: storage, restartPolicy: NotRequired}]')],
  ['k8s/resize-resource-name', 'Duplicate value: "cpu"', resize('[{resourceName: cpu, restartPolicy: NotRequired}, {resourceName: cpu, restartPolicy: NotRequired}]')],
  ['k8s/resize-restart-policy', 'Required value', resize('[{resourceName: cpu}]')],
  ['k8s/resize-resource-name', 'Required value', resize('[{restartPolicy: NotRequired}]')],
  ['k8s/resize-not-allowed', 'must not be set for init containers', pod('initContainers:\n  - name: i\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\ncontainers: [{name: c}]')],
  ['k8s/resize-not-allowed', 'resizePolicy: Forbidden: cannot be set for an Ephemeral Container', pod('containers: [{name: c}]\nephemeralContainers:\n  - name: e\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]')],
  ['k8s/vpa-update-mode', 'Required value: updateMode is required if UpdatePolicy is used', vpa('updatePolicy: {minReplicas: 2}')],
  ['k8s/vpa-update-mode', '"Auto" mode is deprecated and will be removed in a future API version. Use explicit update modes like:', vpa('updatePolicy: {updateMode: Auto}')],
  ['k8s/vpa-update-mode', 'Forbidden: in order to use UpdateMode InPlace, you must enable feature gate InPlace in the admission-controller args', vpa('updatePolicy: {updateMode: InPlace}')],
  ['k8s/vpa-update-mode', 'Unsupported value', vpa('updatePolicy: {updateMode: Sometimes}')],
  ['k8s/vpa-min-replicas', 'minReplicas has to be positive', vpa('updatePolicy: {updateMode: Recreate, minReplicas: -1}')],
  ['k8s/vpa-resource-policy', 'max resource for cpu is lower than min', vpa('resourcePolicy:\n  containerPolicies: [{containerName: api, minAllowed: {cpu: 2}, maxAllowed: {cpu: 1}}]')],
  ['k8s/vpa-resource-policy', 'must be a whole number of milli CPUs', vpa('resourcePolicy:\n  containerPolicies: [{containerName: api, minAllowed: {cpu: 0.0001}}]')],
  ['k8s/vpa-resource-policy', "Forbidden: controlledValues shouldn't be specified if container scaling mode is off", vpa("resourcePolicy:\n  containerPolicies: [{containerName: api, mode: 'Off', controlledValues: RequestsAndLimits}]")],
  ['k8s/headless-service', `Invalid value: "None": may not be set to 'None' for LoadBalancer services`, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer, clusterIP: None, ports: [{port: 1}]}\n'],
  ['k8s/headless-service', "may not be set to 'None' for", 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, clusterIP: None, ports: [{port: 1}]}\n'],
  ['k8s/service-ports', 'Required value', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {a: b}}\n'],
  ['k8s/dns-policy', 'Unsupported value', pod('dnsPolicy: ClusterFirstWithHostNetwork\ncontainers: [{name: c}]')],
  ['k8s/dns-policy', 'Required value: must provide `dnsConfig` when `dnsPolicy` is None', pod('dnsPolicy: None\ncontainers: [{name: c}]')],
  ['k8s/dns-policy', 'must provide at least one DNS nameserver when `dnsPolicy` is None', pod('dnsPolicy: None\ndnsConfig: {searches: [a.b]}\ncontainers: [{name: c}]')],
  ['k8s/dns-config', 'must not have more than 3 nameservers', pod('dnsConfig: {nameservers: [1.1.1.1, 1.0.0.1, 8.8.8.8, 8.8.4.4]}\ncontainers: [{name: c}]')],
  ['k8s/resource-quantity', 'quantities must match the regular expression', pod('containers:\n  - name: c\n    resources: {limits: {memory: 1GB}}')],
  ['k8s/requests-over-limits', 'must be less than or equal to cpu limit of', pod("containers:\n  - name: c\n    resources: {requests: {cpu: '2'}, limits: {cpu: '1'}}")],
];

const normalize = (s: string) => s.replace(/\s+/g, ' ');

test('each rule says what the research note quotes the API server / VPA as saying', async () => {
  assert.ok(fs.existsSync(notePath), `research note not found at ${notePath} (set INFRA_LENS_SHARED to the shared/ directory)`);
  const note = normalize(fs.readFileSync(notePath, 'utf8'));
  for (const [rule, quote, manifest] of CASES) {
    assert.ok(note.includes(quote), `the note does not quote: ${quote}`);
    const messages = (await lint('k8s', manifest)).filter((f) => f.ruleId === rule).map((f) => f.message);
    assert.ok(messages.some((m) => m.includes(quote)), `${rule}: no message contains "${quote}"; got ${JSON.stringify(messages)}`);
  }
  console.log(`k8s messages: ${CASES.length}/${CASES.length} quoted API-server messages reproduced`);
});
