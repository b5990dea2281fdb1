// Where a pod reads a ConfigMap's keys: the workloads (this file's and the workspace's) whose
// volumes name the ConfigMap, the first container mount of that volume, and the volume's
// `items` (only those keys, at their own paths). Also the check that a volume's items name
// keys the ConfigMap has.

import { isMap, type Node } from 'yaml';
import type { Finding } from '../../core/finding';
import type { AnalysisContext } from '../../core/languageService';
import type { RuleMeta } from '../../core/rules';
import type { K8sAst, K8sObject } from './model';
import { sameNamespace, Workspace } from './workspace';

export interface ConfigMapMounts {
  /** A workload in view mounts the ConfigMap. */
  known: boolean;
  /** Path a key is read at in the pod; undefined when unknown or when the volume leaves the key out. */
  pathOf(key: string): string | undefined;
  /**
   * The same workload's other ConfigMap volumes (coredns-custom at /etc/coredns/custom):
   * where each is mounted and, when that ConfigMap is in view, its files by path.
   */
  siblings: Array<{ dir: string; files?: Map<string, string> }>;
}

/** A ConfigMap's string values by the path a volume puts them at. */
function volumeFiles(cm: K8sObject, use: VolumeUse): Map<string, string> {
  const dir = use.mountPath!.replace(/\/+$/, '');
  const files = new Map<string, string>();
  for (const e of cm.entries(cm.map(cm.root, 'data'))) {
    const key = String(e.key.value);
    const text = cm.str(e.value);
    if (text === undefined) continue;
    const item = use.items ? use.items.find((i) => i.key === key) : { path: key };
    if (item) files.set(`${dir}/${item.path}`, text);
  }
  return files;
}

interface VolumeUse {
  workload: K8sObject;
  volumeName: string;
  items?: Array<{ key: string; path: string; keyNode: Node | undefined }>;
  mountPath?: string;
  subPath?: string;
}

/** Volumes of a workload that use a ConfigMap, with the mount of the first container that mounts each. */
function configMapVolumes(workload: K8sObject): Array<VolumeUse & { configMap: string }> {
  const pod = workload.pod;
  if (!pod) return [];
  const out: Array<VolumeUse & { configMap: string }> = [];
  for (const { node } of workload.items(workload.get(pod.spec, 'volumes'))) {
    if (!isMap(node)) continue;
    const cm = workload.map(node, 'configMap');
    const configMap = workload.str(workload.get(cm, 'name'));
    const volumeName = workload.str(workload.get(node, 'name'));
    if (!configMap || !volumeName) continue;
    const itemsNode = workload.get(cm, 'items');
    const items = itemsNode
      ? workload.items(itemsNode).flatMap(({ node: item }) => {
          if (!isMap(item)) return [];
          const key = workload.str(workload.get(item, 'key'));
          const path = workload.str(workload.get(item, 'path'));
          return key ? [{ key, path: path ?? key, keyNode: workload.get(item, 'key') }] : [];
        })
      : undefined;
    let mountPath: string | undefined;
    let subPath: string | undefined;
    for (const c of pod.containers) {
      for (const { node: m } of workload.items(workload.get(c.map, 'volumeMounts'))) {
        if (!isMap(m) || workload.str(workload.get(m, 'name')) !== volumeName) continue;
        mountPath = workload.str(workload.get(m, 'mountPath'));
        subPath = workload.str(workload.get(m, 'subPath'));
        break;
      }
      if (mountPath) break;
    }
    out.push({ workload, volumeName, items, mountPath, subPath, configMap });
  }
  return out;
}

export function mountsOf(configMap: K8sObject, ast: K8sAst, ctx: AnalysisContext): ConfigMapMounts {
  const workspace = new Workspace(ast, ctx);
  let use: VolumeUse | undefined;
  for (const { obj } of workspace.objects) {
    if (!obj.pod || !sameNamespace(obj, configMap)) continue;
    use = configMapVolumes(obj).find((v) => v.configMap === configMap.name && v.mountPath);
    if (use) break;
  }
  const siblings = use
    ? configMapVolumes(use.workload)
        .filter((v) => v.configMap !== configMap.name && v.mountPath && !v.subPath)
        .map((v) => {
          const [cm] = workspace.find(use!.workload, 'ConfigMap', v.configMap);
          return { dir: v.mountPath!.replace(/\/+$/, ''), files: cm ? volumeFiles(cm.obj, v) : undefined };
        })
    : [];
  return {
    known: use?.mountPath !== undefined,
    siblings,
    pathOf(key) {
      if (!use?.mountPath) return undefined;
      const dir = use.mountPath.replace(/\/+$/, '');
      if (use.subPath) return use.subPath === key ? dir : undefined;
      if (!use.items) return `${dir}/${key}`;
      const item = use.items.find((i) => i.key === key);
      return item ? `${dir}/${item.path}` : undefined;
    },
  };
}

/** Keys a distribution writes into the ConfigMap at runtime, so its manifest lacks them. */
const RUNTIME_KEYS: Record<string, string> = {
  // k3s's server fills coredns/NodeHosts from the node list (pkg/node/controller.go).
  NodeHosts: 'k3s',
};

/** A workload's ConfigMap volume whose `items` name a key the ConfigMap (in view) does not have. */
export function checkMountedKeys(ast: K8sAst, ctx: AnalysisContext, rule: RuleMeta): Finding[] {
  const out: Finding[] = [];
  let workspace: Workspace | undefined;
  for (const workload of ast.objects) {
    for (const v of configMapVolumes(workload)) {
      if (!v.items?.length) continue;
      workspace ??= new Workspace(ast, ctx);
      const [cm] = workspace.find(workload, 'ConfigMap', v.configMap);
      if (!cm) continue;
      const data = cm.obj.map(cm.obj.root, 'data');
      const keys = [...cm.obj.entries(data), ...cm.obj.entries(cm.obj.map(cm.obj.root, 'binaryData'))].map((e) => String(e.key.value));
      for (const item of v.items) {
        if (keys.includes(item.key) || RUNTIME_KEYS[item.key] || !item.keyNode?.range) continue;
        const cmName = cm.obj.name ?? v.configMap;
        out.push({
          ruleId: rule.id,
          range: ast.index.rangeOf(item.keyNode.range[0], item.keyNode.range[1]),
          message: `volume '${v.volumeName}': ConfigMap ${cmName} has no key '${item.key}' (it has ${keys.map((k) => `'${k}'`).join(', ') || 'none'}); the pod stays in ContainerCreating until it does`,
          related: cm.obj.root.range ? [{ uri: cm.uri, range: cm.obj.ast.index.rangeOf(cm.obj.root.range[0], cm.obj.root.range[0]), message: `ConfigMap ${cmName}` }] : undefined,
        });
      }
    }
  }
  return out;
}
