// The composed service over generated ConfigMaps: whatever YAML style holds the Corefile
// (block literal with or without indentation indicator and chomping, double-quoted, JSON),
// a typo anywhere in it is reported on the host line and column where the typo is written,
// and its fix, applied to the host text, gives the YAML whose Corefile has the typo fixed.

import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { LineIndex } from '../../../server/src/core/text';
import { LANGUAGES } from '../../../server/src/languages';

const PLUGINS = ['errors', 'health', 'ready', 'log', 'cache 30', 'reload', 'loadbalance', 'whoami'];

function render(style: string, corefile: string): string {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n';
  if (style === 'json') return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns' }, data: { Corefile: corefile } }, null, 2);
  if (style === 'double') return `${head}  Corefile: ${JSON.stringify(corefile)}\n`;
  const indicator = style === '|2' ? '|2' : style;
  const indent = style === '|2' ? '    ' : '    ';
  const body = corefile.replace(/\n$/, '').split('\n').map((l) => (l === '' ? '' : indent + l)).join('\n');
  return `${head}  Corefile: ${indicator}\n${body}\n`;
}

test('a typo in a generated Corefile is found where it is written in the YAML, and its fix applies there', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...PLUGINS), { minLength: 0, maxLength: 5 }),
      fc.array(fc.constantFrom(...PLUGINS), { minLength: 0, maxLength: 5 }),
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('|', '|-', '|+', '|2', 'double', 'json'),
      async (before, after, extraIndent, style) => {
        const pad = ' '.repeat(extraIndent);
        const lines = ['.:53 {', ...before.map((p) => `    ${p}`), `    ${pad}forwrd . 10.0.0.2`, ...after.map((p) => `    ${p}`), '}', ''];
        const corefile = lines.join('\n');
        const host = render(style, corefile);
        const { findings } = await lintText(LANGUAGES.k8s, host, { uri: 'file:///gen.yaml', settings: DEFAULT_SETTINGS });
        const typo = findings.filter((f) => f.ruleId === 'corefile/unknown-directive');
        assert.equal(typo.length, 1, host);
        const index = new LineIndex(host);
        const start = index.offsetAt(typo[0].range.start);
        const end = index.offsetAt(typo[0].range.end);
        assert.equal(host.slice(start, end), 'forwrd', host);
        // The one 'forwrd' of the host text is the one reported.
        assert.equal(start, host.indexOf('forwrd'));
        const fix = typo[0].fixes![0].edits[0];
        const fixed = host.slice(0, index.offsetAt(fix.range.start)) + fix.newText + host.slice(index.offsetAt(fix.range.end));
        const value = style === 'json' ? JSON.parse(fixed).data.Corefile : String(parseDocument(fixed).getIn(['data', 'Corefile']));
        const expected = String(style === 'json' ? corefile : parseDocument(host).getIn(['data', 'Corefile'])).replace('forwrd', 'forward');
        assert.equal(value, expected);
      },
    ),
    { seed: 1515, numRuns: 120 },
  );
});
