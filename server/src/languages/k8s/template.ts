// Helm charts' templates/*.yaml are Go templates that only become manifests after
// `helm template`; linting them as YAML floods the editor with nonsense. A file is a template
// when a `{{ … }}` action sits where YAML could not hold it as plain text: the YAML does not
// parse, an action is outside any quoted or block string (and comment), or it names Helm's
// objects (.Values, .Release, include …). `{{ $labels.instance }}` inside a quoted Prometheus
// annotation is just text.

import { type Document, isScalar, visit } from 'yaml';

const HELM_ACTION = /^\{\{-?\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:include|template|toYaml|tpl|define|required)\b)/;

/** Offsets [start, end) of the first template action that makes the text a template. */
export function findTemplateAction(text: string, docs: Document.Parsed[], yamlHasErrors: boolean): [number, number] | undefined {
  let at = text.indexOf('{{');
  if (at < 0) return undefined;
  const stringRanges: Array<[number, number]> = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && node.range && node.type !== 'PLAIN' && typeof node.value === 'string') stringRanges.push([node.range[0], node.range[1]]);
      },
    });
  }
  stringRanges.sort((a, b) => a[0] - b[0]);
  let r = 0;
  while (at >= 0) {
    const close = text.indexOf('}}', at + 2);
    const end = close < 0 ? Math.min(text.length, at + 2) : close + 2;
    const action = text.slice(at, end);
    while (r < stringRanges.length && stringRanges[r][1] <= at) r++;
    const inString = r < stringRanges.length && stringRanges[r][0] <= at;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const inComment = !inString && /(^|\s)#/.test(text.slice(lineStart, at));
    if (HELM_ACTION.test(action) || (!inComment && (yamlHasErrors || !inString))) return [at, end];
    at = text.indexOf('{{', end);
  }
  return undefined;
}
