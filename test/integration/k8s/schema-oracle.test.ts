// Oracle for the Kubernetes rules: the OpenAPI-derived JSON schemas of `kubernetes-models`
// 4.5.1 (generated from Kubernetes 1.27.1's OpenAPI spec by another project; the version that
// runs on Node 20), an implementation independent of our schema table (kubectl-validate's
// copies of each release's spec). No API server runs here, so the schema is
// the structural half of the oracle; the half the schema cannot express (validation.go's
// cross-field rules) is held to the research note's quotes in
// test/conformance/k8s/messages.test.ts, which this file does not repeat.
//
// For every manifest of the conformance corpus and fixtures/k8s, and for variants of each
// schema-valid document with one authored mistake the schema rejects, it checks:
//   (a) the schema rejects a document  =>  we report at least one error in it;
//   (b) we never call a value unsupported that the schema's enum accepts, and our value
//       tables agree with the schema's enums where the schema has one;
//   (c) on documents the schema accepts, our errors come only from the API server checks a
//       JSON schema cannot express (BEYOND_SCHEMA, each with its place in validation.go),
//       printed per rule.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import * as batch from 'kubernetes-models/batch/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import type { Finding } from '../../../server/src/core/finding';
import { DNS_POLICIES, POD_RESTART_POLICIES, RESIZE, SERVICE_TYPES } from '../../../server/src/languages/k8s/facts';
import { lint, repoRoot, sharedDir } from '../../helpers';

const shared = sharedDir;
const corpusDir = path.join(shared, 'conformance', 'k8s', 'files');
const fixturesDir = path.join(repoRoot, 'fixtures', 'k8s');

/** An ajv error as kubernetes-models' ValidationError carries it. */
interface SchemaError { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }
// The packages' typings need "exports"-aware resolution, which this repo's tsconfig does not
// use, so the classes are typed here by the one method the oracle calls.
type ModelClass = new (data: object) => { validate(): void };
const asModel = (c: unknown) => c as ModelClass;

/** The kinds our rules read, by apiVersion/kind. The VPA (autoscaling.k8s.io) has no model
 * installed (@kubernetes-models/autoscaler is not a dependency): its documents are counted
 * as "no schema" and its rules are held to the note's quotes only. */
const MODELS: Record<string, ModelClass> = {
  'v1/Pod': asModel(core.Pod),
  'v1/Service': asModel(core.Service),
  'v1/ConfigMap': asModel(core.ConfigMap),
  'apps/v1/Deployment': asModel(apps.Deployment),
  'apps/v1/StatefulSet': asModel(apps.StatefulSet),
  'apps/v1/DaemonSet': asModel(apps.DaemonSet),
  'apps/v1/ReplicaSet': asModel(apps.ReplicaSet),
  'batch/v1/Job': asModel(batch.Job),
  'batch/v1/CronJob': asModel(batch.CronJob),
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function modelFor(doc: unknown): ModelClass | undefined {
  if (!isObj(doc)) return undefined;
  return MODELS[`${String(doc.apiVersion)}/${String(doc.kind)}`];
}

/** The schema's errors for a document ([] when it is valid). */
function schemaErrors(model: ModelClass, doc: Obj): SchemaError[] {
  try {
    new model(doc).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: SchemaError[] }).errors;
    assert.ok(Array.isArray(errors), `kubernetes-models threw without schema errors: ${String(e)}`);
    return errors;
  }
}

/** Errors a manifest author causes: wrong types, missing required fields, values outside an
 * enum or format. (oneOf is how the schema says "neither a number nor a quantity string".) */
