import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, disableForFileEdit, FIX_ALL_KIND, fixAllAction, fixAllEdits, quickFixesFor, SHOW_RULE_DOC_COMMAND } from '../../../server/src/core/codeActions';
import { lineRange, type Finding } from '../../../server/src/core/finding';
import { lint } from '../../helpers';

const finding = (line: number, from: number, to: number, newText: string, preferred = true): Finding => ({
  ruleId: 'corefile/unknown-directive',
  range: lineRange(line, from, to),
  message: 'x',
  fixes: [{ title: `Change to '${newText}'`, edits: [{ range: lineRange(line, from, to), newText }], preferred }],
});

describe('fix-all', () => {
  test('takes every preferred fix, skips non-preferred ones and fixes for other files', () => {
    const other: Finding = { ...finding(2, 0, 3, 'zzz'), uri: 'file:///other' };
    const edits = fixAllEdits([finding(1, 2, 8, 'forward'), finding(0, 0, 3, 'abc', false), other, finding(3, 0, 1, 'q')]);
    assert.deepEqual(edits.map((e) => e.newText), ['forward', 'q']);
  });

  test('of two overlapping fixes applies the first and leaves the other for the next run', () => {
    const edits = fixAllEdits([finding(0, 4, 9, 'two'), finding(0, 0, 6, 'one')]);
    assert.deepEqual(edits.map((e) => e.newText), ['one']);
  });

  test('two insertions at the same point overlap; edits that only touch do not', () => {
    assert.equal(fixAllEdits([finding(0, 3, 3, 'a'), finding(0, 3, 3, 'b')]).length, 1);
    assert.equal(fixAllEdits([finding(0, 0, 3, 'a'), finding(0, 3, 6, 'b')]).length, 2);
  });

  test('a Corefile with three typos is clean after one fix-all', async () => {
    const text = '.:53 {\n    forwrd . 8.8.8.8\n    cache 30 {\n        sucess 100\n    }\n    health {\n        lameduck 5\n    }\n}\n';
    const before = await lint('corefile', text);
    assert.equal(before.length, 3, JSON.stringify(before));
    const action = fixAllAction(before);
    assert.ok(action);
    assert.equal(action.kind, FIX_ALL_KIND);
    const fixed = applyEdits(text, action.edits!);
    assert.deepEqual(await lint('corefile', fixed), []);
    assert.match(fixed, /forward \. 8\.8\.8\.8/);
    assert.match(fixed, /success 100/);
    assert.match(fixed, /lameduck 5s/);
  });

  test('no action when nothing is safely fixable', () => {
    assert.equal(fixAllAction([finding(0, 0, 1, 'x', false)]), undefined);
  });
});

describe('disable for this file', () => {
  test('inserts a directive at the top', () => {
    const e = disableForFileEdit('a\nb\n', 'zone/no-ttl', ';');
    assert.equal(applyEdits('a\nb\n', [e]), '; infra-lens-disable-file zone/no-ttl\na\nb\n');
  });

  test('extends an existing directive instead of adding a second', () => {
    const text = '# infra-lens-disable-file corefile/a\n.:53 {\n}\n';
    assert.equal(applyEdits(text, [disableForFileEdit(text, 'corefile/b', '#')]), '# infra-lens-disable-file corefile/a, corefile/b\n.:53 {\n}\n');
  });

  test('the inserted directive silences the rule', async () => {
    const text = 'nameserver 10.0.0.1\nserach example.com\n';
    const [f] = await lint('resolvconf', text);
    assert.equal(f.ruleId, 'resolvconf/unknown-keyword');
    const fixed = applyEdits(text, [disableForFileEdit(text, f.ruleId, '#')]);
    assert.deepEqual(await lint('resolvconf', fixed), []);
  });
});

describe('quick fixes of one finding', () => {
  test('its fix first (preferred), then disable line, disable file, show documentation', () => {
    const actions = quickFixesFor(finding(1, 2, 8, 'forward'), '.:53 {\n  forwrd .\n}\n', '#');
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'forward'", 'Disable corefile/unknown-directive for this line', 'Disable corefile/unknown-directive for this file', 'Show documentation for corefile/unknown-directive']);
    assert.equal(actions[0].preferred, true);
    assert.equal(actions[1].edits![0].newText, '  # infra-lens-disable-next-line corefile/unknown-directive\n');
    assert.deepEqual(actions[3].command!.arguments, ['corefile/unknown-directive']);
    assert.equal(actions[3].command!.command, SHOW_RULE_DOC_COMMAND);
    assert.equal(actions[3].edits, undefined);
  });

  test('a finding in another file offers only its documentation', () => {
    const actions = quickFixesFor({ ...finding(0, 0, 1, 'x'), uri: 'file:///inc' }, '', '#');
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for corefile/unknown-directive']);
  });
});
