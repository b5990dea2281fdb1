import assert from 'node:assert/strict';
import test from 'node:test';
import { lint, ruleIds } from '../../../helpers';

test('fires on a keyword glibc skips, on the keyword itself', async () => {
  const findings = await lint('resolvconf', 'nameserver 10.96.0.10\nserach svc.cluster.local\n');
  assert.deepEqual(ruleIds(findings), ['resolvconf/unknown-keyword']);
  assert.deepEqual(findings[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  assert.equal(findings[0].fixes?.[0].edits[0].newText, 'search');
});

test('does not fire on the keywords glibc reads, or on comments', async () => {
  const text = '# comment\n; also a comment\nnameserver 10.96.0.10\nsearch a.b\nsortlist 10.0.0.0/255.0.0.0\noptions ndots:1\n';
  assert.deepEqual(await lint('resolvconf', text), []);
});
