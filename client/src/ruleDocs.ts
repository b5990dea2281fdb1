// Rule pages open rendered (markdown preview), never as an editable file in the extension
// folder: "Show documentation for <rule>" and the rule links in Problems and hovers.

import * as vscode from 'vscode';

export const SHOW_RULE_DOC = 'infraLens.showRuleDoc';

export function ruleIds(context: vscode.ExtensionContext): string[] {
  const props = (context.extension.packageJSON as { contributes: { configuration: { properties: Record<string, { propertyNames?: { enum?: string[] } }> } } }).contributes.configuration.properties;
  return props['infraLens.rules']?.propertyNames?.enum ?? [];
}

/** The link a diagnostic's rule id opens: this command, not the .md file. */
export function ruleDocLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOC}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

export async function showRuleDoc(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  const ids = ruleIds(context);
  const id = ruleId ?? (await vscode.window.showQuickPick(ids, { title: 'Show Rule Documentation', placeHolder: 'Rule id, e.g. corefile/unknown-directive' }));
  if (!id) return;
  if (!ids.includes(id)) {
    void vscode.window.showWarningMessage(`Infra Lens: no rule '${id}'.`);
    return;
  }
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
