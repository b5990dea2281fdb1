// The manifest -> node lens and "Show Containers on This Node" in the real VS Code
// (code-server + Chromium), on a fake node: code-server starts with the node-root overrides
// (PROC_ROOT, INFRA_LENS_*), which its extension host and our language server inherit.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fakeNode, writeProcess, writeV2Container } from '../unit/live/proc/nodeFixture';
import { repoRoot } from '../helpers';
import { CodeServerSession, until, vsixPath } from './codeServer';
import { assertVsixMatchesDist } from './vsix';
import { activeTabLabel, editorText, goTo, hoverText, openFile, runCommand } from './workbench';

const UID = '44444444-aaaa-4bbb-8ccc-000000000001';
const ID = 'c'.repeat(64);
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
`;

describe('Infra Lens in VS Code (code-server): containers on this node', { timeout: 300_000 }, () => {
  const node = fakeNode();
  const cgroup = `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID.replace(/-/g, '_')}.slice/cri-containerd-${ID}.scope`;
  writeV2Container(node, cgroup, { memoryMax: '1073741824', memoryCurrent: '536870912', oomKill: 0, cpuMax: '100000 100000', pidsMax: 'max', pidsCurrent: '1' });
  writeProcess(node, 10, 'nginx', cgroup);
  node.write(`var/log/pods/shop_web_${UID}/web/0.log`, '');
  fs.symlinkSync('/dev/null', path.join(node.env.INFRA_LENS_CONTAINER_LOGS_ROOT, `web_shop_web-${ID}.log`));
  const session = new CodeServerSession({ trusted: true, settings: { 'infraLens.kubernetes.version': '1.33' }, env: node.env, files: { 'k8s/web-pod.yaml': MANIFEST } });

  before(async () => {
    assertVsixMatchesDist(vsixPath(), path.join(repoRoot, 'dist'));
    await session.start();
  });
  after(async () => {
    await session.stop();
    node.remove();
  });

  test('a Pod manifest shows the live lens over its container, with the resize not applied yet, and the hover explains PodResizePending', async () => {
    const { page } = session;
    await openFile(page, 'k8s/web-pod.yaml');
    const lens = await until(
      () => page.$$eval('.contentWidgets .codelens-decoration, .codelens-decoration', (els) => els.map((e) => (e as unknown as { innerText: string }).innerText).find((t) => t.includes('live:'))),
      60_000,
      () => 'no live code lens over the container',
    );
    assert.equal(lens.trim(), 'live: memory 512Mi of limit 1Gi, cpu limit 1, 0 OOM kills — memory: manifest 2Gi, node still 1Gi: the resize is not applied yet');
    await session.screenshot('20-container-live-lens');
    await goTo(page, 12, 22);
    let hover = '';
    for (let attempt = 0; attempt < 3 && !hover.includes('PodResizePending'); attempt++) {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Show or Focus Hover');
      const deadline = Date.now() + 5000;
      while (!(hover = await hoverText(page)).includes('PodResizePending') && Date.now() < deadline) await page.waitForTimeout(200);
    }
    assert.match(hover, /PodResizePending/, `the hover on the limits explains the resize status: ${hover}`);
    assert.match(hover, /manifest 2Gi, node still 1Gi/);
    await session.screenshot('21-container-resize-hover');
  });

  test('"Infra Lens: Show Containers on This Node" opens the reading', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Infra Lens: Show Containers on This Node');
    await until(async () => (await activeTabLabel(page)) !== '', 30_000, () => 'no report opened');
    const text = await until(async () => {
      const t = await editorText(page);
      return t.includes('shop/web') ? t : undefined;
    }, 20_000, () => 'the report does not list shop/web');
    assert.match(text, /Containers on this node: 1/);
    assert.match(text, /512\.0 MiB \/ 1\.0 GiB/);
    await session.screenshot('22-show-containers');
  });
});
