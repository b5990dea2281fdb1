// The same readings through the language server (workspace/executeCommand), as the VS Code
// client runs them: the data matches the CLI's, and infraLens.proc.maskSecrets is honoured.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import test from 'node:test';
import type { ProcessListData, Report } from '../../../server/src/protocol';
import { ServerCommands } from '../../../server/src/protocol';
import type { ProcessData } from '../../../server/src/live/proc/readings/process';
import { cliPath } from '../../helpers';
import { TestLspClient } from '../../lsp/client';

async function withServer<T>(settings: Record<string, unknown>, fn: (client: TestLspClient) => Promise<T>): Promise<T> {
  const client = new TestLspClient(settings);
  await client.initialize();
  try {
    return await fn(client);
  } finally {
    await client.shutdown();
  }
}

const proc = (client: TestLspClient, args: unknown) => client.connection.sendRequest<Report>('workspace/executeCommand', { command: ServerCommands.proc, arguments: [args] });

test('the editor and the CLI get the same report: kernel text, processes for the picker', async () => {
  await withServer({}, async (client) => {
    const kernel = await proc(client, { reading: 'kernel' });
    assert.equal(kernel.ok, true);
    assert.equal(kernel.text, execFileSync(process.execPath, [cliPath, 'proc', 'kernel'], { encoding: 'utf8' }));
    const list = await proc(client, { reading: 'processes' });
    const data = list.data as ProcessListData;
    assert.ok(data.processes.some((p) => p.pid === process.pid && p.command.includes('node')), 'this test runner is in the picker list');
    const unknown = await proc(client, { reading: 'nope' });
    assert.equal(unknown.ok, false);
    assert.equal(unknown.exitCode, 2);
  });
});

test('infraLens.proc.maskSecrets: masked by default, shown when the setting is off', async () => {
  const child = spawn('sleep', ['300'], { env: { API_TOKEN: 'abc-123-secret' } });
  await new Promise((r) => child.once('spawn', r));
  try {
    const token = async (settings: Record<string, unknown>) =>
      withServer(settings, async (client) => ((await proc(client, { reading: 'process', pid: child.pid })).data as ProcessData).environ?.entries.find((e) => e.name === 'API_TOKEN')?.value);
    assert.equal(await token({}), '********');
    assert.equal(await token({ proc: { maskSecrets: false } }), 'abc-123-secret');
  } finally {
    child.kill('SIGKILL');
  }
});

test('a restricted workspace gets no reading', async () => {
  const client = new TestLspClient({});
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { trusted: false } });
  await client.connection.sendNotification('initialized', {});
  try {
    const r = await proc(client, { reading: 'memory' });
    assert.equal(r.ok, false);
    assert.match(r.error ?? '', /untrusted/);
  } finally {
    await client.shutdown();
  }
});
