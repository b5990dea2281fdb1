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
