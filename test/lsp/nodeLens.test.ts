// Manifest -> node over LSP: the server, pointed at a fake node (PROC_ROOT and the
// INFRA_LENS_* roots, an override only tests use), puts a live code lens over each container
// of a Pod / Deployment whose pod runs there, says where the manifest's limits differ from the
// cgroup's (an in-place resize not applied yet), and explains status.resize in the hover.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { fakeNode, writeProcess, writeV2Container } from '../unit/live/proc/nodeFixture';
import { TestLspClient } from './client';

const UID_WEB = '22222222-aaaa-4bbb-8ccc-000000000001';
const UID_API = '22222222-aaaa-4bbb-8ccc-000000000002';
const WEB_ID = 'a'.repeat(64);
const API_ID = 'b'.repeat(64);

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests: { memory: 512Mi, cpu: 500m }
        limits: { memory: 2Gi, cpu: "1" }
    - name: not-running-here
      image: busybox
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: example/api:2
          resources:
            limits: { memory: 1Gi, cpu: 500m }
`;

type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };

test('LSP: live code lenses over a Pod and a Deployment on a fake node; the manifest-vs-node resize difference; status.resize in hover', async () => {
  const node = fakeNode();
  const web = `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_WEB.replace(/-/g, '_')}.slice/cri-containerd-${WEB_ID}.scope`;
  const api = `/kubepods/burstable/pod${UID_API}/${API_ID}`;
  writeV2Container(node, web, { memoryMax: '1073741824', memoryCurrent: '536870912', oomKill: 0, cpuMax: '100000 100000', pidsMax: 'max', pidsCurrent: '1' });
  writeV2Container(node, api, { memoryMax: '1073741824', memoryCurrent: '104857600', oomKill: 2, cpuMax: '50000 100000', pidsMax: 'max', pidsCurrent: '1' });
  writeProcess(node, 10, 'nginx', web);
  writeProcess(node, 20, 'api', api);
  node.write(`var/log/pods/shop_web_${UID_WEB}/web/0.log`, '');
  node.write(`var/log/pods/default_api-6d4cf56db6-q8x7z_${UID_API}/api/0.log`, '');
  fs.symlinkSync('/dev/null', path.join(node.env.INFRA_LENS_CONTAINER_LOGS_ROOT, `web_shop_web-${WEB_ID}.log`));
  fs.symlinkSync('/dev/null', path.join(node.env.INFRA_LENS_CONTAINER_LOGS_ROOT, `api-6d4cf56db6-q8x7z_default_api-${API_ID}.log`));
  const client = new TestLspClient({ lint: { debounceMs: 20 }, kubernetes: { version: '1.33' } }, node.env);
  try {
    await client.initialize();
    const uri = 'file:///work/pod.yaml';
    const diagnostics = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFEST } });
    await diagnostics;
    const lenses = await client.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const live = lenses.filter((l) => /live:/.test(l.command.title));
    assert.deepEqual(
      live.map((l) => [l.range.start.line, l.command.title]),
      [
        [7, 'live: memory 512Mi of limit 1Gi, cpu limit 1, 0 OOM kills — memory: manifest 2Gi, node still 1Gi: the resize is not applied yet'],
        [25, 'api-6d4cf56db6-q8x7z: live: memory 100Mi of limit 1Gi, cpu limit 0.5, 2 OOM kills'],
      ],
    );
    assert.equal(live[0].command.command, 'infraLens.showServerReport');
    assert.deepEqual(live[0].command.arguments, ['infraLens.server.proc', { reading: 'containers', pid: 10 }]);

    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 20 } });
    assert.ok(hover, 'a hover on the limits line');
    assert.match(hover.contents.value, /manifest 2Gi, node still 1Gi: the resize is not applied yet/);
    assert.match(hover.contents.value, /PodResizePending/);
    assert.match(hover.contents.value, /Infeasible/);
    const elsewhere = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 12 } });
    assert.doesNotMatch(elsewhere?.contents.value ?? '', /On this node/, 'a container not running here has no live hover');

    // The lens's command is the containers reading of that pid, served by the same server.
    const report = await client.connection.sendRequest<{ ok: boolean; text: string }>('workspace/executeCommand', { command: 'infraLens.server.proc', arguments: [{ reading: 'containers', pid: 10 }] });
    assert.equal(report.ok, true);
    assert.match(report.text, /^Container web in shop\/web\n/);
  } finally {
    await client.shutdown();
    node.remove();
  }
});
