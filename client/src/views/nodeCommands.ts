// The Node view's commands: refresh, sort, kernel threads, and the per-item actions
// (Inspect, Copy PID, Show sockets of this process, Reveal path, Open as Table).

import * as vscode from 'vscode';
import type { Report } from '../../../server/src/protocol';
import { ServerCommands } from '../../../server/src/protocol';
import type { CommandsApi } from '../commands';
import { isKernelThread, type NodeItem, type Process, type Socket, socketGroups, sortProcesses } from './nodeModel';
import { NodeView } from './nodeView';
import { TableView } from './tableView';

type Run = (command: string, args: unknown, label: string) => Promise<Report | undefined>;

function endpoint(e: { address: string; port: number } | undefined): string {
  return e ? (e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`) : '';
}

export function registerNodeCommands(context: vscode.ExtensionContext, api: CommandsApi, runQuiet: Run): NodeView {
  const allowed = () => vscode.workspace.isTrusted && vscode.workspace.getConfiguration('infraLens').get<boolean>('live.enabled', true);
  const view = new NodeView(runQuiet, allowed);
  const tables = new TableView();
  const register = (id: string, fn: (n?: NodeItem) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  context.subscriptions.push(view);

  register('infraLens.node.refresh', () => vscode.window.withProgress({ location: { viewId: 'infraLens.node' } }, () => view.refresh()));
  register('infraLens.node.sortByCpu', () => view.setSort('cpu'));
  register('infraLens.node.sortByRss', () => view.setSort('rss'));
  register('infraLens.node.showKernelThreads', () => view.setKernelThreads(true));
  register('infraLens.node.hideKernelThreads', () => view.setKernelThreads(false));
  register('infraLens.node.inspect', async (n) => {
    if (n?.pid && api.needsTrust()) await api.showReading(`Process ${n.pid}`, { reading: 'process', pid: n.pid });
  });
  register('infraLens.node.copyPid', async (n) => {
    if (!n?.pid) return;
    await vscode.env.clipboard.writeText(String(n.pid));
    void vscode.window.setStatusBarMessage(`Infra Lens: copied PID ${n.pid}`, 3000);
  });
  register('infraLens.node.showProcessSockets', async (n) => {
    if (!n?.pid || !api.needsTrust()) return;
    const r = await runQuiet(ServerCommands.proc, { reading: 'sockets' }, '/proc sockets');
    if (!r?.ok) return void vscode.window.showWarningMessage(`Infra Lens: ${r?.error ?? 'cannot read sockets'}`);
    const sockets = (r.data as { sockets: Socket[] }).sockets.filter((s) => s.owners.some((o) => o.pid === n.pid));
    const groups = socketGroups(sockets);
    const picks = groups.flatMap((g) => (g.children ?? []).flatMap((p) => (p.children ?? []).map((s) => ({ label: s.label, description: `${g.label.toLowerCase()} · ${p.label}` }))));
    const other = sockets.length - picks.length;
    await vscode.window.showQuickPick(picks.length ? picks : [{ label: 'No listening or established sockets', description: '' }], {
      title: `Sockets of ${n.label}${other > 0 ? ` (${other} in other states)` : ''}`,
    });
  });
  register('infraLens.node.revealPath', async (n) => {
    if (!n?.path) return;
    const path = n.path.replace(/ \(deleted\)$/, '');
    const dir = vscode.Uri.file(path.replace(/\/[^/]*$/, '') || '/');
    try {
      await vscode.workspace.fs.stat(dir);
      await vscode.commands.executeCommand('revealFileInOS', dir).then(undefined, () => vscode.commands.executeCommand('vscode.openFolder', dir, { forceNewWindow: true }));
    } catch {
      await vscode.env.clipboard.writeText(path);
      void vscode.window.showInformationMessage(`Infra Lens: ${path} is deleted and its folder is gone; the path is copied.`);
    }
  });
  register('infraLens.node.openTable', async (n) => {
    if (!api.needsTrust()) return;
    const at = `read at ${new Date().toTimeString().slice(0, 8)} from /proc`;
    if (n?.contextValue === 'processes') {
      const r = await runQuiet(ServerCommands.proc, { reading: 'processes' }, '/proc processes');
      if (!r?.ok) return;
      const list = sortProcesses((r.data as { processes: Process[] }).processes, 'cpu');
      tables.show('processes', {
        title: 'Processes',
        subtitle: at,
        columns: [{ name: 'PID', numeric: true }, { name: 'User' }, { name: 'State' }, { name: 'CPU %', numeric: true }, { name: 'RSS KiB', numeric: true }, { name: 'Threads', numeric: true }, { name: 'Kind' }, { name: 'Command' }],
        rows: list.map((p) => [p.pid, p.user, p.state, (p.cpuPercent ?? 0).toFixed(1), Math.round(p.rssBytes / 1024), p.threads ?? '', isKernelThread(p) ? 'kernel' : 'user', p.command]),
      });
    } else {
      const r = await runQuiet(ServerCommands.proc, { reading: 'sockets' }, '/proc sockets');
      if (!r?.ok) return;
      const list = (r.data as { sockets: Socket[] }).sockets;
      tables.show('sockets', {
        title: 'Sockets',
        subtitle: at,
        columns: [{ name: 'Proto' }, { name: 'State' }, { name: 'Local' }, { name: 'Peer' }, { name: 'Process' }],
        rows: list.map((s) => [s.protocol, s.state, s.protocol === 'unix' ? (s.path ?? '') : endpoint(s.local), s.protocol === 'unix' ? '' : endpoint(s.peer), s.owners.map((o) => `${o.command} (${o.pid})`).join(', ')]),
      });
    }
  });
  return view;
}
