// Palette commands: ask the user what is needed, run the server command, render the report.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type BumpSoaSerialResult, DECLARE_EXTERNAL_PLUGIN, type ProcArgs, type ProcessListData, type Report, SHOW_SERVER_REPORT, ServerCommands } from '../../server/src/protocol';
import { REPORT_SCHEME, ReportView } from './views/reportView';

/** Palette command -> /proc reading with no further input. */
const PROC_READINGS: Record<string, string> = {
  'infraLens.showMemory': 'memory',
  'infraLens.showLoad': 'load',
  'infraLens.showUptime': 'uptime',
  'infraLens.showCpu': 'cpu',
  'infraLens.showKernel': 'kernel',
  'infraLens.showNetworkInterfaces': 'interfaces',
  'infraLens.showSockets': 'sockets',
  'infraLens.showProcesses': 'processes',
  'infraLens.findDeletedOpenFiles': 'deleted-files',
  'infraLens.showContainers': 'containers',
};

export function registerCommands(context: vscode.ExtensionContext, getClient: () => Promise<LanguageClient | undefined>): void {
  const view = new ReportView();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, view));

  const run = async (command: string, args: unknown): Promise<Report | undefined> => {
    const client = await getClient();
    if (!client) {
      void vscode.window.showErrorMessage('Infra Lens: the language server is not running.');
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Infra Lens…' }, () =>
      client.sendRequest<Report>('workspace/executeCommand', { command, arguments: [args] }),
    );
  };
  const show = async (report: Report | undefined) => {
    if (!report) return;
    if (!report.ok && !report.text) {
      void vscode.window.showErrorMessage(`Infra Lens: ${report.error ?? 'failed'}`);
      return;
    }
    if (!report.ok) void vscode.window.showWarningMessage(`Infra Lens: ${report.error ?? 'failed'}`);
    await view.show(report.title, report.text);
  };
  /** Live readings and lookups touch the node: not in Restricted Mode. */
  const needsTrust = (): boolean => {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window.showWarningMessage('Infra Lens: /proc readings and DNS lookups are not available in Restricted Mode. Trust this workspace to use them.');
    return false;
  };
  const register = (id: string, fn: () => Promise<void>) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  for (const [id, reading] of Object.entries(PROC_READINGS)) {
    register(id, async () => {
      if (needsTrust()) await show(await run(ServerCommands.proc, { reading } satisfies ProcArgs));
    });
  }

  register('infraLens.inspectProcess', async () => {
    if (!needsTrust()) return;
    const list = await run(ServerCommands.proc, { reading: 'processes' } satisfies ProcArgs);
    if (!list?.ok) return show(list);
    const data = list.data as ProcessListData;
    const picked = await vscode.window.showQuickPick(
      data.processes.map((p) => ({ label: `${p.pid}`, description: p.command, detail: `${p.user} · ${p.state} · RSS ${Math.round(p.rssBytes / 1024)} KiB`, pid: p.pid })),
      { title: 'Inspect which process?', matchOnDescription: true },
    );
    if (picked) await show(await run(ServerCommands.proc, { reading: 'process', pid: picked.pid } satisfies ProcArgs));
  });

  register('infraLens.dnsLookup', async () => {
    if (!needsTrust()) return;
    const input = await vscode.window.showInputBox({
      title: 'DNS Lookup',
      prompt: 'As for dig: [@server] name [type] [+tcp] [+trace] [+short], or -x address',
      placeHolder: 'kubernetes.default.svc.cluster.local A',
    });
    // Split on whitespace into our own dig parser's argv: user text never reaches a shell.
    if (input?.trim()) await show(await run(ServerCommands.dig, { argv: input.trim().split(/\s+/) }));
  });

  register('infraLens.showQueryPlan', async () => {
    const editor = vscode.window.activeTextEditor;
    const name = await vscode.window.showInputBox({ title: 'Show Query Plan', prompt: 'Name to resolve (as an application would ask for it)', placeHolder: 'web' });
    if (!name?.trim()) return;
    const uri = editor?.document.languageId === 'resolvconf' ? editor.document.uri.toString() : undefined;
    const mode = await vscode.window.showQuickPick(
      [
        { label: 'Plan only', description: 'the queries the resolver would send, in order', send: false },
        { label: 'Send the queries', description: 'ask the nameservers and show each answer', send: true },
      ],
      { title: 'Show Query Plan' },
    );
    if (!mode || (mode.send && !needsTrust())) return;
    await show(await run(ServerCommands.resolvePlan, { name: name.trim(), uri, send: mode.send }));
  });

  register('infraLens.bumpSoaSerial', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'dns-zone') {
      void vscode.window.showWarningMessage('Infra Lens: open a zone file to bump its SOA serial.');
      return;
    }
    const report = await run(ServerCommands.bumpSoaSerial, { uri: editor.document.uri.toString() });
    if (!report?.ok) return show(report);
    const { edits } = report.data as BumpSoaSerialResult;
    await editor.edit((b) => {
      for (const e of edits) b.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    });
    void vscode.window.setStatusBarMessage(`Infra Lens: ${report.text.trim()}`, 5000);
  });

  register('infraLens.showOutput', async () => (await getClient())?.outputChannel.show());

  // The quick fix on an unknown directive: the user's CoreDNS build has that plugin.
  context.subscriptions.push(
    vscode.commands.registerCommand(DECLARE_EXTERNAL_PLUGIN, async (name: string) => {
      const config = vscode.workspace.getConfiguration('infraLens');
      const current = config.get<string[]>('coredns.externalPlugins') ?? [];
      if (typeof name === 'string' && !current.some((p) => p.split(':')[0] === name)) {
        const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
        await config.update('coredns.externalPlugins', [...current, name], target);
      }
    }),
  );

  // Code lenses name a server command and its argument; the report opens like any other.
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_SERVER_REPORT, async (command: string, args: unknown) => {
      if (needsTrust()) await show(await run(command, args));
    }),
  );
}
