// activate(): the log channel, palette commands, the Node view, the language status item,
// then the language server. Everything that thinks lives in the server; this is the VS Code
// front door onto it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Report } from '../../server/src/protocol';
import { registerCommands, type WatchWorkDone } from './commands';
import type * as LanguageClientModule from './languageClient';
import { showRuleDoc, SHOW_RULE_DOC } from './ruleDocs';
import { LanguageStatus, showCommandMenu } from './status';
import { registerNodeCommands } from './views/nodeCommands';

let clientReady: Promise<LanguageClient | undefined> = Promise.resolve(undefined);

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  // Levels and timestamps come with a LogOutputChannel; the language client logs into it too.
  const log = vscode.window.createOutputChannel('Infra Lens', { log: true });
  const status = new LanguageStatus(['corefile', 'resolvconf', 'dns-zone', 'yaml']);
  context.subscriptions.push(log, status);
  let watchWorkDone: WatchWorkDone = () => new vscode.Disposable(() => undefined);
  clientReady = new Promise((resolve) => {
    // After activate() returns: see languageClient.ts for why it is a file of its own.
    setImmediate(() => {
      try {
        const mod = require(path.join(__dirname, 'languageClient.js')) as typeof LanguageClientModule;
        watchWorkDone = mod.watchWorkDone;
        const client = mod.createLanguageClient(context, log);
        client.onDidChangeState((e) => status.setState(e.newState === mod.State.Running ? 'running' : e.newState === mod.State.Starting ? 'starting' : 'stopped', client.initializeResult?.serverInfo?.version));
        client.start().then(
          () => {
            status.setState('running', client.initializeResult?.serverInfo?.version);
            log.info(`server ready ${Date.now() - started} ms after activation began`);
          },
          (e: unknown) => {
            status.setState('stopped');
            void vscode.window.showErrorMessage(`Infra Lens: the language server did not start: ${(e as Error)?.message ?? e}`);
          },
        );
        log.info(`activated in ${Date.now() - started} ms`);
        resolve(client);
      } catch (e) {
        status.setState('stopped');
        void vscode.window.showErrorMessage(`Infra Lens: the language client could not be loaded: ${(e as Error)?.message ?? e}`);
        resolve(undefined);
      }
    });
  });
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void clientReady.then((client) => client?.sendNotification('infraLens/workspaceTrusted'));
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOC, (id?: string) => showRuleDoc(context, id)),
    vscode.commands.registerCommand('infraLens.showMenu', () => showCommandMenu(context)),
  );
  const api = registerCommands(context, () => clientReady, (c, t, h) => watchWorkDone(c, t, h), log);
  // The Node view reads quietly (its own progress bar, no notification per reading).
  const runQuiet = async (command: string, args: unknown, label: string): Promise<Report | undefined> => {
    const client = await clientReady;
    if (!client) return undefined;
    const t = Date.now();
    const report = await client.sendRequest<Report>('workspace/executeCommand', { command, arguments: [args] });
    log.debug(`Node view: ${label} in ${Date.now() - t} ms`);
    return report;
  };
  registerNodeCommands(context, api, runQuiet);
}

export async function deactivate(): Promise<void> {
  const client = await clientReady;
  await client?.stop();
}