const AUTHORED = new Set(['type', 'required', 'enum', 'format', 'oneOf', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems']);

const BOGUS = 'NoSuchValue';
// Findings of embedded configs (a ConfigMap's Corefile) are about that config, not about the
// manifest the API server judges: the oracle compares only the k8s/ rules.
const isError = (f: Finding) => (f.severity ?? 'error') === 'error' && f.ruleId.startsWith('k8s/');

// ---- documents ---------------------------------------------------------------------------

interface Doc { source: string; text: string; startLine: number; endLine: number; value: unknown; yamlErrors: number }

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

function documentsOf(file: string, text: string): Doc[] {
  return parseAllDocuments(text).flatMap((d) => {
    if (!('range' in d)) return [];
    const [start, , end] = d.range;
    return [{ source: path.relative(path.dirname(repoRoot), file), text, startLine: lineOf(text, start), endLine: lineOf(text, Math.max(start, end - 1)), value: d.errors.length > 0 ? undefined : d.toJS(), yamlErrors: d.errors.length }];
  });
}

const inDoc = (doc: Doc) => (f: Finding) => f.range.start.line >= doc.startLine && f.range.start.line <= doc.endLine;

// ---- mutations: one authored mistake each, applied where the document has the place ------

/** Where a workload keeps its pod spec. */
function podSpecOf(doc: Obj): Obj | undefined {
  const spec = doc.spec;
  if (!isObj(spec)) return undefined;
  if (doc.kind === 'Pod') return spec;
  const tmpl = doc.kind === 'CronJob' ? (spec.jobTemplate as Obj | undefined)?.spec : spec;
  const pod = isObj(tmpl) && isObj(tmpl.template) ? tmpl.template.spec : undefined;
  return isObj(pod) ? pod : undefined;
}

function firstContainer(doc: Obj): Obj | undefined {
  const list = podSpecOf(doc)?.containers;
  return Array.isArray(list) && isObj(list[0]) ? list[0] : undefined;
}

function firstQuantity(doc: Obj): [Obj, string] | undefined {
  const resources = firstContainer(doc)?.resources;
  if (!isObj(resources)) return undefined;
  for (const side of ['limits', 'requests']) {
    const m = resources[side];
    if (isObj(m) && Object.keys(m).length > 0) return [m, Object.keys(m)[0]];
  }
  return undefined;
}

interface Mutation { name: string; apply(doc: Obj): boolean }

const MUTATIONS: Mutation[] = [
  { name: 'quantity not in the grammar', apply: (d) => { const q = firstQuantity(d); if (!q) return false; q[0][q[1]] = '1GB'; return true; } },
  { name: 'quantity of the wrong type', apply: (d) => { const q = firstQuantity(d); if (!q) return false; q[0][q[1]] = true; return true; } },
  { name: 'dnsPolicy outside the enum', apply: (d) => { const p = podSpecOf(d); if (!p) return false; p.dnsPolicy = 'ClusterFirs'; return true; } },
  { name: 'dnsConfig.nameservers not a list', apply: (d) => { const p = podSpecOf(d); if (!p) return false; p.dnsConfig = { nameservers: '10.0.0.10' }; return true; } },
  {
    name: 'resizePolicy entry without restartPolicy',
    apply: (d) => { const c = firstContainer(d); if (!c) return false; c.resizePolicy = [{ resourceName: 'cpu' }]; return true; },
  },
  {
    name: 'resizePolicy entry without resourceName',
    apply: (d) => { const c = firstContainer(d); if (!c) return false; c.resizePolicy = [{ restartPolicy: 'NotRequired' }]; return true; },
  },
  {
    name: 'resizePolicy restartPolicy of the wrong type',
    apply: (d) => { const c = firstContainer(d); if (!c) return false; c.resizePolicy = [{ resourceName: 'cpu', restartPolicy: 1 }]; return true; },
  },
  { name: 'resizePolicy not a list', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.resizePolicy = 'NotRequired'; return true; } },
  { name: 'resources.limits not a map', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.resources = { limits: '500m' }; return true; } },
  { name: 'Service type outside the enum', apply: (d) => { if (d.kind !== 'Service' || !isObj(d.spec)) return false; d.spec.type = 'Loadbalancer'; return true; } },
  { name: 'pod restartPolicy outside the enum', apply: (d) => { const p = podSpecOf(d); if (!p) return false; p.restartPolicy = 'Sometimes'; return true; } },
  { name: 'Service port without its number', apply: (d) => { if (d.kind !== 'Service' || !isObj(d.spec) || !Array.isArray(d.spec.ports) || !isObj(d.spec.ports[0])) return false; delete d.spec.ports[0].port; return true; } },
  { name: 'container without a name', apply: (d) => { const c = firstContainer(d); if (!c) return false; delete c.name; return true; } },
  { name: 'pod spec without containers', apply: (d) => { const p = podSpecOf(d); if (!p) return false; delete p.containers; return true; } },
  { name: 'replicas not a number', apply: (d) => { if (!isObj(d.spec) || d.spec.replicas === undefined) return false; d.spec.replicas = 'three'; return true; } },
  { name: 'containerPort not a number', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.ports = [{ containerPort: 'http' }]; return true; } },
  { name: 'Service port not a number', apply: (d) => { if (d.kind !== 'Service' || !isObj(d.spec) || !Array.isArray(d.spec.ports) || !isObj(d.spec.ports[0])) return false; d.spec.ports[0].port = 'sds'; return true; } },
  { name: 'Service targetPort of the wrong type', apply: (d) => { if (d.kind !== 'Service' || !isObj(d.spec) || !Array.isArray(d.spec.ports) || !isObj(d.spec.ports[0])) return false; d.spec.ports[0].targetPort = true; return true; } },
  { name: 'workload without a selector', apply: (d) => { if (!['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(String(d.kind)) || !isObj(d.spec)) return false; delete d.spec.selector; return true; } },
  { name: 'label value not a string', apply: (d) => { if (!isObj(d.metadata)) return false; d.metadata.labels = { ...(isObj(d.metadata.labels) ? d.metadata.labels : {}), version: 1.5 }; return true; } },
  { name: 'imagePullPolicy outside the enum', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.imagePullPolicy = 'always'; return true; } },
  { name: 'container env not a list', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.env = { A: 'b' }; return true; } },
  { name: 'container command not a list', apply: (d) => { const c = firstContainer(d); if (!c) return false; c.command = 'sleep 10'; return true; } },
  { name: 'metadata.name not a string', apply: (d) => { if (!isObj(d.metadata)) return false; d.metadata.name = ['x']; return true; } },
  { name: 'Service clusterIP of the wrong type', apply: (d) => { if (d.kind !== 'Service' || !isObj(d.spec)) return false; d.spec.clusterIP = ['None']; return true; } },
];

interface Variant { label: string; text: string; value: Obj; model: ModelClass }

function variantsOf(doc: Doc, model: ModelClass): Variant[] {
  const out: Variant[] = [];
  for (const m of MUTATIONS) {
    const value = structuredClone(doc.value) as Obj;
    if (!m.apply(value)) continue;
    out.push({ label: `${doc.source}:${doc.startLine + 1} + ${m.name}`, text: stringify(value), value, model });
  }
  return out;
}

/** "spec.containers[0].resizePolicy[1].restartPolicy" -> "/spec/containers/0/resizePolicy/1/restartPolicy". */
const toPointer = (fieldPath: string) => '/' + fieldPath.replace(/\[(\d+)\]/g, '.$1').split('.').join('/');

/** Sets the value at a JSON pointer if its parent exists. */
function setAt(root: Obj, pointer: string, value: unknown): boolean {
  const keys = pointer.split('/').slice(1);
  let cur: unknown = root;
  for (const k of keys.slice(0, -1)) cur = isObj(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[k] : undefined;
  if (!isObj(cur) && !Array.isArray(cur)) return false;
  (cur as Record<string, unknown>)[keys[keys.length - 1]] = value;
  return true;
}

// ---- the oracle --------------------------------------------------------------------------

/** Schema failures we knowingly do not report, by mutation, each with why. Not schema
 * limitations: structure no rule of ours reads, which a schema validator (the YAML
 * extension, kubeconform) already reports; counted and printed, not hidden. */
const OUT_OF_SCOPE: Record<string, string> = {};

/** Errors we report on documents the schema accepts: the API server's checks a JSON schema
 * cannot express, each with where the API server makes it. Anything else is a false alarm. */
const BEYOND_SCHEMA: Record<string, string> = {
  'k8s/required-field': 'pkg/apis/core/validation/validation.go: ValidateObjectMeta (name or generateName is required), validateContainers (image: Required value)',
  'k8s/selector-mismatch': 'pkg/apis/apps/validation/validation.go: ValidateDeploymentSpec et al. (`selector` does not match template `labels`)',
  'k8s/port-range': 'pkg/apis/core/validation/validation.go: validateContainerPorts, validateServicePort (must be between 1 and 65535, inclusive)',
  'k8s/workload-restart-policy': 'pkg/apis/apps/validation/validation.go: ValidatePodTemplateSpecForReplicaSet; pkg/apis/batch/validation/validation.go: validateJobSpec',
  'k8s/probe-handler': 'pkg/apis/core/validation/validation.go: validateHandler (must specify a handler type)',
  'k8s/volume-mount-name': 'pkg/apis/core/validation/validation.go: ValidateVolumeMounts (Not found)',
  'k8s/env-value-from': 'pkg/apis/core/validation/validation.go: validateEnvVarValueFrom',
  'k8s/resource-name': 'pkg/apis/core/validation/validation.go: validateContainerResourceName',
  'k8s/object-name': 'pkg/apis/core/validation/validation.go: ValidateObjectMeta / validateContainers (DNS-1123 names, Duplicate value)',
  'k8s/label': 'staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go: ValidateLabels',
  'k8s/resource-quantity': 'pkg/apis/core/validation/validation.go: ValidateResourceQuantityValue (must be greater than or equal to 0)',
  'k8s/requests-over-limits': 'pkg/apis/core/validation/validation.go: ValidateResourceRequirements (must be less than or equal to … limit)',
  'k8s/service-ports': 'pkg/apis/core/validation/validation.go: ValidateService (ports: Required value, port names)',
  'k8s/headless-service': 'pkg/apis/core/validation/validation.go: ValidateService (clusterIP None with LoadBalancer/NodePort)',
  'k8s/dns-config': 'pkg/apis/core/validation/validation.go: validatePodDNSConfig',
  'k8s/dns-policy': 'pkg/apis/core/validation/validation.go: validateDNSPolicy (dnsConfig required with None)',
  'k8s/pod-hostname': 'pkg/apis/core/validation/validation.go: ValidatePodSpec (hostname, subdomain: DNS-1123 labels)',
  'k8s/resize-restart-policy': 'pkg/apis/core/validation/validation.go: validateResizePolicy',
  'k8s/resize-resource-name': 'pkg/apis/core/validation/validation.go: validateResizePolicy',
  'k8s/resize-not-allowed': 'pkg/apis/core/validation/validation.go: validateResizePolicy (ephemeral containers, restartPolicy Never)',
  'k8s/resize-qos': 'pkg/apis/core/validation/validation.go: ValidatePodResize (QoS class may not change)',
  'k8s/resize-memory-limit': 'pkg/apis/core/validation/validation.go: ValidatePodResize (memory limits may not decrease with NotRequired)',
  'k8s/schema': 'strict field validation (unknown field) and the JSON decoder (types): kubernetes-models ignores unknown fields',
  'k8s/api-version': 'the API server\'s discovery: apiVersion/kind not served at the target release (deprecation guide)',
  'k8s/statefulset-service-name': 'cross-object: the StatefulSet controller needs a headless Service (no API error)',
  'k8s/vpa-target': 'cross-object (no API error)',
};

const key = (f: Finding) => `${f.ruleId} ${f.message}`;
const describe = (errors: SchemaError[]) => errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`).join('; ');

test('kubernetes-models schema vs our errors: every schema rejection is reported, no claim contradicts it', async () => {
  assert.ok(fs.existsSync(corpusDir), `conformance corpus not found at ${corpusDir} (set INFRA_LENS_SHARED to the shared/ directory)`);
  const files = [...yamlFiles(corpusDir), ...yamlFiles(fixturesDir)];
  let checked = 0, rejected = 0, agreed = 0, noSchema = 0, templated = 0, unparsed = 0, outOfScope = 0, enumClaims = 0;
  const misses: string[] = [];
  const contradictions: string[] = [];
  const falseAlarms: string[] = [];
  const beyond = new Map<string, number>();

  /** `before`: the errors we report on the document the variant came from; a variant's
   * mistake counts as reported only by an error that is new (not one the original had). */
  const judge = (label: string, errors: SchemaError[], findings: Finding[], model?: ModelClass, value?: Obj, before = new Set<string>()) => {
    checked++;
    const authored = errors.filter((e) => AUTHORED.has(e.keyword));
    const ours = findings.filter(isError);
    if (authored.length > 0) {
      rejected++;
      if (ours.some((f) => !before.has(key(f)))) agreed++;
      else if (OUT_OF_SCOPE[label.replace(/^.* \+ /, '')]) outOfScope++;
      else misses.push(`${label}: schema says ${describe(authored)}; we report ${JSON.stringify(findings.map((f) => f.ruleId))}`);
    } else {
      agreed++;
      for (const f of ours) {
        if (before.has(key(f))) continue;
        if (BEYOND_SCHEMA[f.ruleId]) beyond.set(f.ruleId, (beyond.get(f.ruleId) ?? 0) + 1);
        else falseAlarms.push(`${label}: the schema accepts it; we say ${f.ruleId} ${f.message}`);
      }
    }
    // (b) An "Unsupported value" claim must not name a value the schema's enum at that
    // place accepts: probe the place with a value no enum has and read the enum off the error.
    for (const f of ours) {
      const m = /^(\S+): Unsupported value: "([^"]*)"/.exec(f.message);
      if (!m || !model || !value) continue;
      const pointer = toPointer(m[1]);
      const probe = structuredClone(value);
      if (!setAt(probe, pointer, BOGUS)) continue;
      const enumThere = schemaErrors(model, probe).find((e) => e.keyword === 'enum' && e.instancePath === pointer);
      if (!enumThere) continue;
      enumClaims++;
      if ((enumThere.params.allowedValues as unknown[]).includes(m[2])) contradictions.push(`${label}: we say ${f.message}; the schema's enum accepts it`);
    }
  };

  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const findings = await lint('k8s', text, {}, `file://${file}`);
    for (const doc of documentsOf(file, text)) {
      const templatedDoc = text.split('\n').slice(doc.startLine, doc.endLine + 1).some((l) => l.includes('{{'));
      // A Helm template is judged after rendering, not as written: the schema sees
      // `{{ ... }}` as strings and maps where the rendered manifest has numbers and names
      // (k8s/helm-template says so instead of errors).
      if (templatedDoc) { templated++; continue; }
      // Not YAML: k8s/yaml-syntax's business (the conformance corpus checks it), no schema to ask.
      if (doc.yamlErrors > 0) { unparsed++; continue; }
      const model = modelFor(doc.value);
      if (!model) { noSchema++; continue; }
      const errors = schemaErrors(model, doc.value as Obj);
      judge(`${doc.source}:${doc.startLine + 1}`, errors, findings.filter(inDoc(doc)), model, doc.value as Obj);
      if (errors.length > 0) continue;
      const before = new Set((await lint('k8s', stringify(doc.value))).filter(isError).map(key));
      for (const v of variantsOf(doc, model)) {
        const verrors = schemaErrors(v.model, v.value);
        assert.ok(verrors.length > 0, `${v.label}: the mutation did not break the schema, so it tests nothing`);
        judge(v.label, verrors, await lint('k8s', v.text), v.model, v.value, before);
      }
    }
  }
  console.log(`k8s schema oracle: ${agreed}/${checked} documents agree with kubernetes-models (${rejected} rejected by the schema, ${rejected - misses.length - outOfScope} of them reported by us, ${outOfScope} outside our rules' fields; ${enumClaims} of our "Unsupported value" claims checked against a schema enum, ${contradictions.length} contradictions; not judged: ${noSchema} documents without a schema here (VPA, not Kubernetes), ${templated} Helm templates, ${unparsed} not YAML)`);
  for (const [rule, n] of [...beyond].sort()) console.log(`k8s schema oracle:   beyond the schema: ${rule} ×${n} — ${BEYOND_SCHEMA[rule]}`);
  console.log(`k8s schema oracle: ${falseAlarms.length} errors on schema-valid documents outside those rules`);
  assert.deepEqual(falseAlarms, [], 'errors on documents the schema accepts, from no validation.go rule');
  assert.ok(enumClaims >= 5, `only ${enumClaims} enum claims checked: the mutations no longer reach the enum fields`);
  assert.ok(checked >= 100, `only ${checked} documents checked: the corpus or the mutations went missing`);
  assert.deepEqual(contradictions, [], 'we call a value unsupported that the schema accepts');
  assert.deepEqual(misses, [], 'the schema rejects these and we report no error');
});

