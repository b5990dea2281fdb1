// Cancelling a lookup stops it: the try in flight ends at once and no further try is sent.

import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import { test } from 'node:test';
import { DEFAULT_CLIENT_OPTIONS, query } from '../../../../server/src/live/dns/client';

test('an aborted query to a server that never answers returns at once and sends no more tries', async () => {
  const silent = dgram.createSocket('udp4');
  let received = 0;
  silent.on('message', () => received++);
  await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
  const port = silent.address().port;
  const abort = new AbortController();
  const tries: string[] = [];
  try {
    const started = Date.now();
    const outcome = query({ address: '127.0.0.1', port }, { labels: [Buffer.from('www'), Buffer.from('example'), Buffer.from('org')], type: 1, class: 1 }, {
      ...DEFAULT_CLIENT_OPTIONS,
      timeoutMs: 3000,
      tries: 3,
      signal: abort.signal,
      onTry: (server, attempt, of, name) => tries.push(`${name} @${server.address}: try ${attempt} of ${of}`),
    });
    setTimeout(() => abort.abort(), 200);
    const result = await outcome;
    const elapsed = Date.now() - started;
    assert.equal(result.kind, 'no-reply');
    assert.ok(elapsed < 1500, `took ${elapsed} ms; a try waits 3000`);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(received, 1, 'only the first try reached the server');
    assert.deepEqual(tries, ['www.example.org. @127.0.0.1: try 1 of 3']);
  } finally {
    silent.close();
  }
});
