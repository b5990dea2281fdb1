// A minimal real LSP client over stdio (vscode-jsonrpc) for tests: starts dist/server.js,
// answers workspace/configuration, collects publishDiagnostics per document.

import { type ChildProcess, spawn } from 'node:child_process';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath } from '../helpers';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; severity?: number; message: string; codeDescription?: { href: string } }>;
}

export class TestLspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  private waiters: Array<{ uri: string; predicate: (d: PublishedDiagnostics) => boolean; resolve: (d: PublishedDiagnostics) => void }> = [];
  readonly published: PublishedDiagnostics[] = [];

  /** `env` adds to the server's environment (the fake node roots of the container lens test); `execArgv` to node's. */
  constructor(
    readonly settings: Record<string, unknown> = { lint: { debounceMs: 20 } },
    env?: Record<string, string>,
    execArgv: string[] = [],
  ) {
    this.process = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : undefined });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.predicate(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  nextDiagnostics(uri: string, predicate: (d: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (c) => resolve(c));
    });
    this.connection.dispose();
    return code;
  }
}
