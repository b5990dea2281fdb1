// The language status item (the `{}` in the status bar, as rust-analyzer's): the server's
// state and what the open file is checked against; its link opens the Infra Lens commands.

import * as vscode from 'vscode';

/** What each language is checked against, from the settings. */
function checkedAgainst(language: string, config: vscode.WorkspaceConfiguration): string {
  switch (language) {
    case 'corefile':
      return `CoreDNS ${config.get<string>('coredns.version', '1.13.1')}`;
    case 'resolvconf':
      return config.get<string>('resolvconf.libc', 'glibc');
    case 'yaml':
      return `Kubernetes ${config.get<string>('kubernetes.version', '1.35')}`;
    default:
      return 'BIND master-file rules (RFC 1035)';
  }
}

export type ServerState = 'starting' | 'running' | 'stopped';

export class LanguageStatus implements vscode.Disposable {
  private readonly items: Array<{ language: string; item: vscode.LanguageStatusItem }>;
  private state: ServerState = 'starting';
  private version = '';
  private readonly listener: vscode.Disposable;

  constructor(languages: string[]) {
    this.items = languages.map((language) => {
      const item = vscode.languages.createLanguageStatusItem(`infraLens.status.${language}`, { language });
      item.name = 'Infra Lens';
      item.command = { title: 'Commands', command: 'infraLens.showMenu', tooltip: 'Infra Lens commands' };
      return { language, item };
    });
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('infraLens')) this.render();
    });
    this.render();
  }

  setState(state: ServerState, version = this.version): void {
    this.state = state;
    this.version = version;
    this.render();
  }

  private render(): void {
    const config = vscode.workspace.getConfiguration('infraLens');
    for (const { language, item } of this.items) {
      const against = checkedAgainst(language, config);
      item.busy = this.state === 'starting';
      item.severity = this.state === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
      // Short enough that the hover keeps its "Commands" link in view.
      item.text = against;
      item.detail = this.state === 'running' ? `Infra Lens ${this.version} running` : `Infra Lens server ${this.state}`;
    }
  }

  dispose(): void {
    this.listener.dispose();
    for (const { item } of this.items) item.dispose();
  }
}

/** The commands menu the status item opens: every palette command of the extension. */
export async function showCommandMenu(context: vscode.ExtensionContext): Promise<void> {
  const manifest = context.extension.packageJSON as { contributes: { commands: Array<{ command: string; title: string }>; menus: { commandPalette: Array<{ command: string; when?: string }> } } };
  const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  hidden.add('infraLens.showMenu');
  const picked = await vscode.window.showQuickPick(
    manifest.contributes.commands.filter((c) => !hidden.has(c.command) && !c.command.startsWith('infraLens.node.') && c.command !== 'infraLens.refreshReport').map((c) => ({ label: c.title, description: c.command, command: c.command })),
    { title: 'Infra Lens', placeHolder: 'Run an Infra Lens command' },
  );
  if (picked) await vscode.commands.executeCommand(picked.command);
}
