// activate(): start the language server and register the palette commands. Everything
// that thinks lives in the server; this is the VS Code front door onto it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

/** Languages the server lints; YAML only when the document is a Kubernetes manifest. */
const DOCUMENT_LANGUAGES = ['corefile', 'resolvconf', 'dns-zone', 'yaml'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // No scheme filter: open documents are linted in virtual workspaces too.
    documentSelector: DOCUMENT_LANGUAGES.map((language) => ({ language })),
    outputChannelName: 'Infra Lens',
    synchronize: { configurationSection: 'infraLens' },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('infraLens', 'Infra Lens', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('infraLens/workspaceTrusted');
    }),
  );
  registerCommands(context, () => client);
  // Activation returns at once; the server starts in the background (requests sent before
  // it is up wait for it), so opening a YAML file never waits for the server process.
  const starting = client;
  starting.start().then(
    () => starting.outputChannel.appendLine(`Infra Lens server ready ${Date.now() - started} ms after activation began`),
    (e: unknown) => void vscode.window.showErrorMessage(`Infra Lens: the language server did not start: ${(e as Error)?.message ?? e}`),
  );
  starting.outputChannel.appendLine(`Infra Lens activated in ${Date.now() - started} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
