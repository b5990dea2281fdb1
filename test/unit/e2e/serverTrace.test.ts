// The editor benchmark's reading of the client's trace (test/e2e/serverTrace.ts).

import assert from 'node:assert/strict';
import test from 'node:test';
import { hoverAnswerPerKeystroke, tracedResponses } from '../../e2e/serverTrace';

// As vscode-languageclient writes it with trace "messages" (lines from a real run).
const LOG = [
  "2026-12-04 18:25:33.468 [info] [Trace - 6:25:33 PM] Sending request 'textDocument/hover - (78)'.",
  "2026-12-04 18:25:33.507 [info] [Trace - 6:25:33 PM] Received response 'textDocument/completion - (77)' in 39ms.",
  "2026-12-04 18:25:33.525 [info] [Trace - 6:25:33 PM] Received response 'textDocument/hover - (78)' in 57ms.",
  "2026-12-04 18:25:34.586 [info] [Trace - 6:25:34 PM] Received response 'textDocument/codeAction - (80)' in 771ms.",
  "2026-12-04 18:25:34.761 [info] [Trace - 6:25:34 PM] Received response 'textDocument/hover - (85)' in 44ms.",
  '2026-12-04 18:25:34.761 [info] Result: {"contents": "Received response \'textDocument/hover - (1)\' in 9ms."}',
].join('\n');

const local = (time: string) => new Date(`2026-12-04T${time}`).getTime();

test('responses: method, time taken and when, in log order; other lines ignored', () => {
  const r = tracedResponses(LOG);
  assert.deepEqual(
    r.map((x) => [x.method, x.ms]),
    [['textDocument/completion', 39], ['textDocument/hover', 57], ['textDocument/codeAction', 771], ['textDocument/hover', 44]],
  );
  assert.equal(r[1].at, local('18:25:33.525'));
});

test('each keystroke gets the first hover answered after it and before the next one', () => {
  const responses = tracedResponses(LOG);
  assert.deepEqual(hoverAnswerPerKeystroke(responses, [local('18:25:33.400'), local('18:25:34.700')]), [57, 44]);
  // A keystroke whose hover was not logged before the next keystroke has none.
  assert.deepEqual(hoverAnswerPerKeystroke(responses, [local('18:25:33.400'), local('18:25:33.500'), local('18:25:34.700')]), [undefined, 57, 44]);
  assert.deepEqual(hoverAnswerPerKeystroke(responses, [local('18:25:35.000')]), [undefined]);
});
