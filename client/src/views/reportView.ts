// Reports (a /proc reading, a lookup) open as read-only virtual documents: searchable,
// copyable, and never saved anywhere on the node.

import * as vscode from 'vscode';

export const REPORT_SCHEME = 'infra-lens-report';

export class ReportView implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async show(title: string, text: string): Promise<void> {
    const safeTitle = title.replace(/[^\w .:@()-]+/g, '_').slice(0, 80) || 'report';
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${safeTitle}`, query: String(++this.counter) });
    this.contents.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  }
}