// ---- our value tables vs the schema's enums ----------------------------------------------

/** The schema's enum at a place, read from the error a value outside it produces. */
function schemaEnum(model: ModelClass, doc: Obj, instancePath: string): string[] | undefined {
  const e = schemaErrors(model, doc).find((x) => x.keyword === 'enum' && x.instancePath === instancePath);
  return e ? (e.params.allowedValues as string[]) : undefined;
}

const pod = (spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }], ...spec } });
const svc = (spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], ...spec } });

const ENUM_FIELDS: Array<{ field: string; ours: readonly string[]; model: ModelClass; at: string; doc: (v: string) => Obj; ourRule?: string }> = [
  { field: 'Pod spec.dnsPolicy', ours: Object.keys(DNS_POLICIES), model: asModel(core.Pod), at: '/spec/dnsPolicy', doc: (v) => pod({ dnsPolicy: v, ...(v === 'None' ? { dnsConfig: { nameservers: ['10.0.0.10'] } } : {}) }), ourRule: 'k8s/dns-policy' },
  { field: 'Pod spec.restartPolicy', ours: POD_RESTART_POLICIES, model: asModel(core.Pod), at: '/spec/restartPolicy', doc: (v) => pod({ restartPolicy: v }) },
  { field: 'Service spec.type', ours: SERVICE_TYPES, model: asModel(core.Service), at: '/spec/type', doc: (v) => svc({ type: v, ...(v === 'ExternalName' ? { externalName: 'db.example.com' } : {}) }) },
];

