// The LanguageClient and its options. Bundled as its own file (dist/languageClient.js) and
// loaded just after activate() returns: vscode-languageclient is most of the client's code,
// and loading it inside activation would hold up the extension host's activation queue.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind, WorkDoneProgress } from 'vscode-languageclient/node';
import { ruleDocLink } from './ruleDocs';

/** Languages the server lints; YAML only when the document is a Kubernetes manifest. */
export const DOCUMENT_LANGUAGES = ['corefile', 'resolvconf', 'dns-zone', 'yaml', 'json'];

const enabled = (key: string) => vscode.workspace.getConfiguration('infraLens').get<boolean>(key, true);

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // No scheme filter: open documents are linted in virtual workspaces too.
    documentSelector: DOCUMENT_LANGUAGES.map((language) => ({ language })),
    outputChannel,
    synchronize: { configurationSection: 'infraLens' },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    middleware: {
      // Rule links open the rule's page rendered, never the .md file inside the extension.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          if (d.source === 'infra-lens' && typeof d.code === 'object' && typeof d.code.value === 'string') d.code = { value: d.code.value, target: ruleDocLink(d.code.value) };
        }
        next(uri, diagnostics);
      },
      provideCodeLenses: (doc, token, next) => (enabled('codeLens.enabled') ? next(doc, token) : []),
      provideInlayHints: (doc, range, token, next) => (enabled('inlayHints.enabled') ? next(doc, range, token) : []),
    },
  };
  return new LanguageClient('infraLens', 'Infra Lens', serverOptions, clientOptions);
}

/** $/progress on a work-done token the client chose (a command's "try 2 of 3"). */
export function watchWorkDone(client: LanguageClient, token: string, handler: (value: { kind: string; message?: string }) => void): vscode.Disposable {
  return client.onProgress(WorkDoneProgress.type, token, handler);
}

export function isRunning(client: LanguageClient): boolean {
  return client.state === State.Running;
}

export { State };
