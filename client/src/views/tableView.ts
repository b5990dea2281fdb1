// Sockets and processes, where a table is the point: a webview with sortable columns in
// the theme's own colours (light, dark and high contrast come from the --vscode-* variables).
// One panel per table kind, refreshed in place.

import * as vscode from 'vscode';

export interface Table {
  title: string;
  /** "read at 20:53:10 from /proc" */
  subtitle: string;
  columns: Array<{ name: string; numeric?: boolean }>;
  rows: Array<Array<string | number>>;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function tableHtml(t: Table, nonce: string): string {
  const head = t.columns.map((c, i) => `<th data-col="${i}" class="${c.numeric ? 'num' : ''}" tabindex="0">${escapeHtml(c.name)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((v, i) => `<td class="${t.columns[i]?.numeric ? 'num' : ''}" data-v="${escapeHtml(String(v))}">${escapeHtml(String(v))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px; }
h1 { font-size: 1.2em; font-weight: 600; margin: 12px 0 2px; }
.sub { color: var(--vscode-descriptionForeground); margin-bottom: 8px; }
input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; width: 280px; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
th { text-align: left; position: sticky; top: 0; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #8888)); cursor: pointer; padding: 3px 8px; white-space: nowrap; user-select: none; }
th.sorted::after { content: attr(data-dir); color: var(--vscode-descriptionForeground); }
td { padding: 2px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); white-space: nowrap; max-width: 60ch; overflow: hidden; text-overflow: ellipsis; }
td:last-child { max-width: none; white-space: normal; word-break: break-all; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:hover td { background: var(--vscode-list-hoverBackground); }
</style></head><body>
<h1>${escapeHtml(t.title)}</h1><div class="sub">${escapeHtml(t.subtitle)} · ${t.rows.length} rows · click a column to sort</div>
<input id="filter" placeholder="Filter rows" aria-label="Filter rows">
<table><thead><tr>${head}</tr></thead><tbody id="rows">
${body}
</tbody></table>
<script nonce="${nonce}">
const tbody = document.getElementById('rows');
const numeric = ${JSON.stringify(t.columns.map((c) => !!c.numeric))};
let col = -1, dir = 1;
function sortBy(i) {
  dir = col === i ? -dir : (numeric[i] ? -1 : 1); col = i;
  const rows = [...tbody.rows];
  rows.sort((a, b) => { const x = a.cells[i].dataset.v, y = b.cells[i].dataset.v; return (numeric[i] ? parseFloat(x) - parseFloat(y) : x.localeCompare(y)) * dir; });
  for (const r of rows) tbody.appendChild(r);
  document.querySelectorAll('th').forEach((th, j) => { th.classList.toggle('sorted', j === i); th.dataset.dir = j === i ? (dir > 0 ? ' ▲' : ' ▼') : ''; });
}
document.querySelectorAll('th').forEach((th) => { th.addEventListener('click', () => sortBy(+th.dataset.col)); th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sortBy(+th.dataset.col); }); });
document.getElementById('filter').addEventListener('input', (e) => { const q = e.target.value.toLowerCase(); for (const r of tbody.rows) r.style.display = r.textContent.toLowerCase().includes(q) ? '' : 'none'; });
</script></body></html>`;
}

export class TableView {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  show(kind: string, table: Table): void {
    let panel = this.panels.get(kind);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(`infraLens.table.${kind}`, table.title, vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: false });
      panel.onDidDispose(() => this.panels.delete(kind));
      this.panels.set(kind, panel);
    }
    panel.title = table.title;
    panel.webview.html = tableHtml(table, Math.random().toString(36).slice(2) + Date.now().toString(36));
    panel.reveal();
  }
}