test('our allowed values equal the schema enum wherever the schema has one, and each is linted clean', async () => {
  for (const { field, ours, model, at, doc, ourRule } of ENUM_FIELDS) {
    const theirs = schemaEnum(model, doc(BOGUS), at);
    assert.ok(theirs, `${field}: the schema no longer has an enum at ${at}; move it to the list below`);
    assert.deepEqual([...ours].sort(), [...theirs].sort(), `${field}: our table differs from the schema's enum`);
    for (const value of theirs) {
      const value0 = doc(value);
      assert.deepEqual(schemaErrors(model, value0), [], `${field}: ${value} should be schema-valid in the probe`);
      const findings = (await lint('k8s', stringify(value0))).filter(isError);
      assert.deepEqual(findings.map((f) => f.message), [], `${field}: we report an error for ${JSON.stringify(value)}, which the schema accepts`);
    }
    if (ourRule) {
      const findings = await lint('k8s', stringify(doc(BOGUS)));
      assert.ok(findings.some((f) => f.ruleId === ourRule && isError(f)), `${field}: ${ourRule} does not reject ${BOGUS}, which the schema rejects`);
    }
  }
});

test('resizePolicy values: the schema has no enum (plain strings), so validation.go is the oracle there', () => {
  // The OpenAPI schema types resourceName/restartPolicy as string; the sets we enforce come
  // from validateResizePolicy, whose messages messages.test.ts checks against the note.
  const container = (p: Obj): Obj => pod({ containers: [{ name: 'c', image: 'i', resizePolicy: [p] }] });
  const model = asModel(core.Pod);
  assert.deepEqual(schemaErrors(model, container({ resourceName: BOGUS, restartPolicy: BOGUS })), [], 'the schema now constrains resizePolicy values: compare RESIZE with its enum');
  for (const resourceName of RESIZE.resourceNames) {
    for (const restartPolicy of RESIZE.restartPolicies) assert.deepEqual(schemaErrors(model, container({ resourceName, restartPolicy })), []);
  }
  const required = schemaErrors(model, container({})).filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty).sort();
  assert.deepEqual(required, ['resourceName', 'restartPolicy']);
});

