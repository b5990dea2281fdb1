// The Corefile inside a ConfigMap, through the real server over stdio: its diagnostic on the
// YAML line, hover and completion inside `data.Corefile`, and quick fixes applied inside the
// block scalar that leave the YAML valid and the Corefile's indentation as it was.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../helpers';
import { TestLspClient } from './client';

const URI = 'file:///work/coredns-configmap.yaml';
const SHIPPED = fs.readFileSync(path.join(repoRoot, 'fixtures', 'k8s', 'embedded', 'kubeadm-coredns.yaml'), 'utf8');
const TEXT = SHIPPED.replace('    forward . /etc/resolv.conf {', '    forwrd . /etc/resolv.conf {');

type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

function applyEdits(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  const offset = (p: Edit['range']['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function corefileOf(yamlText: string): string {
  const [doc] = parseAllDocuments(yamlText) as ReturnType<typeof parseAllDocuments> & Array<{ errors: unknown[]; getIn(p: string[]): unknown }>;
  assert.deepEqual(doc.errors, [], 'the YAML is still valid');
  return String(doc.getIn(['data', 'Corefile']));
}

test('a Corefile in a ConfigMap: diagnostic, hover, completion and quick fixes over LSP', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  await client.initialize();
  const lines = TEXT.split('\n');
  const forwrdLine = lines.findIndex((l) => l.includes('forwrd'));

  let diagnostic: Awaited<ReturnType<typeof client.nextDiagnostics>>['diagnostics'][number] | undefined;
  await t.test('the finding is on the ConfigMap line, at the directive', async () => {
    const wait = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    const published = await wait;
    diagnostic = published.diagnostics.find((d) => d.code === 'corefile/unknown-directive');
    assert.ok(diagnostic, JSON.stringify(published.diagnostics));
    assert.deepEqual(diagnostic.range, { start: { line: forwrdLine, character: 8 }, end: { line: forwrdLine, character: 14 } });
    assert.equal(forwrdLine + 1, 24);
  });

  await t.test('hover on a directive inside data.Corefile shows the plugin', async () => {
    const line = lines.findIndex((l) => l.trim() === 'loadbalance');
    const hover = await client.connection.sendRequest<{ contents: { value: string }; range?: Edit['range'] } | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: 10 } });
    assert.ok(hover, 'a hover');
    assert.match(hover.contents.value, /loadbalance/);
    assert.deepEqual(hover.range, { start: { line, character: 8 }, end: { line, character: 19 } });
  });

  await t.test('completion inside data.Corefile offers plugins, with ranges on the YAML line', async () => {
    const line = lines.findIndex((l) => l.trim() === 'ready');
    const items = await client.connection.sendRequest<Array<{ label: string; textEdit?: Edit }>>('textDocument/completion', { textDocument: { uri: URI }, position: { line, character: 10 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('reload') && labels.includes('cache'), labels.slice(0, 20).join(' '));
    for (const i of items) if (i.textEdit) assert.equal(i.textEdit.range.start.line, line);
  });

  await t.test('the typo fix, applied, gives back the shipped ConfigMap', async () => {
    const actions = await client.connection.sendRequest<Array<{ title: string; edit?: { changes: Record<string, Edit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic!.range,
      context: { diagnostics: [{ ...diagnostic, source: 'infra-lens' }] },
    });
    const fix = actions.find((a) => a.title === "Change to 'forward'");
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const fixed = applyEdits(TEXT, fix.edit!.changes[URI]);
    assert.equal(fixed, SHIPPED);
    assert.equal(corefileOf(fixed), corefileOf(SHIPPED));

    // "Disable … for this line" writes a Corefile comment inside the block scalar, indented like the line.
    const disable = actions.find((a) => a.title === 'Disable corefile/unknown-directive for this line')!;
    const suppressed = applyEdits(TEXT, disable.edit!.changes[URI]);
    assert.equal(suppressed.split('\n')[forwrdLine], '        # infra-lens-disable-next-line corefile/unknown-directive');
    assert.match(corefileOf(suppressed), /\n {4}# infra-lens-disable-next-line corefile\/unknown-directive\n {4}forwrd \. \/etc\/resolv\.conf \{\n/);
    const wait = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: suppressed }] });
    assert.ok(!(await wait).diagnostics.some((d) => d.code === 'corefile/unknown-directive'), 'the comment silences it');
  });

  await t.test('the fix that removes a repeated directive with its block keeps the indentation', async () => {
    const repeated = TEXT.replace('forwrd', 'forward').replace('        loop\n', '        cache 60 {\n           denial 100\n        }\n        loop\n');
    const wait = client.nextDiagnostics(URI, (p) => p.version === 3);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: repeated }] });
    const d = (await wait).diagnostics.find((x) => x.code === 'corefile/once-per-block');
    assert.ok(d);
    const actions = await client.connection.sendRequest<Array<{ title: string; edit?: { changes: Record<string, Edit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [{ ...d, source: 'infra-lens' }] },
    });
    const fix = actions.find((a) => a.title.startsWith('Remove the repeated'))!;
    assert.equal(applyEdits(repeated, fix.edit!.changes[URI]), SHIPPED);
  });

  await t.test('"Disable … for this file" writes the Corefile comment at the top of data.Corefile, not a YAML line', async () => {
    const wait = client.nextDiagnostics(URI, (p) => p.version === 4);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text: TEXT }] });
    const d = (await wait).diagnostics.find((x) => x.code === 'corefile/unknown-directive')!;
    const actions = await client.connection.sendRequest<Array<{ title: string; edit?: { changes: Record<string, Edit[]> } }>>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [{ ...d, source: 'infra-lens' }] } });
    const disable = actions.find((a) => a.title === 'Disable corefile/unknown-directive for this file')!;
    const suppressed = applyEdits(TEXT, disable.edit!.changes[URI]);
    assert.match(corefileOf(suppressed), /^# infra-lens-disable-file corefile\/unknown-directive\n\.:53 \{/);
    const after = client.nextDiagnostics(URI, (p) => p.version === 5);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: suppressed }] });
    assert.ok(!(await after).diagnostics.some((x) => x.code === 'corefile/unknown-directive'), 'the comment silences it');
  });

  assert.equal(await client.shutdown(), 0);
});

