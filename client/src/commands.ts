// Palette commands: ask the user what is needed, run the server command with a cancellable
// progress notification, show the report in its tab.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type BumpSoaSerialResult, DECLARE_EXTERNAL_PLUGIN, type ProcArgs, type ProcessListData, type Report, SHOW_SERVER_REPORT, ServerCommands } from '../../server/src/protocol';
import { pickDigInput } from './digInput';
import { REPORT_SCHEME, type ReportSource, ReportView } from './views/reportView';

/** Palette command -> /proc reading with no further input, and the tab it opens. */
const PROC_READINGS: Record<string, { reading: string; kind: string }> = {
  'infraLens.showMemory': { reading: 'memory', kind: 'Memory' },
  'infraLens.showLoad': { reading: 'load', kind: 'Load and CPU' },
  'infraLens.showUptime': { reading: 'uptime', kind: 'Uptime' },
  'infraLens.showCpu': { reading: 'cpu', kind: 'CPU Info' },
  'infraLens.showKernel': { reading: 'kernel', kind: 'Kernel' },
  'infraLens.showNetworkInterfaces': { reading: 'interfaces', kind: 'Network Interfaces' },
  'infraLens.showSockets': { reading: 'sockets', kind: 'Sockets' },
  'infraLens.showProcesses': { reading: 'processes', kind: 'Processes' },
  'infraLens.findDeletedOpenFiles': { reading: 'deleted-files', kind: 'Deleted Open Files' },
  'infraLens.showContainers': { reading: 'containers', kind: 'Containers' },
};

/** The one way the client runs a server command: progress, cancel, log. */
export type RunCommand = (command: string, args: unknown, label: string) => Promise<Report | undefined>;

export interface CommandsApi {
  run: RunCommand;
  /** Runs a /proc reading and shows it in its tab. */
  showReading: (kind: string, args: ProcArgs) => Promise<void>;
  needsTrust: () => boolean;
}

/** A palette reading label for the progress title ("/proc sockets"). */
function label(command: string, args: unknown): string {
  if (command === ServerCommands.proc) {
    const a = args as ProcArgs;
    return `/proc ${a.reading}${a.pid ? ` ${a.pid}` : ''}`;
  }
  return command.replace(/^infraLens\.server\./, '');
}

/** Subscribes to $/progress on a work-done token (from languageClient.ts, loaded lazily). */
export type WatchWorkDone = (client: LanguageClient, token: string, handler: (value: { kind: string; message?: string }) => void) => vscode.Disposable;

