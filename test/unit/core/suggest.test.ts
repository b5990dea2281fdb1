import assert from 'node:assert/strict';
import test from 'node:test';
import { closestMatch, editDistance } from '../../../server/src/core/suggest';

test('edit distance', () => {
  assert.equal(editDistance('forwrd', 'forward'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
});

test('closestMatch suggests near words only', () => {
  assert.equal(closestMatch('serach', ['nameserver', 'search', 'domain']), 'search');
  assert.equal(closestMatch('zzzzzz', ['nameserver', 'search', 'domain']), undefined);
});
