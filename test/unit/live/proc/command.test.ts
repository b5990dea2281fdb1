import assert from 'node:assert/strict';
import test from 'node:test';
import { READING_NAMES, runProcCommand } from '../../../../server/src/live/proc/command';
import { testContext } from './context';

test('an unknown reading fails with exit code 2 and lists the valid ones', async () => {
  const report = await runProcCommand({ reading: 'memroy' }, testContext());
  assert.equal(report.ok, false);
  assert.equal(report.exitCode, 2);
  for (const name of READING_NAMES) assert.match(report.error ?? '', new RegExp(`\\b${name}\\b`));
  assert.match(report.text, /unknown reading 'memroy' \(did you mean memory\?\)/);
  assert.doesNotMatch((await runProcCommand({ reading: 'zzzzzz' }, testContext())).error ?? '', /did you mean/);
  // Names an object has by inheritance are not readings (toString used to be called as one).
  for (const reading of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    const inherited = await runProcCommand({ reading }, testContext());
    assert.equal(inherited.exitCode, 2, reading);
    assert.match(inherited.error ?? '', new RegExp(`unknown reading '${reading}'`));
  }
});

test('malformed arguments are a usage error, not a crash', async () => {
  for (const args of [undefined, null, 42, {}, { reading: 5 }, { reading: 'memory', pid: 'x' }]) {
    const report = await runProcCommand(args, testContext());
    assert.equal(report.ok, false);
    assert.equal(report.exitCode, 2);
  }
  const badPid = await runProcCommand({ reading: 'memory', pid: -3 }, testContext());
  assert.equal(badPid.exitCode, 2);
});

test('an untrusted workspace gets no live reading', async () => {
  const report = await runProcCommand({ reading: 'memory' }, testContext({ trusted: false }));
  assert.equal(report.ok, false);
  assert.match(report.error ?? '', /untrusted/);
});

test('memory reads the live /proc/meminfo', async () => {
  const report = await runProcCommand({ reading: 'memory' }, testContext());
  assert.equal(report.ok, true, report.error);
  assert.match(report.text, /^\s+total\s+used/);
});
