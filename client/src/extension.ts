// activate(): register the palette commands and start the language server. Everything
// that thinks lives in the server; this is the VS Code front door onto it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import type * as LanguageClientModule from './languageClient';

let clientReady: Promise<LanguageClient | undefined> = Promise.resolve(undefined);

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  clientReady = new Promise((resolve) => {
    // After activate() returns: see languageClient.ts for why it is a file of its own.
    setImmediate(() => {
      try {
        const { createLanguageClient } = require(path.join(__dirname, 'languageClient.js')) as typeof LanguageClientModule;
        const client = createLanguageClient(context);
        client.start().then(
          () => client.outputChannel.appendLine(`Infra Lens server ready ${Date.now() - started} ms after activation began`),
          (e: unknown) => void vscode.window.showErrorMessage(`Infra Lens: the language server did not start: ${(e as Error)?.message ?? e}`),
        );
        client.outputChannel.appendLine(`Infra Lens activated in ${Date.now() - started} ms`);
        resolve(client);
      } catch (e) {
        void vscode.window.showErrorMessage(`Infra Lens: the language client could not be loaded: ${(e as Error)?.message ?? e}`);
        resolve(undefined);
      }
    });
  });
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void clientReady.then((client) => client?.sendNotification('infraLens/workspaceTrusted'));
    }),
  );
  registerCommands(context, () => clientReady);
}

export async function deactivate(): Promise<void> {
  const client = await clientReady;
  await client?.stop();
}