// `kubectl get configmap coredns -o json` written back: the Corefile is a JSON string, where a
// `#` line of the host would break the document; the disable comment goes inside the string.
test('a Corefile in a JSON ConfigMap: "Disable … for this line" keeps the JSON valid and silences the finding', async (t) => {
  const client = new TestLspClient();
  t.after(() => client.process.kill());
  await client.initialize();
  const uri = 'file:///work/coredns-configmap.json.yaml';
  const corefile = '.:53 {\n    errors\n    forwrd . /etc/resolv.conf\n    cache 30\n}\n';
  const json = `${JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile } }, null, 2)}\n`;
  const wait = client.nextDiagnostics(uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: json } });
  const d = (await wait).diagnostics.find((x) => x.code === 'corefile/unknown-directive');
  assert.ok(d, 'the typo inside the JSON string is found');
  const actions = await client.connection.sendRequest<Array<{ title: string; edit?: { changes: Record<string, Edit[]> } }>>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [{ ...d, source: 'infra-lens' }] } });
  let version = 1;
  for (const title of ['Disable corefile/unknown-directive for this line', 'Disable corefile/unknown-directive for this file']) {
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `${title} in ${actions.map((a) => a.title).join(', ')}`);
    const edited = applyEdits(json, action.edit!.changes[uri]);
    const parsed = JSON.parse(edited) as { data: { Corefile: string } };
    assert.match(parsed.data.Corefile, /# infra-lens-disable-(next-line|file) corefile\/unknown-directive\n/);
    const edit = ++version;
    const again = client.nextDiagnostics(uri, (p) => p.version === edit);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: edit }, contentChanges: [{ text: edited }] });
    assert.ok(!(await again).diagnostics.some((x) => x.code === 'corefile/unknown-directive'), `${title}: the comment silences it`);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: json }] });
  }
  assert.equal(await client.shutdown(), 0);
});
