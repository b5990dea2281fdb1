// The files a Corefile names: the `file` plugin's zone files (with the zones they serve)
// and file imports. An embedding host (a ConfigMap) uses them to give a zone region its
// origin and to check that the named file is mounted.

import type { FileReference } from '../../core/languageService';
import { tokenRange, type CorefileAst } from './parser';
import { normalizeKey } from './serverKey';

export function corefileReferences(ast: CorefileAst): FileReference[] {
  const out: FileReference[] = [];
  for (const block of ast.blocks) {
    const blockZones = block.keys.flatMap((k) => normalizeKey(k.text).zones);
    for (const d of block.directives) {
      if (d.importedBy || d.name.text !== 'file' || !d.args[0]) continue;
      const zones = d.args.length > 1 ? d.args.slice(1).map((t) => (t.text.endsWith('.') ? t.text : `${t.text}.`)) : blockZones;
      out.push({ path: d.args[0].text, range: tokenRange(d.args[0]), kind: 'zone', zones });
    }
    for (const imp of block.imports) {
      if (imp.target && imp.resolved !== 'snippet' && !imp.keyword.text.includes('{')) out.push({ path: imp.target.text, range: tokenRange(imp.target), kind: 'import' });
    }
  }
  return out;
}
