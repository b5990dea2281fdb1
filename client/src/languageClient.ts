// The LanguageClient and its options. Bundled as its own file (dist/languageClient.js) and
// loaded just after activate() returns: vscode-languageclient is most of the client's code,
// and loading it inside activation would hold up the extension host's activation queue.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** Languages the server lints; YAML only when the document is a Kubernetes manifest. */
const DOCUMENT_LANGUAGES = ['corefile', 'resolvconf', 'dns-zone', 'yaml', 'json'];

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
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
  return new LanguageClient('infraLens', 'Infra Lens', serverOptions, clientOptions);
}