// ---- quantities: our grammar vs the schema's `quantity` format -------------------------------

const QUANTITIES = [
  '1', '0', '100m', '0.5', '.5', '1.', '+1', '-1', '1e3', '1E-2', '2Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei', '1n', '1u', '1k', '1M', '1G', '1T', '1P', '1E',
  '1GB', '1gb', '1Gib', '512MB', 'abc', '', ' 1', '1 Gi', '1..2', '1.2.3', '--1', '1e', '1K', '1KiB', 'Gi', '1h', '1da', '1d', '1c', '1Y', '1Z', '1f', '1p', '1a', '1z', '1y', '1mi', '1e3Mi',
];

test('quantities: whatever the schema rejects we reject; what we reject beyond it is outside apimachinery\'s suffixes', async () => {
  const model = asModel(core.Pod);
  const beyond: string[] = [];
  for (const q of QUANTITIES) {
    const doc = pod({ containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: q } } }] });
    const schemaRejects = schemaErrors(model, doc).length > 0;
    const ours = (await lint('k8s', stringify(doc))).filter((f) => f.ruleId === 'k8s/resource-quantity' && isError(f));
    if (schemaRejects) assert.ok(ours.length > 0, `the schema rejects quantity ${JSON.stringify(q)}, we do not`);
    else if (ours.length > 0) beyond.push(q);
  }
  // The library's format regex (kubernetes-models' formats.quantity) also takes every SI
  // prefix (h, da, d, c, f, p, a, z, y, Y, Z); apimachinery's parser knows only n u m k M G T P E
  // and rejects the rest ("unable to parse quantity's suffix"), as we do. Those are the only
  // quantities where we are stricter than the schema, and correctly so; and a negative
  // value, which the grammar allows and validation.go's ValidateResourceQuantityValue
  // rejects ("must be greater than or equal to 0"; research note §5).
  assert.deepEqual(beyond.sort(), ['-1', '1Y', '1Z', '1a', '1c', '1d', '1da', '1f', '1h', '1p', '1y', '1z'].sort());
  console.log(`k8s schema oracle: ${QUANTITIES.length} quantities, schema and we agree on ${QUANTITIES.length - beyond.length}; ${beyond.length} where we are rightly stricter (SI prefixes apimachinery does not parse, a negative value)`);
});
