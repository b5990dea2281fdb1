// One configuration for the editor and CI: the same .infra-lens.json gives the same findings
// in the CLI and over LSP; the user's own settings apply on top; defaults VS Code fills in do
// not override the file.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import { cliPath } from '../helpers';
import { TestLspClient } from './client';

interface Diag {
  range: { start: { line: number; character: number } };
  code?: string | number;
  severity?: number | string;
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const key = (d: Diag) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${typeof d.severity === 'number' ? SEVERITY_NAMES[d.severity] : d.severity}`;

function workspace(): { dir: string; zone: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-config-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, 'zones'));
  const zone = path.join(dir, 'zones', 'customer.zone');
  // No $ORIGIN: the origin comes from zone.origins; mail.customer.example. is in the zone only under it.
  fs.writeFileSync(zone, '$TTL 3600\n@ SOA ns h 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.1\nwww A 192.0.2.300\nmail.customer.example. A 192.0.2.25\nold CNAME www\nold A 192.0.2.9\n');
  fs.writeFileSync(
    path.join(dir, '.infra-lens.json'),
    JSON.stringify({ rules: { 'zone/bad-ipv4': 'warning', 'zone/cname-and-other-data': 'off' }, 'zone.origins': { 'zones/*.zone': 'customer.example.' } }),
  );
  return { dir, zone };
}

async function lspFindings(dir: string, file: string, userSettings: Record<string, unknown>): Promise<string[]> {
  const client = new TestLspClient(userSettings);
  try {
    await client.initialize(pathToFileURL(dir).toString());
    const uri = pathToFileURL(file).toString();
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text: fs.readFileSync(file, 'utf8') } });
    return ((await published).diagnostics as Diag[]).map(key).sort();
  } finally {
    await client.shutdown();
  }
}

test('the same .infra-lens.json gives the same findings in the CLI and over LSP', async () => {
  const { dir, zone } = workspace();
  const cli = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', 'zones/customer.zone'], { cwd: dir, encoding: 'utf8' });
  const cliKeys = (JSON.parse(cli.stdout) as Array<{ diagnostics: Diag[] }>)[0].diagnostics.map(key).sort();
  assert.ok(cliKeys.some((k) => k.startsWith('zone/bad-ipv4@') && k.endsWith(' warning')), `the file's severity: ${cliKeys}`);
  assert.ok(!cliKeys.some((k) => k.startsWith('zone/cname-and-other-data')), 'the file turned the rule off');
  assert.ok(!cliKeys.some((k) => k.startsWith('zone/out-of-zone')), 'the origin from zone.origins');
  // VS Code sends every key with its default filled in; those must not override the file.
  const lsp = await lspFindings(dir, zone, { rules: {}, lint: { debounceMs: 0, maxDiagnostics: 1000 }, zone: { origin: '' }, kubernetes: { version: '1.35' } });
  assert.deepEqual(lsp, cliKeys);
});

test("the user's own settings apply on top of the file in the editor", async () => {
  const { dir, zone } = workspace();
  const lsp = await lspFindings(dir, zone, { rules: { 'zone/bad-ipv4': 'error' }, lint: { debounceMs: 0 } });
  assert.ok(lsp.some((k) => k.startsWith('zone/bad-ipv4@') && k.endsWith(' error')), lsp.join('\n'));
  assert.ok(!lsp.some((k) => k.startsWith('zone/cname-and-other-data')), 'the rest of the file still applies');
});
