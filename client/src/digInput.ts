// The DNS Lookup input: a quick pick over what is typed. It validates as you type (the same
// dig parser the server runs), offers `+option` completions for the word being typed and
// the recent lookups, and never loses the text: an invalid line keeps the picker open.

import * as vscode from 'vscode';
import { DIG_OPTIONS, parseDigArgs } from '../../server/src/live/dns/args';

/** Undefined when the line is a lookup dig would run; else what is wrong with it. */
export function validateDigInput(line: string): string | undefined {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Type a name, e.g. kubernetes.default.svc.cluster.local A';
  const parsed = parseDigArgs(words);
  return parsed.ok ? undefined : parsed.error;
}

/** `+option` completions for the last word, when it starts with '+'. */
export function optionCompletions(line: string): string[] {
  const m = /(?:^|\s)\+(no)?([\w-]*)$/.exec(line);
  if (!m) return [];
  const prefix = m[2].toLowerCase();
  return DIG_OPTIONS.filter((o) => o.name.startsWith(prefix))
    .map((o) => `+${m[1] ?? ''}${o.name}${o.value === 'number' ? '=' : o.value === 'text' ? '=' : ''}`)
    .slice(0, 30);
}

interface Item extends vscode.QuickPickItem {
  value: string;
  complete?: boolean;
}

export function pickDigInput(history: string[]): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = 'DNS Lookup';
  qp.placeholder = 'As for dig: [@server] name [type] [+tcp] [+trace] [+short], or -x address';
  qp.matchOnDescription = false;
  qp.ignoreFocusOut = true;
  // The typed text is the lookup; items are only suggestions, never a filter.
  (qp as { sortByLabel?: boolean }).sortByLabel = false;
  const render = () => {
    const line = qp.value;
    const items: Item[] = [];
    if (line.trim()) {
      const error = validateDigInput(line);
      items.push({
        label: error ? `$(error) ${line.trim()}` : `$(search) dig ${line.trim()}`,
        description: error ? error : 'Enter to look up',
        value: line.trim(),
        alwaysShow: true,
      });
      const base = line.replace(/\+[\w-]*$/, '');
      for (const o of optionCompletions(line)) items.push({ label: o, description: 'option', value: `${base}${o}`, complete: true, alwaysShow: true });
    }
    const recent = history.filter((h) => h !== line.trim() && (!line.trim() || h.includes(line.trim())));
    if (recent.length) items.push({ label: 'recent lookups', kind: vscode.QuickPickItemKind.Separator, value: '' });
    for (const h of recent) items.push({ label: `$(history) ${h}`, value: h, alwaysShow: true });
    qp.items = items;
  };
  return new Promise((resolve) => {
    qp.onDidChangeValue(render);
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      const value = picked?.value ?? qp.value.trim();
      if (picked?.complete) {
        // A completion: put it in the box and keep typing.
        qp.value = picked.value.endsWith('=') ? picked.value : `${picked.value} `;
        render();
        return;
      }
      const error = validateDigInput(value);
      if (error) {
        // Keep the picker and the text; the first row already says what is wrong. The box is
        // rewritten only for a picked recent lookup: writing back what is already typed would
        // arrive after the next keystrokes and undo them.
        if (value !== qp.value.trim()) {
          qp.value = value;
          render();
        }
        return;
      }
      resolve(value);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    render();
    qp.show();
  });
}
