import assert from 'node:assert/strict';
import test from 'node:test';
import { detectLanguage, looksLikeKubernetes } from '../../../server/src/core/languageDetect';

test('file names claim their language', () => {
  assert.equal(detectLanguage('/etc/coredns/Corefile', undefined), 'corefile');
  assert.equal(detectLanguage('Corefile.prod', undefined), 'corefile');
  assert.equal(detectLanguage('cluster.corefile', undefined), 'corefile');
  assert.equal(detectLanguage('/etc/resolv.conf', undefined), 'resolvconf');
  assert.equal(detectLanguage('resolv.conf.bak', undefined), 'resolvconf');
  assert.equal(detectLanguage('pod.resolv.conf', undefined), 'resolvconf');
  assert.equal(detectLanguage('example.com.zone', undefined), 'zone');
  assert.equal(detectLanguage('/etc/bind/db.example.com', undefined), 'zone');
  assert.equal(detectLanguage('db.10.in-addr.arpa', undefined), 'zone');
});

test('db.js, db.json and friends are not zone files', () => {
  for (const name of ['db.js', 'db.json', 'src/db.ts', 'db.sqlite', 'db.yaml']) assert.equal(detectLanguage(name, ''), undefined, name);
});

test('YAML is Kubernetes only with apiVersion and kind', () => {
  assert.equal(detectLanguage('pod.yaml', 'apiVersion: v1\nkind: Pod\n'), 'k8s');
  assert.equal(detectLanguage('values.yml', 'replicaCount: 2\n'), undefined);
  assert.equal(looksLikeKubernetes('---\napiVersion: apps/v1\nkind: Deployment\n'), true);
  assert.equal(looksLikeKubernetes('kind: Pod\n'), false);
  assert.equal(detectLanguage('README.md', undefined), undefined);
});

test('Kubernetes by content: flow style and JSON manifests, .yaml, .yml and .json', () => {
  const flow = '{ apiVersion: "v1", kind: Pod, metadata: { name: web }, spec: { containers: [] } }\n';
  assert.equal(detectLanguage('pod.yaml', flow), 'k8s');
  assert.equal(detectLanguage('pod.yml', `# resize example\n---\n${flow}`), 'k8s');
  const json = '{\n  "apiVersion": "apps/v1",\n  "kind": "Deployment",\n  "metadata": {"name": "web"}\n}\n';
  assert.equal(detectLanguage('deploy.json', json), 'k8s');
  assert.equal(detectLanguage('deploy.yaml', '"apiVersion": v1\n"kind": Pod\n'), 'k8s');
  // Not manifests: other JSON, and apiVersion/kind only below the top level.
  assert.equal(detectLanguage('package.json', '{"name": "x", "version": "1.0.0"}\n'), undefined);
  assert.equal(detectLanguage('values.yaml', 'ref:\n  apiVersion: v1\n  kind: Pod\n'), undefined);
  assert.equal(detectLanguage('values.yaml', 'ref: {apiVersion: v1, kind: Pod}\n'), undefined);
});
