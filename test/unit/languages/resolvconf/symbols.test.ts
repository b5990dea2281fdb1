import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolvconfLanguage } from '../../../../server/src/languages/resolvconf';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';

const outline = (text: string) => resolvconfLanguage.symbols!(resolvconfLanguage.parse(text, { uri: 'file:///resolv.conf', settings: DEFAULT_SETTINGS }), { uri: 'file:///resolv.conf', settings: DEFAULT_SETTINGS });

test('one outline entry per directive, options and search domains as children, ignored lines kept and marked', () => {
  const symbols = outline('# generated\nnameserver 10.0.0.10\nsearch default.svc.cluster.local svc.cluster.local\noptions ndots:5 timeout:2\nserach x\n');
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
    ['10.0.0.10', 'nameserver', 'variable'],
    ['search', 'default.svc.cluster.local svc.cluster.local', 'namespace'],
    ['options', 'ndots:5 timeout:2', 'object'],
    ['serach', 'ignored by the resolver', 'string'],
  ]);
  assert.deepEqual(symbols[2].children!.map((c) => c.name), ['ndots:5', 'timeout:2']);
  assert.deepEqual(symbols[1].range.start, { line: 2, character: 0 });
});

test('no entries for comments and blank lines', () => {
  assert.deepEqual(outline('# only a comment\n\n; another\n'), []);
});
