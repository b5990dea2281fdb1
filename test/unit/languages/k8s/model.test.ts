import assert from 'node:assert/strict';
import test from 'node:test';
import { parseK8s } from '../../../../server/src/languages/k8s/model';
import { lint, ruleIds } from '../../../helpers';

test('multi-document files: every document with apiVersion + kind is an object, others are left alone', () => {
  const ast = parseK8s('apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\nfoo: bar\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n');
  assert.deepEqual(ast.objects.map((o) => `${o.kind}/${o.name}/${o.docIndex}`), ['Service/a/0', 'Deployment/b/2']);
});

test('pod templates are found in every workload kind, with API-server field paths', () => {
  const kinds: Array<[string, string, string]> = [
    ['v1', 'Pod', 'spec'],
    ['apps/v1', 'Deployment', 'spec.template.spec'],
    ['apps/v1', 'StatefulSet', 'spec.template.spec'],
    ['apps/v1', 'DaemonSet', 'spec.template.spec'],
    ['apps/v1', 'ReplicaSet', 'spec.template.spec'],
    ['batch/v1', 'Job', 'spec.template.spec'],
    ['batch/v1', 'CronJob', 'spec.jobTemplate.spec.template.spec'],
  ];
  for (const [apiVersion, kind, path] of kinds) {
    const spec = '{containers: [{name: c, image: x}]}';
    const nest = path.split('.').slice(0, -1).reduceRight((inner, key) => `{${key}: ${inner}}`, `{spec: ${spec}}`);
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w}\n${kind === 'Pod' ? `spec: ${spec}` : `spec: ${nest.slice('{spec: '.length, -1)}`}\n`;
    const pod = parseK8s(text).objects[0].pod;
    assert.ok(pod, `${kind}: pod spec found in ${text}`);
    assert.equal(pod.path, path);
    assert.deepEqual(pod.containers.map((c) => `${c.path}:${c.name}`), [`${path}.containers[0]:c`]);
  }
});

test('aliases and merge keys are read through; findings land on the anchored text', async () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: nginx
      resizePolicy: &policy
        - resourceName: cpu
          restartPolicy: RestartNotRequired
    - <<: &base {image: nginx}
      name: b
      resizePolicy: *policy
`;
  const ast = parseK8s(text);
  const b = ast.objects[0].pod!.containers[1];
  assert.equal(ast.objects[0].str(ast.objects[0].get(b.map, 'image')), 'nginx');
  const findings = await lint('k8s', text);
  // One anchored node, reported once (not once per alias).
  assert.deepEqual(ruleIds(findings), ['k8s/resize-restart-policy']);
  assert.equal(findings[0].range.start.line, 9);
});

test('flow and block style give the same findings with exact ranges', async () => {
  const block = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  dnsPolicy: Bogus\n  containers:\n    - name: c\n';
  const flow = '{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {dnsPolicy: Bogus, containers: [{name: c, image: x}]}}\n';
  const [a] = await lint('k8s', block);
  const [b] = await lint('k8s', flow);
  assert.equal(a.ruleId, 'k8s/dns-policy');
  assert.equal(b.ruleId, 'k8s/dns-policy');
  assert.deepEqual(a.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 18 } });
  assert.deepEqual(b.range, { start: { line: 0, character: 67 }, end: { line: 0, character: 72 } });
});

test('YAML syntax errors are reported in manifests, not in plain YAML', async () => {
  assert.deepEqual(ruleIds(await lint('k8s', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p\n')), ['k8s/yaml-syntax']);
  assert.deepEqual(await lint('k8s', 'foo: [1, 2\n'), []);
});

test('a Helm template gets one information finding and nothing else', async () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      dnsPolicy: Bogus\n{{- if .Values.x }}\n  replicas: {{ .Values.replicas }}\n{{- end }}\n';
  const findings = await lint('k8s', text);
  assert.deepEqual(ruleIds(findings), ['k8s/helm-template']);
  assert.equal(findings[0].severity, 'information');
  assert.deepEqual(findings[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 27 } });
});

test('template-looking text inside a quoted string is not a Helm template', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    summary: "{{ $labels.instance }} is down"\nspec:\n  dnsPolicy: Bogus\n  containers: [{name: c, image: x}]\n';
  assert.deepEqual(ruleIds(await lint('k8s', text)), ['k8s/dns-policy']);
});

