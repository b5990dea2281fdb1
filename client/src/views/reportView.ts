// Reports (a /proc reading, a lookup) open as read-only virtual documents people keep open:
// one tab per report kind ("Memory", "DNS Lookup"), refreshed in place (the editor-title
// Refresh button re-runs what produced it), with a first line saying when it was read.
// Never saved anywhere on the node.

import * as vscode from 'vscode';

export const REPORT_SCHEME = 'infra-lens-report';
export const REPORT_LANGUAGE = 'infra-lens-report';

/** What a tab shows and how to produce it again. */
export interface ReportSource {
  /** Tab title and identity: one tab per kind ("Memory", "Process 1234"). */
  kind: string;
  /** "from /proc" or "" (lookups). */
  origin: string;
  /** Runs the command again; resolves to the new text, or undefined when it did not run. */
  produce: () => Promise<{ title: string; text: string } | undefined>;
}

/** "Memory — read at 20:53:10 from /proc", then the report's own title when it says more. */
export function reportHeader(kind: string, title: string, at: Date, origin: string): string {
  const time = at.toTimeString().slice(0, 8);
  const verb = origin ? 'read at' : 'ran at';
  const head = `${kind} — ${verb} ${time}${origin ? ` ${origin}` : ''}`;
  return title && title !== kind ? `${head}\n${title}\n` : `${head}\n`;
}

/** A tab title VS Code shows as is: no path separators, nothing turned into underscores. */
export function tabName(kind: string): string {
  return kind.replace(/[/\\]/g, '∕').replace(/\s+/g, ' ').trim().slice(0, 60) || 'Report';
}

export class ReportView implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly sources = new Map<string, ReportSource>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  uriOf(kind: string): vscode.Uri {
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${tabName(kind)}` });
  }

  /** Shows (or refreshes in place) the tab of this kind. */
  async show(source: ReportSource, title: string, text: string): Promise<void> {
    const uri = this.uriOf(source.kind);
    this.sources.set(uri.toString(), source);
    this.contents.set(uri.toString(), reportHeader(source.kind, title, new Date(), source.origin) + '\n' + text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== REPORT_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  }

  /** Re-runs what produced the tab and replaces its text. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const source = this.sources.get(uri.toString());
    if (!source) {
      void vscode.window.showInformationMessage('Infra Lens: this report was opened in an earlier session; run its command again.');
      return;
    }
    const result = await source.produce();
    if (!result) return;
    this.contents.set(uri.toString(), reportHeader(source.kind, result.title, new Date(), source.origin) + '\n' + result.text);
    this.changed.fire(uri);
  }
}