export function registerCommands(
  context: vscode.ExtensionContext,
  getClient: () => Promise<LanguageClient | undefined>,
  watchWorkDone: WatchWorkDone,
  log: vscode.LogOutputChannel,
): CommandsApi {
  const view = new ReportView();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, view));

  const run: RunCommand = async (command, args, title) => {
    const client = await getClient();
    if (!client) {
      void vscode.window.showErrorMessage('Infra Lens: the language server is not running.');
      return undefined;
    }
    const started = Date.now();
    log.info(`${title}: started`);
    // A notification with Cancel, titled with what runs; the server's progress ("try 2 of 3")
    // arrives as $/progress on our work-done token and becomes the notification's message.
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const workDoneToken = `infraLens-${started}-${Math.random().toString(36).slice(2)}`;
      const listener = watchWorkDone(client, workDoneToken, (value) => {
        if (value.kind !== 'end' && value.message) {
          progress.report({ message: value.message });
          log.debug(`${title}: ${value.message}`);
        }
      });
      try {
        const report = await client.sendRequest<Report>('workspace/executeCommand', { command, arguments: [args], workDoneToken }, token);
        const ms = Date.now() - started;
        if (/timed out|no servers could be reached/i.test(report.text)) log.warn(`${title}: finished after ${ms} ms with a timeout`);
        else if (report.ok) log.info(`${title}: done in ${ms} ms`);
        else log.warn(`${title}: failed after ${ms} ms: ${report.error ?? ''}`);
        return report;
      } catch (e) {
        if (token.isCancellationRequested) {
          log.info(`${title}: cancelled after ${Date.now() - started} ms`);
          void vscode.window.setStatusBarMessage(`Infra Lens: cancelled ${title}`, 4000);
          return undefined;
        }
        log.error(`${title}: ${(e as Error)?.message ?? e}`);
        throw e;
      } finally {
        listener.dispose();
      }
    });
  };

  const show = async (source: ReportSource, report: Report | undefined): Promise<void> => {
    if (!report) return;
    if (!report.ok && !report.text) {
      void vscode.window.showErrorMessage(`Infra Lens: ${report.error ?? 'failed'}`);
      return;
    }
    if (!report.ok) void vscode.window.showWarningMessage(`Infra Lens: ${report.error ?? 'failed'}`);
    await view.show(source, report.title, report.text);
  };
  /** A tab fed by one server command: refreshing it runs the command again. */
  const showFrom = async (kind: string, origin: string, command: string, args: unknown, title = label(command, args)): Promise<void> => {
    const source: ReportSource = {
      kind,
      origin,
      produce: async () => {
        const r = await run(command, args, title);
        return r && (r.ok || r.text) ? { title: r.title, text: r.text } : undefined;
      },
    };
    await show(source, await run(command, args, title));
  };
  const showReading = (kind: string, args: ProcArgs) => showFrom(kind, 'from /proc', ServerCommands.proc, args);

  /** Live readings and lookups touch the node: not in Restricted Mode, not when turned off. */
  const needsTrust = (): boolean => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Infra Lens: /proc readings and DNS lookups are not available in Restricted Mode. Trust this workspace to use them.');
      return false;
    }
    if (!vscode.workspace.getConfiguration('infraLens').get<boolean>('live.enabled', true)) {
      void vscode.window.showWarningMessage('Infra Lens: live features are turned off (infraLens.live.enabled).');
      return false;
    }
    return true;
  };
  const register = (id: string, fn: (...args: never[]) => Promise<void> | void) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  for (const [id, { reading, kind }] of Object.entries(PROC_READINGS)) {
    register(id, async () => {
      if (needsTrust()) await showReading(kind, { reading });
    });
  }

  register('infraLens.inspectProcess', async () => {
    if (!needsTrust()) return;
    const list = await run(ServerCommands.proc, { reading: 'processes' } satisfies ProcArgs, '/proc processes');
    if (!list?.ok) return void (list && vscode.window.showErrorMessage(`Infra Lens: ${list.error ?? 'cannot list processes'}`));
    const data = list.data as ProcessListData;
    const picked = await vscode.window.showQuickPick(
      data.processes.map((p) => ({ label: `${p.pid}`, description: p.command, detail: `${p.user} · ${p.state} · RSS ${Math.round(p.rssBytes / 1024)} KiB`, pid: p.pid })),
      { title: 'Inspect which process?', matchOnDescription: true },
    );
    if (picked) await showReading(`Process ${picked.pid}`, { reading: 'process', pid: picked.pid });
  });

  const history = (): string[] => context.globalState.get<string[]>('infraLens.dns.history', []);
  register('infraLens.dnsLookup', async () => {
    if (!needsTrust()) return;
    const input = await pickDigInput(history());
    if (!input) return;
    const size = vscode.workspace.getConfiguration('infraLens').get<number>('dns.historySize', 20);
    await context.globalState.update('infraLens.dns.history', [input, ...history().filter((h) => h !== input)].slice(0, size));
    // Split on whitespace into our own dig parser's argv: user text never reaches a shell.
    await showFrom('DNS Lookup', '', ServerCommands.dig, { argv: input.split(/\s+/) }, `dig ${input}`);
  });

  register('infraLens.showQueryPlan', async () => {
    const editor = vscode.window.activeTextEditor;
    const name = await vscode.window.showInputBox({
      title: 'Show Query Plan',
      prompt: 'Name to resolve (as an application would ask for it)',
      placeHolder: 'web',
      validateInput: (v) => (/\s/.test(v.trim()) ? 'One name, without spaces' : undefined),
    });
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
    await showFrom('Query Plan', '', ServerCommands.resolvePlan, { name: name.trim(), uri, send: mode.send }, `${mode.send ? 'Send' : 'Plan'} the queries for ${name.trim()}`);
  });

  register('infraLens.bumpSoaSerial', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'dns-zone') {
      void vscode.window.showWarningMessage('Infra Lens: open a zone file to bump its SOA serial.');
      return;
    }
    const report = await run(ServerCommands.bumpSoaSerial, { uri: editor.document.uri.toString() }, 'Bump SOA serial');
    if (!report?.ok) return void (report && vscode.window.showWarningMessage(`Infra Lens: ${report.error ?? 'cannot bump the serial'}`));
    const { edits } = report.data as BumpSoaSerialResult;
    await editor.edit((b) => {
      for (const e of edits) b.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    });
    void vscode.window.setStatusBarMessage(`Infra Lens: ${report.text.trim()}`, 5000);
  });

  register('infraLens.showOutput', () => log.show());

  register('infraLens.refreshReport', async (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme === REPORT_SCHEME) await view.refresh(target);
  });

  // A quick fix for an unknown directive: declare it as a plugin of a custom CoreDNS build.
  register(DECLARE_EXTERNAL_PLUGIN, async (name: string) => {
    const config = vscode.workspace.getConfiguration('infraLens');
    const current = config.get<string[]>('coredns.externalPlugins') ?? [];
    if (typeof name === 'string' && !current.some((p) => p.split(':')[0] === name)) {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('coredns.externalPlugins', [...current, name], target);
    }
  });

  // Code lenses name a server command and its argument; the report opens like any other.
  register(SHOW_SERVER_REPORT, async (command: string, args: unknown) => {
    if (!needsTrust()) return;
    const a = args as { name?: string; type?: string; records?: unknown[] };
    const kind = command === ServerCommands.checkRecord ? 'Live Record Check' : label(command, args);
    await showFrom(kind, '', command, args, a?.name ? `Check ${a.records ? `${a.records.length} RRsets` : `${a.name} ${a.type ?? ''}`} live` : label(command, args));
  });

  return { run, showReading, needsTrust };
}