test('the parser never throws on junk', async () => {
  const junk = Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  await lint('k8s', `apiVersion: v1\nkind: Pod\n${junk}`);
  await lint('k8s', 'apiVersion: v1\nkind: Pod\nspec: !!binary zz\n---\n: : :\n- [\n');
});

test('a v1 List (kubectl get -o yaml) is read item by item', async () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: db}\n    spec: {type: NodePort, clusterIP: None, ports: [{port: 1}]}\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec: {dnsPolicy: Nope, containers: [{name: c, image: x}]}\n';
  assert.deepEqual(parseK8s(text).objects.map((o) => `${o.kind}/${o.name}`), ['Service/db', 'Pod/p']);
  assert.deepEqual(ruleIds(await lint('k8s', text)), ['k8s/headless-service', 'k8s/dns-policy']);
});

test('braces in a YAML comment do not make a manifest a template; Helm names in one do', async () => {
  const manifest = (comment: string) => `# ${comment}\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  dnsPolicy: Bogus\n  containers: [{name: c, image: x}]\n`;
  assert.deepEqual(ruleIds(await lint('k8s', manifest('render with {{ it }} later'))), ['k8s/dns-policy']);
  assert.deepEqual(ruleIds(await lint('k8s', manifest('{{- include "x" . }}'))), ['k8s/helm-template']);
});

test('merge keys: own keys win, then the sources in order; an alias names the nearest anchor before it', () => {
  const ast = parseK8s('apiVersion: v1\nkind: Pod\nmetadata: {name: m}\nx: &a {p: 1, q: 1}\ny: &b {q: 2, r: 2}\nz: &a {s: 3}\nspec:\n  <<: [*b, *a]\n  q: own\n  w: *a\n');
  const o = ast.objects[0];
  const spec = o.map(o.root, 'spec');
  assert.equal(o.str(o.get(spec, 'q')), 'own');
  assert.equal(o.str(o.get(spec, 'r')), '2');
  assert.equal(o.str(o.get(spec, 's')), '3', 'the second &a shadows the first');
  assert.equal(o.get(spec, 'p'), undefined);
  assert.equal(o.str(o.get(o.map(spec, 'w'), 's')), '3');
});

test('merge keys: a merge cycle finds nothing and does not loop', () => {
  const ast = parseK8s('apiVersion: v1\nkind: Pod\nmetadata: {name: m}\nspec: &s\n  a: 1\n  <<: *s\n');
  const o = ast.objects[0];
  assert.equal(o.str(o.get(o.map(o.root, 'spec'), 'a')), '1');
  assert.equal(o.get(o.map(o.root, 'spec'), 'missing'), undefined);
});

// Each level merges the previous one four times: 4^8 paths to walk for a naive lookup
// (this 338-byte file took more than 60 s before merge lookups were remembered per map and
// key). The timeout only stops a hang; the work is linear now.
test('nested merge keys and many aliases stay linear (no exponential walk)', { timeout: 30_000 }, async () => {
  const levels = ['a0: &a0 {dnsPolicy: Default}'];
  for (let i = 1; i < 8; i++) levels.push(`a${i}: &a${i} {<<: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]}`);
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n${levels.join('\n')}\nspec: {<<: [*a7, *a7, *a7, *a7], containers: [{name: c, image: i}]}\n`;
  const o = parseK8s(text).objects[0];
  assert.equal(o.str(o.get(o.pod?.spec, 'dnsPolicy')), 'Default');
  await lint('k8s', text);
  // 6,000 aliases of one anchor: one walk of the document resolves them all.
  const many = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l {a: b}\nlist:\n${Array.from({ length: 6000 }, () => '  - *l\n').join('')}`;
  const m = parseK8s(many).objects[0];
  assert.equal(m.items(m.get(m.root, 'list')).length, 6000);
  await lint('k8s', many);
});

test('aliases next to empty values resolve (null nodes in the anchor walk)', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: &l {a: b}}\nspec:\n  nodeSelector: *l\n  hostname:\n  containers: [{name: c, image: i}]\n';
  const o = parseK8s(text).objects[0];
  assert.equal(o.str(o.get(o.map(o.root, 'spec', 'nodeSelector'), 'a')), 'b');
  await lint('k8s', text);
});
