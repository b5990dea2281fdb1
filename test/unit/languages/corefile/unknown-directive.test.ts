import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../../helpers';

test('fires on a directive no plugin registers, with a fix to the nearest plugin', async () => {
  const findings = await lint('corefile', '.:53 {\n    forwrd . 8.8.8.8\n    cache 30\n}\n');
  assert.deepEqual(ruleIds(findings), ['corefile/unknown-directive']);
  assert.deepEqual(findings[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } });
  assert.match(findings[0].message, /Unknown directive 'forwrd'.*Did you mean 'forward'/);
  assert.equal(findings[0].fixes?.[0].edits[0].newText, 'forward');
});

test('does not fire on real plugins, their block properties or import', async () => {
  const text = '(common) {\n  errors\n}\n.:53 {\n  import common\n  health {\n    lameduck 5s\n  }\n  forward . /etc/resolv.conf\n}\n';
  assert.deepEqual(await lint('corefile', text), []);
});
