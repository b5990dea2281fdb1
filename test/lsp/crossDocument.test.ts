// Cross-document findings follow what is open: opening or closing one manifest re-lints
// the others (found by the Neovim suite: a stale k8s/service-selector warning).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { repoRoot } from '../helpers';
import { TestLspClient } from './client';

const fixture = (name: string) => ({ uri: `file:///work/k8s/${name}`, text: fs.readFileSync(path.join(repoRoot, 'fixtures', 'k8s', name), 'utf8') });

test('opening and closing a manifest re-lints the other open manifests', async (t) => {
  const client = new TestLspClient({ lint: { debounceMs: 0 } });
  t.after(() => client.process.kill());
  await client.initialize();
  const open = async (f: { uri: string; text: string }) =>
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: f.uri, languageId: 'yaml', version: 1, text: f.text } });
  const pod = fixture('pod-resize.yaml');
  const service = fixture('kafka-service.yaml');
  const statefulSet = fixture('kafka-statefulset.yaml');
  const selectorWarning = (p: { diagnostics: Array<{ code?: string }> }) => p.diagnostics.some((d) => d.code === 'k8s/service-selector');

  let wait = client.nextDiagnostics(pod.uri);
  await open(pod);
  await wait;
  wait = client.nextDiagnostics(service.uri);
  await open(service);
  assert.ok(selectorWarning(await wait), 'with only a non-matching Pod open, the Service selects nothing');

  wait = client.nextDiagnostics(service.uri, (p) => !selectorWarning(p));
  await open(statefulSet);
  await wait; // the StatefulSet's pods match: the Service's warning is withdrawn

  wait = client.nextDiagnostics(service.uri, selectorWarning);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: statefulSet.uri } });
  await wait; // and comes back when the StatefulSet is closed
  assert.equal(await client.shutdown(), 0);
});
