// The Node tree view in the Infra Lens activity-bar container: the live node at a glance,
// from the same readings the palette commands and the CLI's --json show. Refreshes on the
// title-bar button, or every infraLens.node.autoRefreshSeconds while visible (opt-in).

import * as vscode from 'vscode';
import type { ProcArgs, Report } from '../../../server/src/protocol';
import { ServerCommands } from '../../../server/src/protocol';
import { buildNodeTree, type NodeItem, type NodeReadings, type ProcessSort } from './nodeModel';

type Run = (command: string, args: unknown, label: string) => Promise<Report | undefined>;

const READINGS: Array<[keyof NodeReadings, string]> = [
  ['memory', 'memory'],
  ['load', 'load'],
  ['uptime', 'uptime'],
  ['sockets', 'sockets'],
  ['processes', 'processes'],
  ['deletedFiles', 'deleted-files'],
  ['containers', 'containers'],
];

export class NodeView implements vscode.TreeDataProvider<NodeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NodeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readings: NodeReadings | undefined;
  private loading: Promise<void> | undefined;
  private sort: ProcessSort = 'cpu';
  private kernelThreads = false;
  private timer: NodeJS.Timeout | undefined;
  readonly tree: vscode.TreeView<NodeItem>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly runQuiet: Run,
    private readonly allowed: () => boolean,
  ) {
    this.tree = vscode.window.createTreeView('infraLens.node', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.tree.onDidChangeVisibility(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('infraLens.node') && this.schedule()),
    );
    void this.setContext();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'infraLens.node.sort', this.sort);
    await vscode.commands.executeCommand('setContext', 'infraLens.node.kernelThreads', this.kernelThreads);
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const seconds = vscode.workspace.getConfiguration('infraLens').get<number>('node.autoRefreshSeconds', 0);
    if (seconds > 0 && this.tree.visible) this.timer = setInterval(() => void this.refresh(), Math.max(2, seconds) * 1000);
  }

  /** Reads everything again (once at a time) and redraws the tree. */
  refresh(): Promise<void> {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      if (!this.allowed()) {
        this.readings = { errors: { memory: 'live readings are off here (Restricted Mode or infraLens.live.enabled)' } };
        return;
      }
      this.tree.message = undefined;
      const results = await Promise.all(READINGS.map(([, reading]) => this.runQuiet(ServerCommands.proc, { reading } satisfies ProcArgs, `/proc ${reading}`).catch(() => undefined)));
      const next: NodeReadings = { errors: {} };
      READINGS.forEach(([key], i) => {
        const r = results[i];
        // An unknown reading (no containers reader in this build) leaves its node out.
        if (r?.ok) (next as Record<string, unknown>)[key] = r.data;
        else if (r?.error && !/unknown reading/.test(r.error)) next.errors![key] = r.error;
      });
      this.readings = next;
      this.tree.description = `read at ${new Date().toTimeString().slice(0, 8)}`;
    })().finally(() => {
      this.loading = undefined;
      this.changed.fire(undefined);
    });
    return this.loading;
  }

  setSort(sort: ProcessSort): void {
    this.sort = sort;
    void this.setContext();
    this.changed.fire(undefined);
  }

  setKernelThreads(on: boolean): void {
    this.kernelThreads = on;
    void this.setContext();
    this.changed.fire(undefined);
  }

  getTreeItem(n: NodeItem): vscode.TreeItem {
    const state = n.children ? (n.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.contextValue;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
    if (n.contextValue === 'process') item.command = { title: 'Inspect', command: 'infraLens.node.inspect', arguments: [n] };
    return item;
  }

  async getChildren(n?: NodeItem): Promise<NodeItem[]> {
    if (n) return n.children ?? [];
    if (!this.readings) await this.refresh();
    return buildNodeTree(this.readings ?? {}, { sort: this.sort, kernelThreads: this.kernelThreads, processLimit: 200 });
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
